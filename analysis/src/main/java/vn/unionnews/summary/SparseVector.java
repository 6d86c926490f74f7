package vn.unionnews.summary;

import java.util.Arrays;

/**
 * A sentence's TF-IDF vector over a document's interned terms: term ids in ascending order with their weights in
 * parallel arrays, and its norm, worked out once. The summariser compares every pair of sentences, so a cosine is
 * one merge of two sorted arrays, with no map and no boxing.
 */
final class SparseVector {
    static final SparseVector EMPTY = new SparseVector(new int[0], new double[0]);

    private final int[] terms;
    private final double[] weights;
    private final double norm;

    private SparseVector(int[] terms, double[] weights) {
        this.terms = terms;
        this.weights = weights;
        double sum = 0;
        for (double w : weights) {
            sum += w * w;
        }
        this.norm = Math.sqrt(sum);
    }

    /**
     * The vector of a text whose terms are {@code occurrences} (ids, in any order, repeated as often as they
     * occur): each distinct term weighs its count times {@code idf[term]}.
     */
    static SparseVector of(int[] occurrences, double[] idf) {
        int[] sorted = occurrences.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                distinct++;
            }
        }
        int[] terms = new int[distinct];
        double[] weights = new double[distinct];
        int at = -1;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[i - 1]) {
                terms[++at] = sorted[i];
            }
            weights[at]++;
        }
        for (int i = 0; i < distinct; i++) {
            weights[i] *= idf[terms[i]];
        }
        return new SparseVector(terms, weights);
    }

    int size() {
        return terms.length;
    }

    double norm() {
        return norm;
    }

    /** How many terms the two vectors share. */
    int sharedTerms(SparseVector other) {
        int shared = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < other.terms.length) {
            if (terms[i] == other.terms[j]) {
                shared++;
                i++;
                j++;
            } else if (terms[i] < other.terms[j]) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
    }

    /** The cosine similarity, 0 when either vector is empty or they share no term. */
    double cosine(SparseVector other) {
        if (terms.length == 0 || other.terms.length == 0) {
            return 0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < terms.length && j < other.terms.length) {
            int a = terms[i];
            int b = other.terms[j];
            if (a == b) {
                dot += weights[i++] * other.weights[j++];
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return dot == 0 ? 0 : dot / (norm * other.norm);
    }

    /**
     * {@link #cosine} with each vector of {@code others} from index {@code from} on, into {@code out} at the same
     * indexes. This vector is spread over {@code dense} (all zero, as long as the document has terms, and left so)
     * by term id, and each other's terms are read in order: a term this one lacks adds 0.0, which changes no sum,
     * so each cosine is the merge's to the bit, without its branches.
     */
    void cosines(SparseVector[] others, int from, double[] dense, double[] out) {
        for (int k = 0; k < terms.length; k++) {
            dense[terms[k]] = weights[k];
        }
        for (int o = from; o < others.length; o++) {
            SparseVector other = others[o];
            if (terms.length == 0 || other.terms.length == 0) {
                out[o] = 0;
                continue;
            }
            double dot = 0;
            for (int k = 0; k < other.terms.length; k++) {
                dot += dense[other.terms[k]] * other.weights[k];
            }
            out[o] = dot == 0 ? 0 : dot / (norm * other.norm);
        }
        for (int term : terms) {
            dense[term] = 0;
        }
    }
}
