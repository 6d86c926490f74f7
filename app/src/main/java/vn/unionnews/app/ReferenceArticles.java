package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import vn.unionnews.analysis.PageReader;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.page.PageException;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;
import vn.unionnews.summary.SentenceScorerTraining.Article;
import vn.unionnews.text.SentenceSplitter;

/**
 * Articles with reference summaries for {@code eval-summaries} and {@code train-summarizer}: from JSON Lines with
 * their own sentences ({@code id}, {@code title}, {@code text} or {@code body}, {@code reference},
 * {@code labour}), or as pages read by the producer's page reader ({@link #readPages}). A line that cannot be used
 * is reported with its number and skipped.
 */
record ReferenceArticles(List<Article> articles, int skipped, boolean anyLabourField) {

    static ReferenceArticles read(Path file, PrintStream err) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("no such file " + file);
        }
        List<Article> articles = new ArrayList<>();
        boolean anyLabourField = false;
        int skipped = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = Json.mapper().readTree(line);
                } catch (JsonProcessingException e) {
                    node = null;
                }
                String problem = problem(node);
                if (problem != null) {
                    err.println(file + ":" + number + ": skipped, " + problem);
                    skipped++;
                    continue;
                }
                anyLabourField |= node.has("labour");
                String text = node.get(blank(node, "text") ? "body" : "text").asText();
                articles.add(new Article(node.hasNonNull("title") ? node.get("title").asText() : null,
                        SentenceSplitter.split(text), node.get("reference").asText(),
                        node.path("labour").asBoolean(false)));
            }
        }
        return new ReferenceArticles(List.copyOf(articles), skipped, anyLabourField);
    }

    /** Why a line cannot be used, or null when it can. */
    private static String problem(JsonNode node) {
        if (node == null || !node.isObject()) {
            return "not a JSON object";
        }
        String id = node.hasNonNull("id") ? " (id " + node.get("id").asText() + ")" : "";
        if (blank(node, "text") && blank(node, "body")) {
            return "no text or body" + id;
        }
        if (blank(node, "reference")) {
            return "no reference" + id;
        }
        return null;
    }

    private static boolean blank(JsonNode node, String field) {
        return !node.path(field).isTextual() || node.get(field).asText().isBlank();
    }

    /**
     * Pages as the pipeline reads them, with their reference summaries: a directory of pages with their gold in
     * {@code gold.jsonl} ({@code file}, {@code index} of the record in a JSON Lines file, {@code reference},
     * {@code labour}), or a JSON Lines file of scraped records ({@code text} or {@code html}, as {@code produce}
     * reads them) that also carry {@code reference} and {@code labour}. Each page's sentences are the ones
     * {@link PageReader} gives the pipeline.
     */
    static ReferenceArticles readPages(Path path, PrintStream err) throws IOException {
        boolean directory = Files.isDirectory(path);
        Path gold = directory ? path.resolve("gold.jsonl") : path;
        if (!Files.isRegularFile(gold)) {
            throw new FileNotFoundException(directory ? "no gold.jsonl in " + path : "no such file " + path);
        }
        List<PageInput> records = directory ? List.of() : PageInputs.fromPaths(List.of(path));
        Map<String, List<PageInput>> files = new HashMap<>();
        PageReader reader = new PageReader();
        List<Article> articles = new ArrayList<>();
        int skipped = 0;
        boolean anyLabourField = false;
        int record = 0;
        for (String line : Files.readAllLines(gold, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            String where = gold + ":" + (record + 1);
            JsonNode node = Json.mapper().readTree(line);
            PageInput input;
            if (directory) {
                Path file = path.resolve(node.path("file").asText());
                input = Files.isRegularFile(file)
                        ? at(files.computeIfAbsent(file.toString(), f -> PageInputs.fromPaths(List.of(file))),
                        node.path("index").asInt(0))
                        : null;
            } else {
                input = at(records, record);
            }
            record++;
            if (input == null || input.page() == null || blank(node, "reference")) {
                err.println(where + ": skipped, " + (input == null ? "no such page"
                        : input.page() == null ? input.readError() : "no reference"));
                skipped++;
                continue;
            }
            anyLabourField |= node.has("labour");
            try {
                ArticleEvent article = reader.read(input.page());
                articles.add(new Article(article.displayTitle(), article.sentences(), node.get("reference").asText(),
                        node.path("labour").asBoolean(false)));
            } catch (PageException e) {
                err.println(input.origin() + ": skipped, " + e.getMessage());
                skipped++;
            }
        }
        return new ReferenceArticles(List.copyOf(articles), skipped, anyLabourField);
    }

    private static PageInput at(List<PageInput> inputs, int index) {
        return index < inputs.size() ? inputs.get(index) : null;
    }
}
