package vn.unionnews.app;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.analysis.TopicClassifier;
import vn.unionnews.analysis.TopicEvaluation;
import vn.unionnews.analysis.TopicModel;
import vn.unionnews.event.TopicScore;

/**
 * Learns {@link TopicModel} from articles labelled by reading: per topic, per primary topic and per default alert,
 * L2-regularised
 * logistic regression (LIBLINEAR) on the features {@link TopicModel#features} gives, read as enrichment reads the
 * article ({@link Enricher#read}). The labels of the held-out split are never read. On the rest, five folds by a
 * hash of the id choose each label's penalty and threshold by the F1 of its out-of-fold predictions, and whether
 * the lexicon does better on it; the model is then learnt on all of it. Nothing is random, so the same files and
 * date give the same model, byte for byte.
 */
@Command(name = "train-topics", description = {"Learn the topic and alert model from labelled articles.",
        "Reads JSON Lines labels (id, topics, primaryTopic, alert, optional split, title and text); a label without"
                + " text takes its title and body from an --articles file by id. Labels of the split 'held-out' are"
                + " left out."})
final class TrainTopicsCommand implements Callable<Integer> {
    static final String HELD_OUT = "held-out";
    private static final double[] COSTS = {1, 4, 16, 64, 256};
    /**
     * Weights smaller than this are dropped, and the rest kept to three significant digits, in cross-validation
     * and in the model alike: L2 regularisation leaves every feature a weight, most of them too small to matter.
     */
    private static final double PRUNE = 0.5;
    private static final int FOLDS = 5;
    private static final double NEVER = TopicModel.Label.NEVER;
    /** The lexicon scores from which a learnt topic is given too, tried. */
    private static final double[] LEXICON_BARS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95};
    /** How much out-of-fold topic F1 the runner-up may cost. */
    private static final double F1_GIVEN_UP = 0.01;
    /** The primary scores from which the runner-up is given too, tried; 1 never gives it. */
    private static final double[] SECOND = {0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 1};
    /** A label with fewer positive articles than this keeps the lexicon: there is too little to learn from. */
    private static final int MIN_POSITIVES = 8;
    /** An n-gram is a feature when this many training articles have it. */
    private static final int MIN_ARTICLES = 5;

    @Parameters(paramLabel = "LABELS.jsonl", arity = "1..*", description = "Labelled articles, one JSON object a line.")
    List<Path> files;

    @Option(names = "--articles", paramLabel = "FILE.jsonl",
            description = "Articles (id, title, body or text) to take the text of a label without text from.")
    List<Path> articles = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model."
            + " Default: analysis/src/main/resources/vn/unionnews/analysis/topic-model.tsv")
    Path out = Path.of("analysis/src/main/resources/vn/unionnews/analysis/topic-model.tsv");

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "The date written in the model's header. Default: today.")
    LocalDate date = LocalDate.now();

    /** A labelled article as the model reads it, its features by name and its row of LIBLINEAR features. */
    private record Example(TopicEvaluation.Gold gold, TopicModel.Input input, Map<String, Double> features, int fold,
                           Feature[] row) {
    }

    /** What cross-validation chose for one label, and its out-of-fold scores. */
    private record Choice(TopicModel.Label label, double cost, double f1, double lexiconF1, double[] scores) {
    }

    @Override
    public Integer call() throws IOException {
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        LabelledArticles labelled = LabelledArticles.read(files, articles, split -> !HELD_OUT.equals(split), err);
        Enricher enricher = new Enricher();
        List<TopicModel.Input> inputs = labelled.articles().stream()
                .map(article -> enricher.read(article.gold().article()).input()).toList();
        List<Map<String, Double>> features = inputs.stream().map(input -> input.features().named()).toList();
        Map<String, Integer> index = featureIndex(features);
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            TopicEvaluation.Gold gold = labelled.articles().get(i).gold();
            examples.add(new Example(gold, inputs.get(i), features.get(i), Math.floorMod(gold.id().hashCode(), FOLDS),
                    row(features.get(i), index)));
        }
        int heldOut = labelled.leftOut();
        err.printf(Locale.ROOT, "%d labelled articles to learn from, %d held out and not read%n", examples.size(),
                heldOut);

        List<String> names = new ArrayList<>();
        TopicClassifier.vietnamese().classify("", "").scores().forEach(s -> names.add(s.id()));
        names.sort(null);
        names.add(Enricher.OTHER_TOPIC);
        List<String> topics = List.copyOf(names);
        topics.forEach(topic -> names.add(TopicModel.PRIMARY + topic));
        Alerter.ALERT_TOPICS.forEach(topic -> names.add(TopicModel.ALERT + topic));
        Linear.disableDebugOutput();
        List<Choice> choices = new ArrayList<>();
        List<Learnt> models = new ArrayList<>();
        for (String name : names) {
            Choice choice = choose(name, examples, index);
            choices.add(choice);
            err.printf(Locale.ROOT, "%-30s %s (C=%s) out-of-fold F1 %.3f, lexicon %.3f, threshold %.2f,"
                            + " lexicon's %.2f%n", name, choice.label().learnt() ? "learnt " : "lexicon", choice.cost(),
                    choice.f1(), choice.lexiconF1(), choice.label().threshold(), choice.label().lexiconThreshold());
            models.add(choice.label().learnt() ? train(examples, index, name, choice.cost()) : null);
        }
        // The runner-up helps the primary share and costs precision: the most primaries within a point of F1.
        List<TopicEvaluation> tried = new ArrayList<>();
        for (double candidate : SECOND) {
            tried.add(outOfFold(examples, choices, candidate));
            err.printf(Locale.ROOT, "second topic from %.2f: %s%n", candidate, figures(tried.get(tried.size() - 1)));
        }
        double bestF1 = tried.stream().mapToDouble(t -> t.microTopics().f1()).max().orElse(0);
        double second = 1;
        double bestPrimary = -1;
        for (int i = 0; i < SECOND.length; i++) {
            TopicEvaluation t = tried.get(i);
            if (t.microTopics().f1() >= bestF1 - F1_GIVEN_UP && t.primaryInTopTwo() > bestPrimary + 1e-9) {
                bestPrimary = t.primaryInTopTwo();
                second = SECOND[i];
            }
        }
        String quality = String.format(Locale.ROOT, "second topic from %.2f: %s", second,
                figures(outOfFold(examples, choices, second)));
        err.println("out of fold: " + quality);

        List<TopicModel.Label> labels = new ArrayList<>();
        Map<String, float[]> weights = new TreeMap<>();
        String[] featureNames = new String[index.size()];
        index.forEach((feature, i) -> featureNames[i - 1] = feature);
        for (int l = 0; l < choices.size(); l++) {
            Choice choice = choices.get(l);
            Learnt model = models.get(l);
            double bias = model == null ? 0 : model.bias();
            if (model != null) {
                for (int f = 0; f < index.size(); f++) {
                    if (model.weights()[f] != 0) {
                        weights.computeIfAbsent(featureNames[f], k -> new float[choices.size()])[l] =
                                (float) model.weights()[f];
                    }
                }
            }
            labels.add(new TopicModel.Label(choice.label().name(), choice.label().learnt(), round(bias),
                    choice.label().threshold(), choice.label().lexiconThreshold()));
        }
        List<String> header = List.of(
                "Topic and alert model (vn.unionnews.analysis.TopicModel): L2-regularised logistic regression per"
                        + " label (LIBLINEAR, de.bwaldvogel:liblinear) on syllables, syllable pairs, title syllables,"
                        + " the lexicon's topic scores and the event signals.",
                "Made by: ./union-news train-topics " + String.join(" ", files.stream().map(p -> p.getFileName()
                        .toString()).toList()) + articles.stream().map(p -> " --articles " + p.getFileName())
                        .reduce("", String::concat) + " --date " + date,
                String.format(Locale.ROOT, "Data: %d articles labelled by reading (the %d of split '%s' left out"
                        + " unread); %d features read by %d or more of them.", examples.size(), heldOut, HELD_OUT,
                        index.size(), MIN_ARTICLES),
                "Chosen per label by " + FOLDS + " folds (by id hash) among C " + Arrays.toString(COSTS)
                        + ", thresholds 0.05-0.95 and the lexicon: " + summary(choices) + "; the second topic's"
                        + " score among " + Arrays.toString(SECOND) + " by the primary share, within " + F1_GIVEN_UP
                        + " of the best topics micro F1.",
                "Out of fold: " + quality + ".",
                "Format: 'second SCORE', 'label NAME learnt|lexicon BIAS THRESHOLD' per label, then 'FEATURE TAB"
                        + " LABEL:WEIGHT ...' with the label's place in that order."
                        + " Nothing is random: the same files and date give this file byte for byte. Trained " + date
                        + ".");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new TopicModel(labels, second, weights).write(header), StandardCharsets.UTF_8);
        err.println("wrote " + out);
        return labelled.skipped() == 0 ? 0 : 1;
    }

    private static String summary(List<Choice> choices) {
        List<String> parts = new ArrayList<>();
        for (Choice c : choices) {
            parts.add(c.label().name() + (c.label().learnt() ? String.format(Locale.ROOT, " C=%s", c.cost())
                    + (c.label().lexiconThreshold() <= 1 ? " or lexicon from " + c.label().lexiconThreshold() : "")
                    : " lexicon") + String.format(Locale.ROOT, " F1 %.2f", c.f1()));
        }
        return String.join(", ", parts);
    }

    /**
     * The label's choice: for each penalty, out-of-fold scores and the threshold with the best F1; the penalty with
     * the best F1; the lexicon instead when it does as well, or when the positives are too few.
     */
    private static Choice choose(String name, List<Example> examples, Map<String, Integer> index) {
        boolean alert = name.startsWith(TopicModel.ALERT);
        String topic = TopicModel.topicOf(name);
        boolean[] due = new boolean[examples.size()];
        int positives = 0;
        for (int i = 0; i < due.length; i++) {
            due[i] = isDue(examples.get(i), name);
            positives += due[i] ? 1 : 0;
        }
        double[] lexicon = new double[examples.size()];
        for (int i = 0; i < lexicon.length; i++) {
            lexicon[i] = TopicModel.lexiconScore(examples.get(i).input(), topic);
        }
        double lexiconThreshold = alert ? Alerter.DEFAULT_MIN_SCORE : TopicClassifier.ASSIGN_THRESHOLD;
        double lexiconF1 = f1(examples, name, lexicon, due, lexiconThreshold, lexicon, NEVER);
        Choice best = new Choice(new TopicModel.Label(name, false, 0, lexiconThreshold, NEVER), 0, lexiconF1,
                lexiconF1, lexicon);
        if (positives < MIN_POSITIVES) {
            return best;
        }
        for (double cost : COSTS) {
            double[] scores = new double[examples.size()];
            for (int fold = 0; fold < FOLDS; fold++) {
                int f = fold;
                List<Example> train = examples.stream().filter(e -> e.fold() != f).toList();
                Learnt model = train(train, index, name, cost);
                for (int i = 0; i < examples.size(); i++) {
                    if (examples.get(i).fold() == fold) {
                        scores[i] = model.probability(examples.get(i).features(), index);
                    }
                }
            }
            for (int t = 5; t <= 95; t += 5) {
                double threshold = t / 100.0;
                double f1 = f1(examples, name, scores, due, threshold, lexicon, NEVER);
                if (f1 > best.f1() + 1e-9) {
                    best = new Choice(new TopicModel.Label(name, true, 0, threshold, NEVER), cost, f1, lexiconF1,
                            scores);
                }
            }
        }
        if (best.label().learnt() && !alert && !name.startsWith(TopicModel.PRIMARY)
                && !name.equals(Enricher.OTHER_TOPIC)) {
            // Also given where the lexicon is sure of it, when that does better.
            for (double lexiconBar : LEXICON_BARS) {
                double f1 = f1(examples, name, best.scores(), due, best.label().threshold(), lexicon, lexiconBar);
                if (f1 > best.f1() + 1e-9) {
                    best = new Choice(new TopicModel.Label(name, true, 0, best.label().threshold(), lexiconBar),
                            best.cost(), f1, lexiconF1, best.scores());
                }
            }
        }
        return best;
    }

    /** F1 of a label's scores at a threshold; an alert label counts only where the event signals show an event. */
    private static double f1(List<Example> examples, String name, double[] scores, boolean[] due, double threshold,
                             double[] lexicon, double lexiconBar) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        boolean alert = name.startsWith(TopicModel.ALERT);
        for (int i = 0; i < scores.length; i++) {
            boolean given = (scores[i] >= threshold || lexicon[i] >= lexiconBar)
                    && (!alert || examples.get(i).input().signals().isOccurrence());
            tp += given && due[i] ? 1 : 0;
            fp += given && !due[i] ? 1 : 0;
            fn += !given && due[i] ? 1 : 0;
        }
        return new TopicEvaluation.Counts(tp, fp, fn).f1();
    }

    /** The out-of-fold scores decided as {@link TopicModel#decide} decides, scored as eval-topics scores. */
    private static TopicEvaluation outOfFold(List<Example> examples, List<Choice> choices, double second) {
        List<TopicModel.Label> labels = choices.stream().map(Choice::label).toList();
        TopicEvaluation evaluation = new TopicEvaluation();
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            double[] scores = new double[labels.size()];
            for (int l = 0; l < scores.length; l++) {
                scores[l] = choices.get(l).scores()[i];
            }
            TopicModel.Decision decision = TopicModel.decide(labels, second, scores, e.input());
            List<TopicScore> given = decision.topics().entrySet().stream()
                    .map(t -> new TopicScore(t.getKey(), t.getValue())).toList();
            evaluation.add(e.gold(), given.isEmpty() ? List.of(new TopicScore(Enricher.OTHER_TOPIC, 0)) : given,
                    Map.of(), decision.alerts());
        }
        return evaluation;
    }

    private static String figures(TopicEvaluation evaluation) {
        return String.format(Locale.ROOT, "topics micro F1 %.3f, primary among the first two %.1f %%, alerts F1 %.3f"
                        + " (%d articles)", evaluation.microTopics().f1(), 100 * evaluation.primaryInTopTwo(),
                evaluation.microAlerts().f1(), evaluation.articles());
    }

    /** Whether an example is a positive of the label. */
    private static boolean isDue(Example example, String name) {
        String topic = TopicModel.topicOf(name);
        if (name.startsWith(TopicModel.ALERT)) {
            return example.gold().alert().contains(topic);
        }
        if (name.startsWith(TopicModel.PRIMARY)) {
            return example.gold().primaryTopic().equals(topic);
        }
        return example.gold().topics().contains(name);
    }

    /** Every lexicon and event feature, and the n-grams {@value #MIN_ARTICLES} or more articles have, from 1. */
    private static Map<String, Integer> featureIndex(List<Map<String, Double>> features) {
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Double> article : features) {
            article.keySet().forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        counts.entrySet().stream()
                .filter(e -> e.getValue() >= MIN_ARTICLES || e.getKey().startsWith("lex:") || e.getKey().startsWith("ev:"))
                .map(Map.Entry::getKey).sorted().forEach(f -> index.put(f, index.size() + 1));
        return index;
    }

    /** A label's learnt weights, one per feature of the index, and its bias: what the model file keeps. */
    private record Learnt(double[] weights, double bias) {
        double probability(Map<String, Double> features, Map<String, Integer> index) {
            double z = bias;
            for (Map.Entry<String, Double> feature : features.entrySet()) {
                Integer i = index.get(feature.getKey());
                z += i == null ? 0 : weights[i - 1] * feature.getValue();
            }
            return 1 / (1 + Math.exp(-z));
        }
    }

    private static Learnt train(List<Example> examples, Map<String, Integer> index, String name, double cost) {
        Problem problem = BinaryProblem.of(examples, index.size(), Example::row, e -> isDue(e, name));
        Linear.resetRandom();
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, cost, 0.001));
        // LIBLINEAR's weights are for its first label; ours are for the positive one.
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] w = model.getFeatureWeights();
        double[] weights = new double[index.size()];
        for (int f = 0; f < weights.length; f++) {
            weights[f] = Math.abs(w[f]) < PRUNE ? 0 : sign * Double.parseDouble(String.format(Locale.ROOT, "%.3g", w[f]));
        }
        return new Learnt(weights, round(sign * w[index.size()]));
    }

    /**
     * An article's known features with their values, in index order, and the bias feature LIBLINEAR expects last:
     * built once per article, shared by every label's trainings.
     */
    private static Feature[] row(Map<String, Double> features, Map<String, Integer> index) {
        List<Feature> row = new ArrayList<>();
        features.forEach((feature, value) -> {
            Integer i = index.get(feature);
            if (i != null) {
                row.add(new FeatureNode(i, value));
            }
        });
        row.sort(Comparator.comparingInt(Feature::getIndex));
        row.add(new FeatureNode(index.size() + 1, 1));
        return row.toArray(new Feature[0]);
    }

    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }
}
