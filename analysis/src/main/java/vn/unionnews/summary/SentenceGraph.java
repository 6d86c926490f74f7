package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the summarisers know of an article's sentences: each sentence's TF-IDF vector of syllables and words
 * ({@link SentenceTerms}), the title's, and the cosine similarity of every pair of sentences, worked out once.
 * Building it counts the article into the {@link DocumentFrequencies}. Cost: O(n²) in the number of sentences.
 */
final class SentenceGraph {
    private static final double DAMPING = 0.85;
    private static final int ITERATIONS = 50;
    private static final double TOLERANCE = 1e-7;

    final SparseVector[] vectors;
    final SparseVector title;
    /** Symmetric, 0 on the diagonal. */
    final double[][] similarity;

    private SentenceGraph(SparseVector[] vectors, SparseVector title, double[][] similarity) {
        this.vectors = vectors;
        this.title = title;
        this.similarity = similarity;
    }

    /** @param title the article's title, or null */
    static SentenceGraph of(String title, List<String> sentences, DocumentFrequencies frequencies) {
        int n = sentences.size();
        SentenceTerms reader = new SentenceTerms();
        Terms terms = new Terms();
        int[][] sentenceTerms = new int[n][];
        for (int i = 0; i < n; i++) {
            sentenceTerms[i] = terms.idsOf(reader.of(sentences.get(i)));
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
        SparseVector titleVector = titleTerms == null ? SparseVector.EMPTY : SparseVector.of(titleTerms, idf);
        return new SentenceGraph(vectors, titleVector, similarity);
    }

    int size() {
        return vectors.length;
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

    /**
     * Continuous LexRank: PageRank over the similarity graph, each sentence's stationary probability, scaled to
     * [0, 1] by the largest.
     */
    double[] centrality() {
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
        return normalised(rank);
    }

    /**
     * Each sentence's cosine with the document's centroid, the sum of its sentence vectors, from the pairwise
     * similarities and the norms (no vector is added up).
     */
    double[] centroidSimilarity() {
        int n = vectors.length;
        double[] dots = new double[n];
        double centroidSquared = 0;
        for (int i = 0; i < n; i++) {
            double ni = vectors[i].norm();
            dots[i] = ni * ni;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    dots[i] += similarity[i][j] * ni * vectors[j].norm();
                }
            }
            centroidSquared += dots[i];
        }
        double centroid = Math.sqrt(centroidSquared);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double ni = vectors[i].norm();
            out[i] = ni == 0 || centroid == 0 ? 0 : dots[i] / (ni * centroid);
        }
        return out;
    }

    /** Scaled to [0, 1] by the largest value, so that it weighs like the other signals. */
    static double[] normalised(double[] values) {
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
