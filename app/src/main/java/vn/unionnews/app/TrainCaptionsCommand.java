package vn.unionnews.app;

import com.fasterxml.jackson.databind.JsonNode;
import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.Json;
import vn.unionnews.page.CaptionModel;

/**
 * Learns {@link CaptionModel} from articles with their photo captions: L1-regularised logistic regression
 * (LIBLINEAR) telling captions from paragraphs of one to four of the articles' sentences, as pages write them. A
 * tenth of the articles (by a hash of their id) is held out to choose the regularisation (by log loss) and the
 * thresholds (by the errors a page shows, see {@link #bestThresholds}).
 */
@Command(name = "train-captions", description = {"Learn the caption model from JSON Lines articles.",
        "Each article has a title, a body with one sentence a line and captions, as in the VietNews training"
                + " split; the model is written to the file --out names."})
final class TrainCaptionsCommand implements Callable<Integer> {
    private static final double[] PARAGRAPH_SENTENCES = {0.4, 0.3, 0.2, 0.1};
    private static final double SENTENCE_PER_LINE_PAGES = 0.25;
    private static final double[] COSTS = {0.25, 0.5, 1, 2};
    private static final int MIN_FEATURE_COUNT = 3;
    /** The quality bars of eval-pages the two kinds of error count against: captions in the body, text lost. */
    private static final double CAPTIONS_KEPT_BAR = 0.05;
    private static final double TEXT_LOST_BAR = 0.03;

    @Parameters(paramLabel = "FILE.jsonl", description = "Articles: body (one sentence a line) and captions.")
    Path data;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the model."
            + " Default: analysis/src/main/resources/vn/unionnews/page/caption-model.tsv")
    Path out = Path.of("analysis/src/main/resources/vn/unionnews/page/caption-model.tsv");

    @Option(names = "--seed", description = "Seed of the paragraph sampling. Default: 11.")
    long seed = 11;

    /** A line to learn from: its features and whether it is a caption. */
    private record Example(List<String> features, boolean caption, int syllables, int lengthClass) {
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(data)) {
            throw new FileNotFoundException("train-captions: no such file " + data);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Random random = new Random(seed);
        List<Example> train = new ArrayList<>();
        List<Example> heldOut = new ArrayList<>();
        int articles = 0;
        for (String line : Files.readAllLines(data, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode article = Json.mapper().readTree(line);
            List<Example> into = Math.floorMod(article.path("id").asText().hashCode(), 10) == 0 ? heldOut : train;
            List<String> captions = new ArrayList<>();
            article.path("captions").forEach(c -> {
                if (!c.asText().isBlank()) {
                    captions.add(c.asText().strip());
                }
            });
            // A quarter of the captions were copied into the text as a sentence: there they are captions too.
            List<String> sentences = article.path("body").asText().lines().map(String::strip)
                    .filter(s -> !s.isBlank() && !captions.contains(s)).toList();
            List<String> paragraphs = new ArrayList<>();
            // Pages write paragraphs of one to four sentences, some of them one sentence a line.
            boolean sentencePerLine = random.nextDouble() < SENTENCE_PER_LINE_PAGES;
            for (int i = 0; i < sentences.size(); ) {
                int n = sentencePerLine ? 1 : Math.min(sentences.size() - i, paragraphLength(random));
                paragraphs.add(String.join(" ", sentences.subList(i, i + n)));
                i += n;
            }
            // The context is the page as it would show: the title, the paragraphs and the captions between them.
            List<CaptionModel.Line> captionLines = captions.stream().map(CaptionModel.Line::of).toList();
            List<CaptionModel.Line> paragraphLines = paragraphs.stream().map(CaptionModel.Line::of).toList();
            List<CaptionModel.Line> page = new ArrayList<>(paragraphLines);
            page.addAll(captionLines);
            CaptionModel.Context context = CaptionModel.Context.of(article.path("title").asText(), page);
            captionLines.forEach(c -> into.add(example(c, true, context)));
            paragraphLines.forEach(p -> into.add(example(p, false, context)));
            articles++;
        }
        err.printf(Locale.ROOT, "%d articles: %d lines to learn from, %d held out%n", articles, train.size(),
                heldOut.size());

        Map<String, Integer> index = featureIndex(train);
        Linear.disableDebugOutput();
        Model best = null;
        double bestCost = 0;
        double bestLoss = Double.MAX_VALUE;
        for (double cost : COSTS) {
            Model model = Linear.train(problem(train, index), new Parameter(SolverType.L1R_LR, cost, 0.01));
            double loss = logLoss(model, heldOut, index);
            err.printf(Locale.ROOT, "C=%.2f: held-out log loss %.4f, %d non-zero weights%n", cost, loss,
                    nonZero(model));
            if (loss < bestLoss) {
                best = model;
                bestCost = cost;
                bestLoss = loss;
            }
        }
        Model chosen = best;
        double[] probabilities = heldOut.stream().mapToDouble(e -> probability(chosen, e, index)).toArray();
        double[] thresholds = bestThresholds(heldOut, probabilities);
        String quality = quality(heldOut, probabilities, thresholds);
        err.println("chosen: C=" + bestCost + ", thresholds " + Arrays.toString(thresholds) + ": " + quality);
        write(chosen, index, bestCost, thresholds, quality, articles, train.size());
        err.println("wrote " + out);
        return 0;
    }

    private static Example example(CaptionModel.Line line, boolean caption, CaptionModel.Context context) {
        return new Example(List.copyOf(CaptionModel.features(line, context)), caption, line.syllables(),
                line.lengthClass());
    }

    private static int paragraphLength(Random random) {
        double r = random.nextDouble();
        for (int i = 0; i < PARAGRAPH_SENTENCES.length; i++) {
            r -= PARAGRAPH_SENTENCES[i];
            if (r < 0) {
                return i + 1;
            }
        }
        return PARAGRAPH_SENTENCES.length;
    }

    /** Features seen at least {@value #MIN_FEATURE_COUNT} times, numbered from 1 as LIBLINEAR wants. */
    private static Map<String, Integer> featureIndex(List<Example> examples) {
        Map<String, Integer> counts = new HashMap<>();
        for (Example e : examples) {
            e.features().forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        Map<String, Integer> index = new HashMap<>();
        counts.entrySet().stream().filter(e -> e.getValue() >= MIN_FEATURE_COUNT).map(Map.Entry::getKey).sorted()
                .forEach(f -> index.put(f, index.size() + 1));
        return index;
    }

    private static Problem problem(List<Example> examples, Map<String, Integer> index) {
        return BinaryProblem.of(examples, index.size(), e -> row(e, index), Example::caption);
    }

    /** The example's known features, in index order, and the bias feature LIBLINEAR expects last. */
    private static Feature[] row(Example example, Map<String, Integer> index) {
        int[] known = example.features().stream().map(index::get).filter(i -> i != null).mapToInt(i -> i)
                .sorted().toArray();
        Feature[] row = new Feature[known.length + 1];
        for (int i = 0; i < known.length; i++) {
            row[i] = new FeatureNode(known[i], 1);
        }
        row[known.length] = new FeatureNode(index.size() + 1, 1);
        return row;
    }

    private static double probability(Model model, Example example, Map<String, Integer> index) {
        double[] p = new double[2];
        Linear.predictProbability(model, row(example, index), p);
        return model.getLabels()[0] == 1 ? p[0] : p[1];
    }

    private static double logLoss(Model model, List<Example> examples, Map<String, Integer> index) {
        double loss = 0;
        for (Example e : examples) {
            double p = Math.min(1 - 1e-9, Math.max(1e-9, probability(model, e, index)));
            loss -= e.caption() ? Math.log(p) : Math.log(1 - p);
        }
        return loss / examples.size();
    }

    /**
     * For each length class, the threshold with the fewest held-out errors of the two kinds a page shows: captions
     * left in the text (a share of all captions) and syllables of text taken for captions (a share of all text),
     * weighted as the quality bars they count against (at most 5 % of captions in the text, body F1 0.97). The
     * errors add up over the classes, so each class's best threshold makes the best set. On a grid of hundredths.
     */
    private static double[] bestThresholds(List<Example> examples, double[] probabilities) {
        double[] thresholds = new double[CaptionModel.lengthClasses()];
        for (int c = 0; c < thresholds.length; c++) {
            int lengthClass = c;
            double fewest = Double.MAX_VALUE;
            for (int t = 1; t < 100; t++) {
                double threshold = t / 100.0;
                Errors errors = Errors.of(examples, probabilities,
                        e -> e.lengthClass() != lengthClass ? null : threshold);
                double weighted = errors.captionsKept() / CAPTIONS_KEPT_BAR + errors.textLost() / TEXT_LOST_BAR;
                if (weighted < fewest) {
                    fewest = weighted;
                    thresholds[c] = threshold;
                }
            }
        }
        return thresholds;
    }

    /**
     * The two kinds of error a page shows, as shares of all held-out captions and of all held-out text syllables,
     * made by the lines a threshold is given for ({@code threshold} gives null for a line that does not count).
     */
    private record Errors(double captionsKept, double textLost) {
        static Errors of(List<Example> examples, double[] probabilities, Function<Example, Double> threshold) {
            int captions = 0;
            int kept = 0;
            long text = 0;
            long lost = 0;
            for (int i = 0; i < probabilities.length; i++) {
                Example e = examples.get(i);
                Double t = threshold.apply(e);
                boolean caption = t != null && probabilities[i] >= t;
                if (e.caption()) {
                    captions++;
                    kept += t != null && !caption ? 1 : 0;
                } else {
                    text += e.syllables();
                    lost += caption ? e.syllables() : 0;
                }
            }
            return new Errors((double) kept / Math.max(1, captions), (double) lost / Math.max(1, text));
        }
    }

    private static String quality(List<Example> examples, double[] probabilities, double[] thresholds) {
        Errors errors = Errors.of(examples, probabilities, e -> thresholds[e.lengthClass()]);
        return String.format(Locale.ROOT, "held out (%d lines): %.3f of captions kept as text, %.3f of text"
                + " syllables taken for captions", examples.size(), errors.captionsKept(), errors.textLost());
    }

    private static int nonZero(Model model) {
        return (int) Arrays.stream(model.getFeatureWeights()).filter(w -> w != 0).count();
    }

    private void write(Model model, Map<String, Integer> index, double cost, double[] thresholds, String quality,
                       int articles, int lines) throws IOException {
        double sign = model.getLabels()[0] == 1 ? 1 : -1;
        double[] w = model.getFeatureWeights();
        String[] names = new String[index.size() + 1];
        index.forEach((name, i) -> names[i - 1] = name);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < index.size(); i++) {
            if (w[i] != 0) {
                kept.add(i);
            }
        }
        kept.sort(Comparator.comparingDouble((Integer i) -> -Math.abs(w[i])).thenComparing(i -> names[i]));
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            writer.write("# Caption model: logistic regression telling photo captions from article paragraphs.\n");
            writer.write("# Made by: ./union-news train-captions " + data.getFileName() + " --seed " + seed + "\n");
            writer.write("# Data: " + articles + " articles of the VietNews training split (captions against"
                    + " paragraphs of 1-4 of their sentences, a quarter of the articles one sentence a line, " + lines
                    + " lines); a tenth held out by id.\n");
            writer.write(String.format(Locale.ROOT, "# LIBLINEAR (de.bwaldvogel:liblinear), L1-regularised, C=%s; %s;"
                    + " %s.%n", cost, quality, LocalDate.now()));
            writer.write("# Features: see CaptionModel.features. Format: name TAB weight; bias and the thresholds of the"
                    + " length classes first.\n");
            writer.write(String.format(Locale.ROOT, "bias\t%.6f%n", sign * w[index.size()]));
            for (int c = 0; c < thresholds.length; c++) {
                writer.write(String.format(Locale.ROOT, "%s%d\t%.2f%n", CaptionModel.THRESHOLD, c, thresholds[c]));
            }
            for (int i : kept) {
                writer.write(String.format(Locale.ROOT, "%s\t%.6f%n", names[i], sign * w[i]));
            }
        }
    }
}
