package vn.unionnews.summary;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.unionnews.text.WordTokenizer;

/**
 * How many articles each term (syllable or word) has occurred in, learnt from the stream: the IDF statistics
 * of {@link LexRankSummarizer}. Before any article, a prior stands in: function words (the stopword list) count
 * as occurring in most documents, every other term as rare. Each article summarised is then counted, so the
 * statistics improve as the stream grows. Memory is bounded: past {@code maxTerms} the counts are halved and
 * terms seen once are forgotten. Thread-safe.
 */
public final class DocumentFrequencies {
    /** The prior: as if this many documents had been seen, ... */
    static final int PRIOR_DOCUMENTS = 50;
    /** ... and a function word had occurred in this share of them. */
    static final double PRIOR_FUNCTION_WORD_SHARE = 0.8;
    private static final int DEFAULT_MAX_TERMS = 500_000;

    private final WordTokenizer words = WordTokenizer.vietnamese();
    private final Map<String, Integer> counts = new HashMap<>();
    private final int maxTerms;
    private long documents;

    public DocumentFrequencies() {
        this(DEFAULT_MAX_TERMS);
    }

    public DocumentFrequencies(int maxTerms) {
        this.maxTerms = maxTerms;
    }

    /** Counts one document's distinct terms. */
    public synchronized void add(Collection<String> terms) {
        Set<String> distinct = new HashSet<>(terms);
        for (String term : distinct) {
            counts.merge(term, 1, Integer::sum);
        }
        documents++;
        if (counts.size() > maxTerms) {
            counts.replaceAll((term, count) -> count / 2);
            counts.values().removeIf(count -> count == 0);
            documents /= 2;
        }
    }

    /** Smoothed inverse document frequency of {@code term}, prior included. */
    public synchronized double idf(String term) {
        return idfOf(term);
    }

    /** {@link #idf} of each of {@code terms}, in order, with one lock for the whole document. */
    public synchronized double[] idf(List<String> terms) {
        double[] idf = new double[terms.size()];
        for (int i = 0; i < idf.length; i++) {
            idf[i] = idfOf(terms.get(i));
        }
        return idf;
    }

    private double idfOf(String term) {
        double prior = words.isStopword(term) ? PRIOR_FUNCTION_WORD_SHARE * PRIOR_DOCUMENTS : 0;
        double df = prior + counts.getOrDefault(term, 0);
        double n = PRIOR_DOCUMENTS + documents;
        return Math.log((n + 1) / (df + 1)) + 1;
    }

    public synchronized long documents() {
        return documents;
    }
}
