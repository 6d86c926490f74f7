package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import vn.unionnews.text.Datelines;
import vn.unionnews.text.VietnameseText;

/**
 * The default summariser: each sentence scored by a model learnt from 11,851 news articles and their abstracts
 * ({@link SentenceScorer}, over {@link SentenceFeatures}: position, length, LexRank centrality, similarity to the
 * title and the centroid, figures, names, openings), then the best ones taken while they fit the length the model
 * aims at. A summary never opens with a sentence that leans on the one before it, never repeats itself, never
 * takes a fragment or a photo line, and drops the newspaper's dateline from a sentence rather than the sentence.
 * The picks come out in article order. Deterministic for a given model and IDF state; O(n²) in the number of
 * sentences (at most {@value #MAX_SENTENCES} are ranked).
 */
public final class LearnedSummarizer implements Summarizer {
    public static final String METHOD = "learned";
    static final int MAX_SENTENCES = 300;
    /** Shorter sentences are fragments, headings or captions that slipped through: never picked. */
    static final int MIN_SYLLABLES = 8;
    /** A sentence this similar to one already picked says nothing new: never picked. */
    private static final double DUPLICATE = 0.9;

    private final int sentences;
    private final int maxWords;
    private final DocumentFrequencies frequencies;
    private final SentenceScorer scorer;

    /**
     * @param sentences   the most sentences a summary has
     * @param maxWords    the length in syllables, an upper bound; 0 for the model's own
     * @param frequencies the IDF statistics, shared and updated by every article summarised
     */
    public LearnedSummarizer(int sentences, int maxWords, DocumentFrequencies frequencies, SentenceScorer scorer) {
        if (sentences < 1) {
            throw new IllegalArgumentException("A summary needs at least one sentence, got " + sentences);
        }
        this.sentences = sentences;
        this.maxWords = maxWords;
        this.frequencies = frequencies;
        this.scorer = scorer;
    }

    @Override
    public Summary summarize(String title, List<String> all) {
        Prepared article = Prepared.of(title, all, frequencies);
        int n = article.stripped().size();
        double[] scores = new double[n];
        for (int i = 0; i < n; i++) {
            scores[i] = scorer.score(article.features()[i]);
        }
        List<Integer> picked = pick(article, scores);
        return new Summary(METHOD, picked.stream().map(article.stripped()::get).toList());
    }

    /**
     * An article as the scorer sees it: its first {@value #MAX_SENTENCES} sentences without their datelines,
     * their lengths in syllables, which of them lean on the sentence before, their graph and their features, each
     * worked out once. Building it counts the article into the IDF statistics.
     */
    record Prepared(List<String> stripped, int[] lengths, boolean[] leans, boolean[] media, SentenceGraph graph,
                    double[][] features) {
        static Prepared of(String title, List<String> all, DocumentFrequencies frequencies) {
            List<String> written = all.subList(0, Math.min(all.size(), MAX_SENTENCES));
            List<String> stripped = written.stream().map(Datelines::strip).toList();
            SentenceGraph graph = SentenceGraph.of(title, stripped, frequencies);
            int n = stripped.size();
            int[] lengths = new int[n];
            boolean[] leans = new boolean[n];
            boolean[] media = new boolean[n];
            for (int i = 0; i < n; i++) {
                lengths[i] = VietnameseText.syllableCount(stripped.get(i));
                leans[i] = Openings.leansOnPrevious(stripped.get(i));
                media[i] = Openings.isMediaLine(stripped.get(i));
            }
            return new Prepared(stripped, lengths, leans, media, graph,
                    SentenceFeatures.of(graph, written, stripped, lengths, leans));
        }

        /** Whether sentence {@code i} may be picked at all: no fragment, no photo line. */
        boolean eligible(int i) {
            return lengths[i] >= MIN_SYLLABLES && !media[i];
        }
    }

    /**
     * The best-scored sentences while they fit the length (the caller's {@code maxWords}, else the model's, which
     * the best sentence may exceed) and the sentence count; in article order. A sentence that leans on the one
     * before may not open the summary. Only when no sentence fits {@code maxWords} is the summary longer: one
     * sentence.
     */
    private List<Integer> pick(Prepared article, double[] scores) {
        int n = scores.length;
        int budget = maxWords > 0 ? maxWords : scorer.budget();
        Integer[] byScore = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(byScore, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        List<Integer> picked = new ArrayList<>();
        int words = 0;
        for (int i : byScore) {
            if (picked.size() == sentences || (!picked.isEmpty() && words >= budget)) {
                break;
            }
            int length = article.lengths()[i];
            // The first pick may be longer than the model's length, never than the caller's bound.
            int limit = !picked.isEmpty() ? budget : maxWords > 0 ? maxWords : Integer.MAX_VALUE;
            if (words + length > limit || !article.eligible(i) || (opens(i, picked) && article.leans()[i])
                    || repeats(i, picked, article.graph().similarity)) {
                continue;
            }
            picked.add(i);
            words += length;
        }
        if (picked.isEmpty() && n > 0) {
            // Nothing fits: the best sentence that does not lean on another, else the best.
            picked.add(Arrays.stream(byScore).filter(i -> !article.leans()[i]).findFirst().orElse(byScore[0]));
        }
        picked.sort(null);
        return picked;
    }

    private static boolean opens(int i, List<Integer> picked) {
        return picked.stream().allMatch(p -> p > i);
    }

    private static boolean repeats(int i, List<Integer> picked, double[][] similarity) {
        for (int p : picked) {
            if (similarity[i][p] >= DUPLICATE) {
                return true;
            }
        }
        return false;
    }
}
