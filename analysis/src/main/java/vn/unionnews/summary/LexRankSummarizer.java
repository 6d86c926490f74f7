package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.unionnews.text.VietnameseText;

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
        SentenceTerms reader = new SentenceTerms();
        Terms terms = new Terms();
        int[][] sentenceTerms = new int[n][];
        for (int i = 0; i < n; i++) {
            sentenceTerms[i] = terms.idsOf(reader.of(ranked.get(i)));
        }
        frequencies.add(terms.names);
        int[] titleTerms = title == null ? null : terms.idsOf(reader.of(title));
        double[] idf = frequencies.idf(terms.names);
        SparseVector[] vectors = new SparseVector[n];
        for (int i = 0; i < n; i++) {
            vectors[i] = SparseVector.of(sentenceTerms[i], idf);
        }
        double[][] similarity = new double[n][n];
        double[] dense = new double[terms.names.size()];
        for (int i = 0; i < n; i++) {
            vectors[i].cosines(vectors, i + 1, dense, similarity[i]);
            for (int j = i + 1; j < n; j++) {
                similarity[j][i] = similarity[i][j];
            }
        }
        double[] centrality = normalised(centrality(similarity));
        SparseVector titleVector = titleTerms == null ? SparseVector.EMPTY : SparseVector.of(titleTerms, idf);
        double[] relevance = new double[n];
        int[] lengths = new int[n];
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) {
            double position = 1.0 / Math.sqrt(i + 1.0);
            lengths[i] = VietnameseText.syllableCount(ranked.get(i));
            relevance[i] = (CENTRALITY_WEIGHT * centrality[i] + POSITION_WEIGHT * position
                    + TITLE_WEIGHT * titleVector.cosine(vectors[i])) / (1 + lengths[i] / LENGTH_SCALE);
            eligible[i] = lengths[i] >= MIN_SYLLABLES;
        }
        return new Summary(METHOD, pick(ranked, lengths, normalised(relevance), eligible, similarity));
    }

    /**
     * A document's terms interned once: each distinct term gets the next id, in order of first occurrence, so a
     * sentence is an array of ids and the document's distinct terms are {@code names}.
     */
    private static final class Terms {
        final List<String> names = new ArrayList<>();
        private final Map<String, Integer> ids = new HashMap<>();

        int[] idsOf(List<String> occurrences) {
            int[] out = new int[occurrences.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = ids.computeIfAbsent(occurrences.get(i), term -> {
                    names.add(term);
                    return names.size() - 1;
                });
            }
            return out;
        }
    }

    /** Maximal marginal relevance within the length limits; the picks in article order. */
    private List<String> pick(List<String> ranked, int[] lengths, double[] relevance, boolean[] eligible,
                              double[][] similarity) {
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
            int length = lengths[best];
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
            double dangling = 0;
            for (int i = 0; i < n; i++) {
                if (rowSums[i] == 0) {
                    dangling += rank[i];
                }
            }
            // What each sentence j receives, summed over i in order; the matrix is symmetric, so sentence i gives
            // along its own row, in memory order, to every j at once.
            double[] incoming = new double[n];
            for (int i = 0; i < n; i++) {
                if (rowSums[i] > 0) {
                    double[] row = similarity[i];
                    double given = rank[i];
                    double sum = rowSums[i];
                    for (int j = 0; j < n; j++) {
                        incoming[j] += given * row[j] / sum;
                    }
                }
            }
            double[] next = new double[n];
            double change = 0;
            for (int j = 0; j < n; j++) {
                next[j] = (1 - DAMPING) / n + DAMPING * (incoming[j] + dangling / n);
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
