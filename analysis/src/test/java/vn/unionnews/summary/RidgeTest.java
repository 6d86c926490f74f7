package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class RidgeTest {
    @Test
    void solvesASymmetricPositiveDefiniteSystem() {
        double[][] a = {{4, 2, 0.6}, {2, 5, 1}, {0.6, 1, 3}};
        double[] w = {1.5, -2, 0.25};
        double[] b = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                b[i] += a[i][j] * w[j];
            }
        }
        assertArrayEquals(w, Ridge.solve(a, b, 0), 1e-12);
    }

    @Test
    void recoversTheWeightsOfNoiselessDataAndShrinksThemWithAPenalty() {
        Random random = new Random(5);
        double[] truth = {0.5, 2, -1};
        double[][] gram = new double[3][3];
        double[] moments = new double[3];
        for (int row = 0; row < 500; row++) {
            double[] x = {1, random.nextGaussian(), random.nextGaussian()};
            double y = truth[0] + truth[1] * x[1] + truth[2] * x[2];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    gram[i][j] += x[i] * x[j];
                }
                moments[i] += x[i] * y;
            }
        }
        assertArrayEquals(truth, Ridge.solve(gram, moments, 0), 1e-9);
        double[] shrunk = Ridge.solve(gram, moments, 1000);
        assertTrue(Math.abs(shrunk[1]) < Math.abs(truth[1]) && Math.abs(shrunk[2]) < Math.abs(truth[2]));
    }

    @Test
    void refusesASingularSystemWithoutAPenalty() {
        double[][] singular = {{1, 1}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> Ridge.solve(singular, new double[] {1, 1}, 0));
    }
}
