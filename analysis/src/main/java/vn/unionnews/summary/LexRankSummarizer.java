package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * The default summariser: continuous LexRank (sentence centrality by PageRank over the cosine similarity of the
 * sentences' TF-IDF vectors of syllables and words), combined with the sentence's position and its similarity to
 * the title, per syllable of the sentence; redundant picks are avoided by maximal marginal relevance; fragments
 * are never picked; the picks
 * come out in article order. Length is a number of sentences and, optionally, a budget of syllables.
 * Deterministic for a given article and IDF state. Cost: O(n²) in the number of sentences n (at most
 * {@value #MAX_SENTENCES} are ranked; the rest count as any late sentence).
 */
public final class LexRankSummarizer implements Summarizer {
    public static final String METHOD = "lexrank";
    static final int MAX_SENTENCES = 300;
    /** Shorter sentences are fragments, headings or captions that slipped through: never picked. */
    static final int MIN_SYLLABLES = 8;
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 50;
    private static final double TOLERANCE = 1e-7;
    private static final double CENTRALITY_WEIGHT = 1.0;
    private static final double POSITION_WEIGHT = 1.0;
    private static final double TITLE_WEIGHT = 1.0;
    /**
     * Relevance is divided by 1 + syllables / this: of two equally relevant sentences the shorter one says it in
     * fewer words. Weights and scale were chosen on the VietNews development set (README, "Summaries").
     */
    private static final double LENGTH_SCALE = 40;
    /** MMR: how much relevance counts against redundancy with what is already picked. */
    private static final double LAMBDA = 0.7;
    /** A sentence this similar to one already picked says nothing new: never picked. */
    private static final double DUPLICATE = 0.9;

    private final int sentences;
    private final int maxWords;
    private final DocumentFrequencies frequencies;
    private final WordTokenizer words = WordTokenizer.vietnamese();

    /**
     * @param maxWords    an upper bound in syllables, 0 for none; the best sentence is always kept
     * @param frequencies the IDF statistics, shared and updated by every article summarised
     */
    public LexRankSummarizer(int sentences, int maxWords, DocumentFrequencies frequencies) {
        if (sentences < 1) {
            throw new IllegalArgumentException("A summary needs at least one sentence, got " + sentences);
        }
        this.sentences = sentences;
        this.maxWords = maxWords;
        this.frequencies = frequencies;
    }

    @Override
    public Summary summarize(String title, List<String> all) {
        List<String> ranked = all.subList(0, Math.min(all.size(), MAX_SENTENCES));
        int n = ranked.size();
        List<Map<String, Integer>> termCounts = new ArrayList<>(n);
        List<String> articleTerms = new ArrayList<>();
        for (String sentence : ranked) {
            List<String> terms = terms(sentence);
            termCounts.add(counts(terms));
            articleTerms.addAll(terms);
        }
        frequencies.add(articleTerms);
        List<Map<String, Double>> vectors = new ArrayList<>(n);
        for (Map<String, Integer> counts : termCounts) {
            vectors.add(tfIdf(counts));
        }
        double[][] similarity = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                similarity[i][j] = similarity[j][i] = cosine(vectors.get(i), vectors.get(j));
            }
        }
        double[] centrality = normalised(centrality(similarity));
        Map<String, Double> titleVector = title == null ? Map.of() : tfIdf(counts(terms(title)));
        double[] relevance = new double[n];
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) {
            double position = 1.0 / Math.sqrt(i + 1.0);
            int length = VietnameseText.syllableCount(ranked.get(i));
            relevance[i] = (CENTRALITY_WEIGHT * centrality[i] + POSITION_WEIGHT * position
                    + TITLE_WEIGHT * cosine(titleVector, vectors.get(i))) / (1 + length / LENGTH_SCALE);
            eligible[i] = length >= MIN_SYLLABLES;
        }
        return new Summary(METHOD, pick(ranked, normalised(relevance), eligible, similarity));
    }

    /** Maximal marginal relevance within the length limits; the picks in article order. */
    private List<String> pick(List<String> ranked, double[] relevance, boolean[] eligible, double[][] similarity) {
        int n = ranked.size();
        List<Integer> picked = new ArrayList<>();
        int words = 0;
        boolean[] taken = new boolean[n];
        while (picked.size() < sentences) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                if (taken[i] || !eligible[i]) {
                    continue;
                }
                double redundancy = 0;
                for (int p : picked) {
                    redundancy = Math.max(redundancy, similarity[i][p]);
                }
                if (redundancy >= DUPLICATE) {
                    continue;
                }
                double score = LAMBDA * relevance[i] - (1 - LAMBDA) * redundancy;
                if (score > bestScore) {
                    best = i;
                    bestScore = score;
                }
            }
            if (best < 0) {
                break;
            }
            int length = VietnameseText.syllableCount(ranked.get(best));
            taken[best] = true;
            if (maxWords > 0 && !picked.isEmpty() && words + length > maxWords) {
                continue;
            }
            picked.add(best);
            words += length;
        }
        if (picked.isEmpty() && n > 0) {
            picked.add(0);
        }
        Collections.sort(picked);
        List<String> result = new ArrayList<>();
        picked.forEach(i -> result.add(ranked.get(i)));
        return result;
    }

    /** The syllables of a sentence (lower case, tone placement folded) and its multi-syllable words. */
    private List<String> terms(String sentence) {
        List<String> terms = new ArrayList<>();
        for (String syllable : Syllables.of(sentence)) {
            terms.add(VietnameseText.foldTones(syllable));
        }
        for (String word : words.words(sentence)) {
            if (word.indexOf(' ') > 0) {
                terms.add(word);
            }
        }
        return terms;
    }

    private static Map<String, Integer> counts(List<String> terms) {
        Map<String, Integer> counts = new HashMap<>();
        terms.forEach(term -> counts.merge(term, 1, Integer::sum));
        return counts;
    }

    private Map<String, Double> tfIdf(Map<String, Integer> counts) {
        Map<String, Double> vector = new HashMap<>();
        counts.forEach((term, count) -> vector.put(term, count * frequencies.idf(term)));
        return vector;
    }

    private static double cosine(Map<String, Double> a, Map<String, Double> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double dot = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                dot += e.getValue() * other;
            }
        }
        return dot == 0 ? 0 : dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Double> vector) {
        double sum = 0;
        for (double v : vector.values()) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    /** PageRank over the similarity graph (continuous LexRank): each sentence's stationary probability. */
    private static double[] centrality(double[][] similarity) {
        int n = similarity.length;
        double[] rowSums = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                rowSums[i] += similarity[i][j];
            }
        }
        double[] rank = new double[n];
        Arrays.fill(rank, 1.0 / Math.max(1, n));
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double[] next = new double[n];
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (rowSums[i] == 0) {
                    dangling += rank[i];
                }
            }
            double change = 0;
            for (int j = 0; j < n; j++) {
                double incoming = 0;
                for (int i = 0; i < n; i++) {
                    if (rowSums[i] > 0) {
                        incoming += rank[i] * similarity[i][j] / rowSums[i];
                    }
                }
                next[j] = (1 - DAMPING) / n + DAMPING * (incoming + dangling / n);
                change += Math.abs(next[j] - rank[j]);
            }
            rank = next;
            if (change < TOLERANCE) {
                break;
            }
        }
        return rank;
    }

    /** Scaled to [0, 1] by the largest value, so centrality weighs like the other signals. */
    private static double[] normalised(double[] values) {
        double max = 0;
        for (double v : values) {
            max = Math.max(max, v);
        }
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = max == 0 ? 0 : values[i] / max;
        }
        return out;
    }
}
