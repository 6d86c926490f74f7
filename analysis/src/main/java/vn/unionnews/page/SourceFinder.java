package vn.unionnews.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.VietnameseText;

/**
 * Finds who published a page, in this order: the scraper's source name (or the HTML's site name), made canonical;
 * the owner of the URL's site (site-owners.txt); a newspaper dateline before the first sentence ("LCĐT – …",
 * "(Baothanhhoa.vn) – …"); a federation named in the site header or slogan,
 * in any case ("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "LĐLĐ tỉnh Nghệ An"); a newspaper named in the header; the
 * national federation; or, for a page of a provincial federation's site that only says "LĐLĐ tỉnh", the
 * province its text names most. Names are canonical, types TAXONOMY.md's. Matching ignores case and tone
 * placement.
 */
final class SourceFinder {
    static final String NATIONAL_FEDERATION = "Tổng Liên đoàn Lao động Việt Nam";
    private static final Pattern DATELINE = Pattern.compile("^\\(?([\\p{Lu}Đ]{2,8})\\)?\\s*[–—-]\\s");
    /** A dateline naming the paper's site: "(Baothanhhoa.vn) – …". */
    private static final Pattern DOMAIN_DATELINE = Pattern.compile(
            "^\\(?((?:[\\p{L}\\d-]+\\.)+(?:vn|com|net|org))\\)?\\s*[–—-]\\s", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOMAIN = Pattern.compile("(?:[a-z\\d-]+\\.)+[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    /** A federation of a district, town or a city that is not a province: "Liên đoàn Lao động thành phố Thủ Đức". */
    private static final Pattern DISTRICT_FEDERATION = Pattern.compile(
            "^(?:liên đoàn lao động|lđlđ) (huyện|quận|thị xã|thành phố|tp\\.?) ?(\\p{L}+(?: \\p{L}+){0,3})$");
    private static final Pattern SECTORAL_UNION = Pattern.compile(
            "^công đoàn (?:ngành|viên chức|giáo dục|y tế|khu kinh tế|khu công nghiệp|các khu|công thương|xây dựng|"
                    + "nông nghiệp|giao thông|cao su|dệt may|điện lực|dầu khí|đường sắt|ngân hàng|công an|bưu điện|"
                    + "tổng công ty|tập đoàn)");
    private static final Pattern IMPLICIT_FEDERATION = Pattern.compile(
            "(?:LĐLĐ|Liên đoàn Lao động) (?:tỉnh|thành phố)(?! [\\p{Lu}])");
    private static final Pattern NATIONAL = Pattern.compile("tổng (?:liên đoàn lao động|lđlđ) việt nam");

    private final Map<String, String> mediaByDateline = new HashMap<>();
    /** Site owners by domain (site-owners.txt). */
    private final Map<String, SourceOrg> ownerByDomain = new HashMap<>();
    /** Newspapers by the match key of their canonical name. */
    private final Map<String, String> mediaByKey = new LinkedHashMap<>();
    /** Provinces by the match key of their name. */
    private static final Provinces PROVINCES = Provinces.vietnam();
    private static final ProvinceMentions PROVINCE_MENTIONS = ProvinceMentions.vietnam();
    private final Pattern namedFederation;

    SourceFinder() {
        for (String line : LanguageData.lines(SourceFinder.class, "media-datelines.txt")) {
            int eq = line.indexOf('=');
            String media = line.substring(eq + 1).strip();
            mediaByDateline.put(line.substring(0, eq).strip(), media);
            mediaByKey.put(VietnameseText.matchKey(media), media);
        }
        for (String line : LanguageData.lines(SourceFinder.class, "site-owners.txt")) {
            String[] domainAndOwner = line.split("=", 2);
            String[] nameAndType = domainAndOwner[1].split("\\|", 2);
            ownerByDomain.put(domainAndOwner[0].strip().toLowerCase(Locale.ROOT),
                    new SourceOrg(nameAndType[0].strip(), nameAndType[1].strip()));
        }
        namedFederation = Pattern.compile("(?:liên đoàn lao động|lđlđ) (?:tỉnh|thành phố|tp\\.?) ?("
                + PROVINCES.alternatives(VietnameseText::matchKey) + ")(?![\\p{L}])");
    }

    /**
     * @param sourceHint the scraper's name for the site or the HTML's site name, may be null
     * @param host       the host of the page's URL, may be null
     */
    Optional<SourceOrg> find(String sourceHint, String host, List<String> header, List<String> paragraphs) {
        if (sourceHint != null && !sourceHint.isBlank()) {
            return Optional.of(named(sourceHint.strip()));
        }
        Optional<SourceOrg> owner = ownerOf(host);
        if (owner.isPresent()) {
            return owner;
        }
        if (!paragraphs.isEmpty()) {
            Matcher dateline = DATELINE.matcher(paragraphs.get(0));
            if (dateline.find() && mediaByDateline.containsKey(dateline.group(1))) {
                return Optional.of(new SourceOrg(mediaByDateline.get(dateline.group(1)), "media"));
            }
            Matcher domain = DOMAIN_DATELINE.matcher(paragraphs.get(0));
            if (domain.find() && ownerOf(domain.group(1)).isPresent()) {
                return ownerOf(domain.group(1));
            }
        }
        Optional<SourceOrg> named = federationIn(header).or(() -> mediaIn(header)).or(() -> nationalIn(header));
        if (named.isPresent()) {
            return named;
        }
        if (paragraphs.stream().anyMatch(paragraph -> IMPLICIT_FEDERATION.matcher(paragraph).find())) {
            List<String> text = new ArrayList<>(header);
            text.addAll(paragraphs);
            return PROVINCE_MENTIONS.mostMentioned(text).map(this::provincialFederation);
        }
        return Optional.empty();
    }

    /**
     * A name as a scraper or a site gives it, made canonical where it names a known kind of organisation: a site's
     * domain, a provincial federation in any spelling ("LĐLĐ tỉnh Bắc Giang"), a newspaper, the national
     * federation, a district federation or a sectoral union. Anything else is kept as given, without a type.
     */
    SourceOrg named(String name) {
        if (DOMAIN.matcher(name).matches()) {
            Optional<SourceOrg> owner = ownerOf(name);
            if (owner.isPresent()) {
                return owner.get();
            }
        }
        List<String> lines = List.of(name);
        Optional<SourceOrg> known = federationIn(lines).or(() -> mediaIn(lines)).or(() -> nationalIn(lines));
        if (known.isPresent()) {
            return known.get();
        }
        String clean = VietnameseText.normalize(name);
        String key = VietnameseText.matchKey(clean);
        Matcher district = DISTRICT_FEDERATION.matcher(key);
        if (district.matches()) {
            String level = district.group(1).startsWith("tp") ? "thành phố" : district.group(1);
            String place = clean.substring(clean.length() - district.group(2).length());
            return new SourceOrg("Liên đoàn Lao động " + level + " " + place, "district_federation");
        }
        if (SECTORAL_UNION.matcher(key).find()) {
            return new SourceOrg(clean, "sectoral_union");
        }
        return new SourceOrg(clean, null);
    }

    /** The owner of a site by its domain or a parent domain ("www.nld.com.vn" is "nld.com.vn"). */
    private Optional<SourceOrg> ownerOf(String host) {
        if (host == null) {
            return Optional.empty();
        }
        String domain = host.toLowerCase(Locale.ROOT);
        while (domain.contains(".")) {
            SourceOrg owner = ownerByDomain.get(domain);
            if (owner != null) {
                return Optional.of(owner);
            }
            domain = domain.substring(domain.indexOf('.') + 1);
        }
        return Optional.empty();
    }

    private Optional<SourceOrg> federationIn(List<String> lines) {
        for (String line : lines) {
            Matcher m = namedFederation.matcher(VietnameseText.matchKey(line));
            if (m.find()) {
                return Optional.of(provincialFederation(PROVINCES.canonical(m.group(1))));
            }
        }
        return Optional.empty();
    }

    private Optional<SourceOrg> mediaIn(List<String> lines) {
        for (String line : lines) {
            String key = VietnameseText.matchKey(line);
            for (Map.Entry<String, String> media : mediaByKey.entrySet()) {
                if (key.equals(media.getKey()) || key.startsWith(media.getKey() + " ")) {
                    return Optional.of(new SourceOrg(media.getValue(), "media"));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<SourceOrg> nationalIn(List<String> lines) {
        for (String line : lines) {
            if (NATIONAL.matcher(VietnameseText.matchKey(line)).find()) {
                return Optional.of(new SourceOrg(NATIONAL_FEDERATION, "national_federation"));
            }
        }
        return Optional.empty();
    }

    private SourceOrg provincialFederation(String province) {
        return new SourceOrg("Liên đoàn Lao động " + PROVINCES.withLevel(province), "provincial_federation");
    }
}
