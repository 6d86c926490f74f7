package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Learns a {@link SentenceScorer} from articles with human-written abstracts. Each sentence a summary could pick is
 * labelled by what it shares with its article's abstract, the mean of its ROUGE-1 and ROUGE-2 F1, and the
 * scorer is the ridge regression of that label on the sentence's expanded features, solved in closed form from
 * the normal equations (deterministic: the same data give the same weights, bit for bit). The penalty and the
 * summary length are chosen on a development set ({@link #choose}). Articles are counted into the IDF
 * statistics in the order given, as the stream would count them.
 */
public final class SentenceScorerTraining {
    /** An article to learn from: its title, its sentences in order, and its abstract. */
    public record Article(String title, List<String> sentences, String reference, boolean labour) {
    }

    /** One setting tried on the development set, and its mean ROUGE F1 in percent. */
    public record Trial(double lambda, int budget, Rouge.Scores all, Rouge.Scores labour) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "lambda %g, budget %d: R1 %.1f R2 %.1f (labour R1 %.1f R2 %.1f)",
                    lambda, budget, all.rouge1(), all.rouge2(), labour.rouge1(), labour.rouge2());
        }
    }

    /** The scorer chosen, and every trial in the order tried. */
    public record Choice(SentenceScorer scorer, Trial best, List<Trial> trials) {
    }

    private final DocumentFrequencies frequencies = new DocumentFrequencies();
    private final int size = SentenceScorer.expandedSize(SentenceFeatures.NAMES.size());
    /** XᵀX, its upper triangle filled as rows come. */
    private final double[][] gram = new double[size][size];
    private final double[] moments = new double[size];
    private long rows;
    private int articles;

    /** Adds the article's sentences as examples. */
    public void add(Article article) {
        LearnedSummarizer.Prepared prepared = LearnedSummarizer.Prepared.of(article.title(), article.sentences(),
                frequencies);
        List<String> reference = Rouge.syllables(article.reference());
        for (int i = 0; i < prepared.stripped().size(); i++) {
            if (!prepared.eligible(i)) {
                continue;
            }
            Rouge.Scores overlap = Rouge.score(Rouge.syllables(prepared.stripped().get(i)), reference);
            double label = (overlap.rouge1() + overlap.rouge2()) / 2;
            double[] x = SentenceScorer.expand(prepared.features()[i]);
            for (int a = 0; a < size; a++) {
                double xa = x[a];
                if (xa == 0) {
                    continue;
                }
                double[] row = gram[a];
                for (int b = a; b < size; b++) {
                    row[b] += xa * x[b];
                }
                moments[a] += xa * label;
            }
            rows++;
        }
        articles++;
    }

    public long examples() {
        return rows;
    }

    public int articles() {
        return articles;
    }

    /** The ridge solution for {@code lambda}, aiming at summaries of {@code budget} syllables. */
    public SentenceScorer solve(double lambda, int budget) {
        double[][] full = new double[size][size];
        for (int a = 0; a < size; a++) {
            for (int b = a; b < size; b++) {
                full[a][b] = full[b][a] = gram[a][b];
            }
        }
        return new SentenceScorer(SentenceFeatures.NAMES, Ridge.solve(full, moments, lambda), budget);
    }

    /**
     * Tries every penalty with every budget on {@code development} (summaries of at most {@code sentences}
     * sentences, IDF statistics of their own from the start of the set) and keeps the best by R1 + R2 over all
     * its articles; a tie goes to the one tried first.
     */
    public Choice choose(List<Article> development, int sentences, double[] lambdas, int[] budgets) {
        List<Trial> trials = new ArrayList<>();
        SentenceScorer bestScorer = null;
        Trial best = null;
        for (double lambda : lambdas) {
            SentenceScorer solved = solve(lambda, budgets[0]);
            for (int budget : budgets) {
                SentenceScorer scorer = solved.withBudget(budget);
                Summarizer summarizer = new LearnedSummarizer(sentences, 0, new DocumentFrequencies(), scorer);
                Rouge.Mean all = new Rouge.Mean();
                Rouge.Mean labour = new Rouge.Mean();
                for (Article article : development) {
                    Rouge.Scores scores = Rouge.score(summarizer.summarize(article.title(), article.sentences())
                            .text(), article.reference());
                    all.add(scores);
                    if (article.labour()) {
                        labour.add(scores);
                    }
                }
                Trial trial = new Trial(lambda, budget, all.percent(), labour.percent());
                trials.add(trial);
                if (best == null || sum(trial.all()) > sum(best.all())) {
                    best = trial;
                    bestScorer = scorer;
                }
            }
        }
        return new Choice(bestScorer, best, trials);
    }

    private static double sum(Rouge.Scores scores) {
        return scores.rouge1() + scores.rouge2();
    }
}
