package vn.unionnews.app;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.Problem;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/** A LIBLINEAR problem of yes/no examples, as the training commands build them. */
final class BinaryProblem {
    private BinaryProblem() {
    }

    /**
     * {@code examples} as rows ({@code row} gives each its features in index order, with LIBLINEAR's bias feature
     * last, numbered {@code features + 1}) and labels (1 where {@code positive} holds, else 0).
     */
    static <T> Problem of(List<T> examples, int features, Function<T, Feature[]> row, Predicate<T> positive) {
        Problem problem = new Problem();
        problem.l = examples.size();
        problem.n = features + 1;
        problem.bias = 1;
        problem.x = new Feature[examples.size()][];
        problem.y = new double[examples.size()];
        for (int i = 0; i < examples.size(); i++) {
            problem.x[i] = row.apply(examples.get(i));
            problem.y[i] = positive.test(examples.get(i)) ? 1 : 0;
        }
        return problem;
    }
}
