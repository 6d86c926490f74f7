package vn.unionnews.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

    @Option(names = "--misses", description = "Also list each article whose default alerts differ from its labels.")
    boolean misses;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of tables.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("no such file " + file);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        Map<String, JsonNode> texts = new HashMap<>();
        for (Path source : articles) {
            forEachLine(source, node -> texts.put(node.path("id").asText(), node));
        }
        Enricher enricher = new Enricher();
        Alerter alerter = new Alerter();
        TopicEvaluation evaluation = new TopicEvaluation();
        int[] skipped = {0};
        forEachLine(file, label -> {
            if (split != null && !split.equals(label.path("split").asText())) {
                return;
            }
            JsonNode text = label.hasNonNull("text") ? label : texts.get(label.path("id").asText());
            if (text == null || !label.path("topics").isArray()) {
                err.println(file + ": skipped " + label.path("id").asText() + ", "
                        + (text == null ? "no text (give its --articles file)" : "no topics"));
                skipped[0]++;
                return;
            }
            TopicEvaluation.Gold gold = new TopicEvaluation.Gold(label.path("id").asText(),
                    text.path("title").asText(""), text.hasNonNull("text") ? text.get("text").asText()
                    : text.path("body").asText(""), strings(label.get("topics")),
                    label.path("primaryTopic").asText(), strings(label.path("alert")));
            EnrichedArticle enriched = enricher.enrich(gold.article());
            List<String> alerted = alerter.alerts(enriched, null, List.of()).stream().map(AlertEvent::topic).toList();
            evaluation.add(gold, enriched, alerted);
        });
        if (evaluation.articles() == 0) {
            err.println(file + ": no labelled article to score");
            return 1;
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (json) {
            out.println(Json.mapper().writeValueAsString(figures(evaluation)));
        } else {
            print(out, evaluation);
        }
        out.flush();
        return skipped[0] == 0 ? 0 : 1;
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
            evaluation.alertMisses().forEach(m -> out.println("  " + m.id() + ": given " + m.given() + ", due "
                    + m.due() + " · " + m.title()));
        }
    }

    private static String row(String name, TopicEvaluation.Counts c) {
        return String.format(Locale.ROOT, "%-22s%6.2f%6.2f%6.2f%6d%6d", name, c.precision(), c.recall(), c.f1(),
                c.truePositives() + c.falsePositives(), c.truePositives() + c.falseNegatives());
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private interface LineHandler {
        void accept(JsonNode node) throws IOException;
    }

    private static void forEachLine(Path path, LineHandler handler) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new FileNotFoundException("no such file " + path);
        }
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    handler.accept(Json.mapper().readTree(line));
                }
            }
        }
    }
}
