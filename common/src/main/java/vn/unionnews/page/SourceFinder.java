package vn.unionnews.page;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.unionnews.event.SourceOrg;

/**
 * Finds who published a page: a newspaper dateline before the first sentence ("LCĐT – …"), a federation
 * named in the site header, or a page of a provincial federation's site that speaks of "LĐLĐ tỉnh" and names
 * its province. Types are TAXONOMY.md's.
 */
final class SourceFinder {
    private static final Pattern DATELINE = Pattern.compile("^\\(?([\\p{Lu}Đ]{2,8})\\)?\\s*[–—-]\\s");
    private static final Pattern HEADER_FEDERATION = Pattern.compile(
            "Liên đoàn Lao động (tỉnh|thành phố|TP\\.?) ?([\\p{Lu}][\\p{L}]*(?: [\\p{Lu}][\\p{L}]*| - [\\p{Lu}][\\p{L}]*)*)");
    private static final Pattern IMPLICIT_FEDERATION = Pattern.compile(
            "(?:LĐLĐ|Liên đoàn Lao động) (?:tỉnh|thành phố)(?! [\\p{Lu}])");

    private final Map<String, String> mediaByDateline = new HashMap<>();
    private final Map<String, Boolean> provinceIsCity = new LinkedHashMap<>();
    private final Pattern provinceMention;

    SourceFinder() {
        for (String line : LanguageData.lines(SourceFinder.class, "media-datelines.txt")) {
            int eq = line.indexOf('=');
            mediaByDateline.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        StringBuilder alternatives = new StringBuilder();
        for (String line : LanguageData.lines(SourceFinder.class, "provinces.txt")) {
            boolean city = line.startsWith("*");
            String name = city ? line.substring(1) : line;
            provinceIsCity.put(name, city);
            alternatives.append(alternatives.length() == 0 ? "" : "|").append(Pattern.quote(name));
        }
        provinceMention = Pattern.compile("(?<![\\p{L}])(" + alternatives + ")(?![\\p{L}])");
    }

    Optional<SourceOrg> find(String sourceHint, List<String> header, List<String> paragraphs) {
        if (sourceHint != null && !sourceHint.isBlank()) {
            Optional<SourceOrg> hinted = federationIn(List.of(sourceHint));
            return Optional.of(hinted.orElse(new SourceOrg(sourceHint.strip(), null)));
        }
        if (!paragraphs.isEmpty()) {
            Matcher dateline = DATELINE.matcher(paragraphs.get(0));
            if (dateline.find() && mediaByDateline.containsKey(dateline.group(1))) {
                return Optional.of(new SourceOrg(mediaByDateline.get(dateline.group(1)), "media"));
            }
        }
        Optional<SourceOrg> named = federationIn(header);
        if (named.isPresent()) {
            return named;
        }
        String body = String.join("\n", paragraphs);
        if (IMPLICIT_FEDERATION.matcher(body).find()) {
            return mostMentionedProvince(String.join("\n", header) + "\n" + body).map(this::provincialFederation);
        }
        return Optional.empty();
    }

    private Optional<SourceOrg> federationIn(List<String> lines) {
        for (String line : lines) {
            Matcher m = HEADER_FEDERATION.matcher(line);
            while (m.find()) {
                Matcher province = provinceMention.matcher(m.group(2));
                if (province.lookingAt()) {
                    return Optional.of(provincialFederation(province.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> mostMentionedProvince(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = provinceMention.matcher(text);
        while (m.find()) {
            counts.merge(m.group(1), 1, Integer::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private SourceOrg provincialFederation(String province) {
        String level = Boolean.TRUE.equals(provinceIsCity.get(province)) ? "thành phố " : "tỉnh ";
        return new SourceOrg("Liên đoàn Lao động " + level + province, "provincial_federation");
    }
}
