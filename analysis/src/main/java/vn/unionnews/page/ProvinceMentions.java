package vn.unionnews.page;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the provinces a text names, as written (case and tone placement as in {@code provinces.txt}), whole words
 * only, the longest name where several start at one place. One scan: a mention can start only at a name's first
 * letter after a non-letter, and there only the names with that letter are compared, instead of trying a pattern
 * of 63 alternatives at every character.
 */
final class ProvinceMentions {
    /** The names by their first character, longest first. */
    private final Map<Character, List<String>> byInitial = new HashMap<>();
    /** The same first characters, looked up at every character of a text without boxing it. */
    private final BitSet initials = new BitSet();

    ProvinceMentions(List<String> names) {
        for (String name : names) {
            initials.set(name.charAt(0));
            byInitial.computeIfAbsent(name.charAt(0), c -> new ArrayList<>()).add(name);
        }
        byInitial.values().forEach(list -> list.sort(Comparator.comparingInt(String::length).reversed()));
    }

    /** The provinces of {@code provinces.txt}. */
    static ProvinceMentions vietnam() {
        return new ProvinceMentions(Provinces.vietnam().names());
    }

    /**
     * The province the lines name most often; on a tie, the one a {@link HashMap} of the counts (filled in the
     * order of the mentions) yields first, as the pattern this scan replaced did.
     */
    Optional<String> mostMentioned(List<String> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (String line : lines) {
            int i = 0;
            while (i < line.length()) {
                String name = nameAt(line, i);
                if (name == null) {
                    i++;
                } else {
                    counts.merge(name, 1, Integer::sum);
                    i += name.length();
                }
            }
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    /** The longest name written at {@code at} as a whole word, or null. */
    private String nameAt(String text, int at) {
        if (!initials.get(text.charAt(at)) || at > 0 && Character.isLetter(Character.codePointBefore(text, at))) {
            return null;
        }
        for (String name : byInitial.get(text.charAt(at))) {
            int end = at + name.length();
            if (text.startsWith(name, at) && (end == text.length() || !Character.isLetter(text.codePointAt(end)))) {
                return name;
            }
        }
        return null;
    }
}
