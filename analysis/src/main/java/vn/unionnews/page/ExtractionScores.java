package vn.unionnews.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;

/**
 * How well an extracted body matches the gold one, the measure of the article-extraction benchmarks: precision,
 * recall and F1 over bags of syllables (NFC, lower-cased, punctuation dropped; a syllable counts as often as it
 * occurs in both).
 */
public final class ExtractionScores {
    private ExtractionScores() {
    }

    /** Precision, recall and F1, each in [0, 1]. */
    public record Scores(double precision, double recall, double f1) {
        public static final Scores ZERO = new Scores(0, 0, 0);
    }

    public static Scores body(String extracted, String gold) {
        Map<String, Integer> expected = bag(gold);
        Map<String, Integer> found = bag(extracted);
        int expectedSize = size(expected);
        int foundSize = size(found);
        if (expectedSize == 0 || foundSize == 0) {
            return expectedSize == foundSize ? new Scores(1, 1, 1) : Scores.ZERO;
        }
        int overlap = 0;
        for (Map.Entry<String, Integer> e : found.entrySet()) {
            overlap += Math.min(e.getValue(), expected.getOrDefault(e.getKey(), 0));
        }
        double precision = (double) overlap / foundSize;
        double recall = (double) overlap / expectedSize;
        double f1 = overlap == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new Scores(precision, recall, f1);
    }

    /**
     * Whether a text (a caption) is inside {@code body}, compared as syllables so spacing and punctuation do not
     * count; the body is read once for all the texts asked about.
     */
    public static Predicate<String> containedIn(String body) {
        String haystack = " " + String.join(" ", syllables(body)) + " ";
        return text -> {
            String needle = String.join(" ", syllables(text));
            return !needle.isEmpty() && haystack.contains(" " + needle + " ");
        };
    }

    /** Titles are the same when their syllables are: spacing, case and punctuation aside. */
    public static boolean sameTitle(String found, String gold) {
        return found != null && gold != null && syllables(found).equals(syllables(gold));
    }

    private static List<String> syllables(String text) {
        return text == null ? List.of() : Syllables.of(VietnameseText.normalize(text));
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String syllable : syllables(text)) {
            counts.merge(syllable, 1, Integer::sum);
        }
        return counts;
    }

    private static int size(Map<String, Integer> bag) {
        return bag.values().stream().mapToInt(Integer::intValue).sum();
    }
}
