package vn.unionnews.page;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.VietnameseText;

/**
 * Vietnam's provinces and centrally-run cities as news pages name them ({@code provinces.txt}): their canonical
 * names, which are cities ("thành phố Hà Nội") and which provinces ("tỉnh Lào Cai"), and a pattern that finds
 * them. Immutable; {@link #vietnam()} is loaded once.
 */
public final class Provinces {
    private final Map<String, String> byKey = new LinkedHashMap<>();
    private final Set<String> cities = new LinkedHashSet<>();
    private final List<String> names = new ArrayList<>();

    private Provinces(List<String> lines) {
        for (String line : lines) {
            boolean city = line.startsWith("*");
            String name = city ? line.substring(1) : line;
            if (city) {
                cities.add(name);
            }
            names.add(name);
            byKey.put(VietnameseText.matchKey(name), name);
        }
    }

    private static final class Holder {
        static final Provinces VIETNAM = new Provinces(LanguageData.lines(Provinces.class, "provinces.txt"));
    }

    public static Provinces vietnam() {
        return Holder.VIETNAM;
    }

    /** The canonical names, in the order of {@code provinces.txt}. */
    public List<String> names() {
        return List.copyOf(names);
    }

    /** The canonical name of a province written in any case or tone placement, or {@code name} itself. */
    public String canonical(String name) {
        return byKey.getOrDefault(VietnameseText.matchKey(name), name);
    }

    /** Whether {@code name}, in any case or tone placement, is a province's. */
    public boolean isProvince(String name) {
        return byKey.containsKey(VietnameseText.matchKey(name));
    }

    /** "tỉnh Lào Cai" or "thành phố Hà Nội": the province with its level, as canonical organisation names write it. */
    public String withLevel(String province) {
        return (cities.contains(province) ? "thành phố " : "tỉnh ") + province;
    }

    /**
     * A regular expression (no groups) matching any province's name, longest first, in the given form of the
     * names: as written, tone-folded ({@link VietnameseText#foldTones}) or as match keys.
     */
    public String alternatives(UnaryOperator<String> form) {
        List<String> quoted = new ArrayList<>();
        for (String name : names) {
            quoted.add(Pattern.quote(form.apply(name)));
        }
        quoted.sort(Comparator.comparingInt(String::length).reversed());
        return "(?:" + String.join("|", quoted) + ")";
    }
}
