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
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.analysis.TopicEvaluation;
import vn.unionnews.kafka.Json;

/**
 * Articles labelled by reading, as {@code eval-topics} and {@code train-topics} read them: JSON Lines of id,
 * topics, primaryTopic, alert (the alert topics, or true for the alert topics among its topics) and an optional
 * split, with their title and text, or taken by id from articles files (VietNews records: title, body).
 */
record LabelledArticles(List<Labelled> articles, int skipped, int leftOut) {
    /** One labelled article and the split it belongs to (null when its file names none). */
    record Labelled(String split, TopicEvaluation.Gold gold) {
    }

    /**
     * The labels of the splits {@code splits} accepts (a label without a split has split null), with their texts;
     * the others are counted, not read.
     */
    static LabelledArticles read(List<Path> labels, List<Path> texts, Predicate<String> splits, PrintStream err)
            throws IOException {
        Map<String, JsonNode> byId = new HashMap<>();
        for (Path source : texts) {
            forEachLine(source, node -> byId.put(node.path("id").asText(), node));
        }
        List<Labelled> articles = new ArrayList<>();
        int skipped = 0;
        int leftOut = 0;
        for (Path file : labels) {
            List<JsonNode> lines = new ArrayList<>();
            forEachLine(file, lines::add);
            for (JsonNode label : lines) {
                String split = label.hasNonNull("split") ? label.get("split").asText() : null;
                if (!splits.test(split)) {
                    leftOut++;
                    continue;
                }
                JsonNode text = label.hasNonNull("text") ? label : byId.get(label.path("id").asText());
                if (text == null || !label.path("topics").isArray()) {
                    err.println(file + ": skipped " + label.path("id").asText() + ", "
                            + (text == null ? "no text (give its --articles file)" : "no topics"));
                    skipped++;
                    continue;
                }
                List<String> topics = strings(label.get("topics"));
                List<String> alert = label.path("alert").isBoolean()
                        ? label.get("alert").asBoolean() ? topics.stream().filter(Alerter.ALERT_TOPICS::contains)
                        .toList() : List.of()
                        : strings(label.path("alert"));
                articles.add(new Labelled(split,
                        new TopicEvaluation.Gold(label.path("id").asText(), text.path("title").asText(""),
                                text.hasNonNull("text") ? text.get("text").asText() : text.path("body").asText(""),
                                topics, label.path("primaryTopic").asText(), alert)));
            }
        }
        return new LabelledArticles(List.copyOf(articles), skipped, leftOut);
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
