package vn.unionnews.summary;

import java.util.List;
import vn.unionnews.text.Syllables;

/**
 * What the learned scorer knows of each sentence of an article: where it stands, how long it is, how close it is
 * to the title, the centroid, the first sentence and the rest (LexRank centrality), and what it holds (figures,
 * dates, quotes, names, an opening that leans on the sentence before). One row of {@link #NAMES} a sentence, from
 * one {@link SentenceGraph}; each value is in [0, 1] or near it.
 */
final class SentenceFeatures {
    static final List<String> NAMES = List.of("position", "first", "second", "third", "fourthToSixth",
            "relativePosition", "length", "lengthSquared", "titleSimilarity", "centroidSimilarity",
            "firstSentenceSimilarity", "centrality", "digits", "date", "leansOnPrevious", "quote", "capitalised",
            "titleOverlap", "articleLength", "dateline", "shortish");
    /** Lengths in syllables are counted up to this and scaled by half of it. */
    private static final int LENGTH_CAP = 80;
    private static final int SHORTISH = 12;

    private SentenceFeatures() {
    }

    /**
     * @param written  the sentences as written
     * @param stripped the same without their datelines, which {@code graph} was built from
     * @param lengths  the stripped sentences' syllable counts
     * @param leans    which of them open with words that lean on the sentence before
     */
    static double[][] of(SentenceGraph graph, List<String> written, List<String> stripped, int[] lengths,
                         boolean[] leans) {
        int n = graph.size();
        double[] centrality = graph.centrality();
        double[] centroid = graph.centroidSimilarity();
        double articleLength = Math.log(n + 1) / 3;
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            String sentence = stripped.get(i);
            double length = Math.min(lengths[i], LENGTH_CAP) / (LENGTH_CAP / 2.0);
            SparseVector vector = graph.vectors[i];
            rows[i] = new double[] {
                1.0 / Math.sqrt(i + 1.0),
                flag(i == 0),
                flag(i == 1),
                flag(i == 2),
                flag(i >= 3 && i <= 5),
                n == 1 ? 0 : (double) i / (n - 1),
                length,
                length * length,
                graph.title.cosine(vector),
                centroid[i],
                i == 0 ? 1 : graph.similarity[i][0],
                centrality[i],
                flag(hasDigit(sentence)),
                flag(hasDate(sentence)),
                flag(leans[i]),
                flag(hasQuote(sentence)),
                capitalisedShare(sentence, lengths[i]),
                vector.size() == 0 ? 0 : (double) vector.sharedTerms(graph.title) / vector.size(),
                articleLength,
                flag(!written.get(i).equals(sentence)),
                flag(lengths[i] < SHORTISH),
            };
        }
        return rows;
    }

    private static double flag(boolean value) {
        return value ? 1 : 0;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** A day and month, "14/5" or "14/5/2011". */
    private static boolean hasDate(String s) {
        for (int i = 1; i + 1 < s.length(); i++) {
            if (s.charAt(i) == '/' && Character.isDigit(s.charAt(i - 1)) && Character.isDigit(s.charAt(i + 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasQuote(String s) {
        return s.indexOf('"') >= 0 || s.indexOf('“') >= 0 || s.indexOf('”') >= 0;
    }

    /** The share of syllables after the first that start with a capital: names of people, places, bodies. */
    private static double capitalisedShare(String s, int syllables) {
        if (syllables < 2) {
            return 0;
        }
        int capitalised = 0;
        boolean inRun = false;
        boolean first = true;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            boolean word = Syllables.isWordChar(c);
            if (word && !inRun) {
                capitalised += !first && Character.isUpperCase(c) ? 1 : 0;
                first = false;
            }
            inRun = word;
            i += Character.charCount(c);
        }
        return (double) capitalised / (syllables - 1);
    }
}
