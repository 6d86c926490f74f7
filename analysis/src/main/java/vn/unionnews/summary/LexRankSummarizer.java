package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        SentenceGraph graph = SentenceGraph.of(title, ranked, frequencies);
        SparseVector[] vectors = graph.vectors;
        double[][] similarity = graph.similarity;
        double[] centrality = graph.centrality();
        SparseVector titleVector = graph.title;
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
        return new Summary(METHOD, pick(ranked, lengths, SentenceGraph.normalised(relevance), eligible, similarity));
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
}
