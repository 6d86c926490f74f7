package vn.unionnews.summary;

/** Solves the normal equations of ridge regression, (A + λI) w = b with A symmetric, by Cholesky factorisation. */
final class Ridge {
    private Ridge() {
    }

    /**
     * @param gram    XᵀX, symmetric positive semi-definite, k × k (read, not changed)
     * @param moments Xᵀy
     * @param lambda  the L2 penalty, added to every diagonal entry but the first (the bias is not penalised)
     * @throws IllegalArgumentException when the penalised matrix is not positive definite
     */
    static double[] solve(double[][] gram, double[] moments, double lambda) {
        int k = moments.length;
        double[][] l = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j <= i; j++) {
                double sum = gram[i][j] + (i == j && i > 0 ? lambda : 0);
                for (int m = 0; m < j; m++) {
                    sum -= l[i][m] * l[j][m];
                }
                if (i == j) {
                    if (sum <= 0) {
                        throw new IllegalArgumentException("the system is not positive definite at row " + i
                                + ": more data or a larger penalty is needed");
                    }
                    l[i][i] = Math.sqrt(sum);
                } else {
                    l[i][j] = sum / l[j][j];
                }
            }
        }
        double[] y = new double[k];
        for (int i = 0; i < k; i++) {
            double sum = moments[i];
            for (int m = 0; m < i; m++) {
                sum -= l[i][m] * y[m];
            }
            y[i] = sum / l[i][i];
        }
        double[] w = new double[k];
        for (int i = k - 1; i >= 0; i--) {
            double sum = y[i];
            for (int m = i + 1; m < k; m++) {
                sum -= l[m][i] * w[m];
            }
            w[i] = sum / l[i][i];
        }
        return w;
    }
}
