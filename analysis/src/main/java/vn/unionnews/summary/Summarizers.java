package vn.unionnews.summary;

/** The pipeline's summarisers by name. */
public final class Summarizers {
    private static final DocumentFrequencies STREAM_FREQUENCIES = new DocumentFrequencies();

    private Summarizers() {
    }

    /**
     * The default summariser ({@link LearnedSummarizer} with the committed model), sharing one process-wide set
     * of IDF statistics that every article summarised in this process improves.
     */
    public static Summarizer standard(int sentences, int maxWords) {
        return new LearnedSummarizer(sentences, maxWords, STREAM_FREQUENCIES, SentenceScorer.standard());
    }

    /**
     * The default summariser with IDF statistics of its own, starting from the prior: for evaluations, whose
     * figures must not depend on what the process summarised before.
     */
    public static Summarizer fresh(int sentences, int maxWords) {
        return new LearnedSummarizer(sentences, maxWords, new DocumentFrequencies(), SentenceScorer.standard());
    }

    /** The LexRank baseline ({@link LexRankSummarizer}), with IDF statistics of its own. */
    public static Summarizer lexRank(int sentences, int maxWords) {
        return new LexRankSummarizer(sentences, maxWords, new DocumentFrequencies());
    }
}
