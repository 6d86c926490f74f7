package vn.unionnews.summary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The learned summariser's model: a linear score over the {@link SentenceFeatures} of a sentence, their squares and
 * their pairwise products (a bias, k features, k(k+1)/2 products), and the length in syllables a summary aims at.
 * The default model ({@value #RESOURCE}) was learnt by {@code train-summarizer}; its header says from what.
 */
public final class SentenceScorer {
    static final String RESOURCE = "sentence-scorer.txt";
    private static final String FORMAT = "sentence-scorer 1";

    private final List<String> features;
    private final double[] weights;
    private final int budget;

    SentenceScorer(List<String> features, double[] weights, int budget) {
        if (weights.length != expandedSize(features.size())) {
            throw new IllegalArgumentException(features.size() + " features need " + expandedSize(features.size())
                    + " weights, got " + weights.length);
        }
        this.features = List.copyOf(features);
        this.weights = weights.clone();
        this.budget = budget;
    }

    private static final class Standard {
        static final SentenceScorer MODEL = load();

        private static SentenceScorer load() {
            try (InputStream in = SentenceScorer.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("Missing resource " + RESOURCE + " next to "
                            + SentenceScorer.class.getName());
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + RESOURCE, e);
            }
        }
    }

    /** The committed model. */
    public static SentenceScorer standard() {
        return Standard.MODEL;
    }

    /** The same weights, aiming at summaries of {@code syllables}. */
    SentenceScorer withBudget(int syllables) {
        return new SentenceScorer(features, weights, syllables);
    }

    /** The summary length, in syllables, the model aims at. */
    public int budget() {
        return budget;
    }

    /** The score of one sentence's features ({@link SentenceFeatures#NAMES}, in order). */
    double score(double[] x) {
        double[] expanded = expand(x);
        double score = 0;
        for (int i = 0; i < expanded.length; i++) {
            score += weights[i] * expanded[i];
        }
        return score;
    }

    static int expandedSize(int features) {
        return 1 + features + features * (features + 1) / 2;
    }

    /** The model's inputs of a feature row, in the weights' order: 1, the features, then their products. */
    static double[] expand(double[] x) {
        int k = x.length;
        double[] out = new double[expandedSize(k)];
        out[0] = 1;
        System.arraycopy(x, 0, out, 1, k);
        int w = 1 + k;
        for (int a = 0; a < k; a++) {
            for (int b = a; b < k; b++) {
                out[w++] = x[a] * x[b];
            }
        }
        return out;
    }

    /** The model as text: {@code header} as comment lines, then the format, budget, features and weights. */
    public String write(List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        out.append(FORMAT).append('\n');
        out.append("budget ").append(budget).append('\n');
        out.append("features ").append(String.join(" ", features)).append('\n');
        out.append("weights ").append(weights.length).append('\n');
        for (double w : weights) {
            // Double.toString reads back to the same double.
            out.append(w).append('\n');
        }
        return out.toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the line when it is not such a model, or its features are not
     *                                  the ones this code computes
     */
    public static SentenceScorer parse(List<String> lines) {
        List<String> body = lines.stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        if (body.size() < 4 || !body.get(0).equals(FORMAT)) {
            throw new IllegalArgumentException("not a sentence scorer model: its first line is not '" + FORMAT + "'");
        }
        int budget = Integer.parseInt(field(body.get(1), "budget"));
        List<String> features = List.of(field(body.get(2), "features").split(" "));
        if (!features.equals(SentenceFeatures.NAMES)) {
            throw new IllegalArgumentException("the model's features " + features + " are not this code's "
                    + SentenceFeatures.NAMES);
        }
        int count = Integer.parseInt(field(body.get(3), "weights"));
        if (body.size() != 4 + count) {
            throw new IllegalArgumentException("the model announces " + count + " weights and has "
                    + (body.size() - 4));
        }
        List<Double> weights = new ArrayList<>();
        body.subList(4, body.size()).forEach(l -> weights.add(Double.parseDouble(l)));
        return new SentenceScorer(features, weights.stream().mapToDouble(Double::doubleValue).toArray(), budget);
    }

    private static String field(String line, String name) {
        if (!line.startsWith(name + " ")) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "expected '%s …', got '%s'", name, line));
        }
        return line.substring(name.length() + 1);
    }
}
