package vn.unionnews.app;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import vn.unionnews.analysis.TopicEvaluation;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.kafka.Json;

/** Scores the enrichment's topics and default alerts against articles labelled by reading. */
@Command(name = "eval-topics", description = {"Score topics and default alerts against labelled articles.",
        "Reads JSON Lines (id, title, text, gold topics, primaryTopic, alert); a record without text takes its"
                + " title and body from an --articles file by id. Prints per-topic precision and recall, micro F1,"
                + " the primary topic among the first two, and the default alerts' precision, recall and F1."})
final class EvalTopicsCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.jsonl", description = "Labelled articles, one JSON object a line.")
    Path file;

    @Option(names = "--articles", paramLabel = "FILE.jsonl",
            description = "Articles (id, title, body or text) to take the text of a label without text from.")
    List<Path> articles = new ArrayList<>();

    @Option(names = "--split", paramLabel = "NAME", description = "Only the labels whose split is NAME (tune, held-out).")
    String split;

    @Option(names = "--misses", description = "Also list each article whose primary topic is not among the first two"
            + " given, and each whose default alerts differ from its labels, with its event signals.")
    boolean misses;

    @Option(names = "--baseline", description = "Also score the lexicon alone, as enrichment was before the topic"
            + " model (topics from topics-vi.txt, alerts by the topic scores).")
    boolean baseline;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("no such file " + file);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        LabelledArticles labelled = LabelledArticles.read(List.of(file), articles,
                s -> split == null || split.equals(s), err);
        TopicEvaluation evaluation = evaluate(new Enricher(), labelled);
        if (evaluation.articles() == 0) {
            err.println(file + ": no labelled article to score");
            return 1;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        TopicEvaluation lexicon = baseline ? evaluate(Enricher.lexiconOnly(), labelled) : null;
        if (json) {
            Map<String, Object> figures = figures(evaluation);
            if (lexicon != null) {
                figures.put("lexicon", figures(lexicon));
            }
            out.println(Json.mapper().writeValueAsString(figures));
        } else {
            print(out, evaluation);
            if (lexicon != null) {
                out.println(String.format(Locale.ROOT, "the lexicon alone (the baseline): topics micro F1 %.2f (P %.2f,"
                                + " R %.2f), primary among the first two %.1f %%, default alerts F1 %.2f (P %.2f, R %.2f)",
                        lexicon.microTopics().f1(), lexicon.microTopics().precision(), lexicon.microTopics().recall(),
                        100 * lexicon.primaryInTopTwo(), lexicon.microAlerts().f1(), lexicon.microAlerts().precision(),
                        lexicon.microAlerts().recall()));
            }
        }
        out.flush();
        return labelled.skipped() == 0 ? 0 : 1;
    }

    private static TopicEvaluation evaluate(Enricher enricher, LabelledArticles labelled) {
        Alerter alerter = new Alerter();
        TopicEvaluation evaluation = new TopicEvaluation();
        for (LabelledArticles.Labelled article : labelled.articles()) {
            EnrichedArticle enriched = enricher.enrich(article.gold().article());
            evaluation.add(article.gold(), enriched, alerter.alerts(enriched, null, List.of()).stream()
                    .map(AlertEvent::topic).toList());
        }
        return evaluation;
    }

    /** The figures as JSON: each count with its precision, recall and F1. */
    private static Map<String, Object> figures(TopicEvaluation evaluation) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", evaluation.articles());
        result.put("topicsMicro", evaluation.microTopics());
        result.put("primaryInTopTwo", evaluation.primaryInTopTwo());
        result.put("topics", new TreeMap<>(evaluation.topics()));
        result.put("alertsMicro", evaluation.microAlerts());
        result.put("alerts", new TreeMap<>(evaluation.alerts()));
        return result;
    }

    private void print(PrintStream out, TopicEvaluation evaluation) {
        out.println(file.getFileName() + ": " + evaluation.articles() + " articles"
                + (split == null ? "" : " (" + split + ")"));
        out.println(String.format(Locale.ROOT, "%-22s%6s%6s%6s%6s%6s", "topic", "P", "R", "F1", "given", "due"));
        evaluation.topics().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.println(row("  " + e.getKey(), e.getValue())));
        out.println(row("micro", evaluation.microTopics()));
        out.println(String.format(Locale.ROOT, "primary topic among the first two: %.1f %%",
                100 * evaluation.primaryInTopTwo()));
        out.println(String.format(Locale.ROOT, "%-22s%6s%6s%6s%6s%6s", "default alerts", "P", "R", "F1", "given",
                "due"));
        evaluation.alerts().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.println(row("  " + e.getKey(), e.getValue())));
        out.println(row("all alerts", evaluation.microAlerts()));
        if (misses) {
            out.println("primary topics missed:");
            evaluation.primaryMisses().forEach(m -> out.println("  " + m.id() + ": given " + m.topics().stream()
                    .map(t -> t.id() + " " + t.score()).toList() + ", labelled " + m.due() + " · " + m.title()));
            out.println("alerts missed:");
            evaluation.alertMisses().forEach(m -> {
                out.println("  " + m.id() + ": given " + m.given() + ", due " + m.due() + " · " + m.title());
                out.println("      topics " + m.topics().stream().map(t -> t.id() + " " + t.score()).toList());
                m.events().forEach((topic, event) -> out.println("      " + topic + ": " + event.score()
                        + (event.due() ? " due" : "") + " " + event.signals()));
            });
        }
    }

    private static String row(String name, TopicEvaluation.Counts c) {
        return String.format(Locale.ROOT, "%-22s%6.2f%6.2f%6.2f%6d%6d", name, c.precision(), c.recall(), c.f1(),
                c.truePositives() + c.falsePositives(), c.truePositives() + c.falseNegatives());
    }
}
