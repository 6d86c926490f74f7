package vn.unionnews.summary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 (Lin, 2004) on syllables as written: lower-cased, NFC, diacritics kept, no
 * stemming and no stopwords, so "ma" and "mà" are different words, as they are in Vietnamese.
 */
public final class Rouge {
    private Rouge() {
    }

    /** F1 scores of one candidate against one reference, each in [0, 1]. */
    public record Scores(double rouge1, double rouge2, double rougeL) {
    }

    public static Scores score(String candidate, String reference) {
        return score(syllables(candidate), syllables(reference));
    }

    static Scores score(List<String> candidate, List<String> reference) {
        return new Scores(
                ngramF1(candidate, reference, 1),
                ngramF1(candidate, reference, 2),
                f1(lcsLength(candidate, reference), candidate.size(), reference.size()));
    }

    static List<String> syllables(String text) {
        return Syllables.of(VietnameseText.normalize(text));
    }

    /** Overlap with clipped counts: an n-gram counts at most as often as it occurs in the reference. */
    private static double ngramF1(List<String> candidate, List<String> reference, int n) {
        Map<String, Integer> referenceCounts = ngramCounts(reference, n);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : ngramCounts(candidate, n).entrySet()) {
            overlap += Math.min(e.getValue(), referenceCounts.getOrDefault(e.getKey(), 0));
        }
        return f1(overlap, Math.max(0, candidate.size() - n + 1), Math.max(0, reference.size() - n + 1));
    }

    private static Map<String, Integer> ngramCounts(List<String> syllables, int n) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= syllables.size(); i++) {
            // Syllables contain no spaces, so a space-joined n-gram is unambiguous.
            counts.merge(String.join(" ", syllables.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    /** Length of the longest common subsequence, one row of the table at a time over the shorter sequence. */
    static int lcsLength(List<String> a, List<String> b) {
        List<String> outer = a.size() >= b.size() ? a : b;
        List<String> inner = outer == a ? b : a;
        int[] row = new int[inner.size() + 1];
        for (String x : outer) {
            int diagonal = 0; // row[j - 1] of the previous row
            for (int j = 1; j <= inner.size(); j++) {
                int above = row[j];
                row[j] = x.equals(inner.get(j - 1)) ? diagonal + 1 : Math.max(above, row[j - 1]);
                diagonal = above;
            }
        }
        return row[inner.size()];
    }

    private static double f1(int overlap, int candidateCount, int referenceCount) {
        double precision = candidateCount == 0 ? 0 : (double) overlap / candidateCount;
        double recall = referenceCount == 0 ? 0 : (double) overlap / referenceCount;
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Macro-average over candidate/reference pairs: each pair weighs the same whatever its length. */
    public static final class Mean {
        private double rouge1;
        private double rouge2;
        private double rougeL;
        private int count;

        public void add(Scores scores) {
            rouge1 += scores.rouge1();
            rouge2 += scores.rouge2();
            rougeL += scores.rougeL();
            count++;
        }

        public int count() {
            return count;
        }

        /** The means as percentages, as ROUGE is reported; all zero when nothing was added. */
        public Scores percent() {
            if (count == 0) {
                return new Scores(0, 0, 0);
            }
            return new Scores(100 * rouge1 / count, 100 * rouge2 / count, 100 * rougeL / count);
        }
    }
}
