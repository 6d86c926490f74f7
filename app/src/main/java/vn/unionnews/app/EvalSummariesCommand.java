package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.summary.LeadSummarizer;
import vn.unionnews.summary.Rouge;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.SentenceSplitter;

@Command(name = "eval-summaries", description = {"Score the pipeline's summaries against reference summaries.",
        "Prints ROUGE-1/2/L F1 of the pipeline's summariser and of the LEAD-2/LEAD-3 baselines; the references are"
                + " JSON Lines (id, title, text or body, reference, labour)."})
final class EvalSummariesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE.jsonl", description = "Articles with reference summaries, one JSON object a line.")
    Path file;

    @Option(names = "--sentences", paramLabel = "N", description = "Sentences in the pipeline's summary. Default: 3.")
    int sentences = Integer.parseInt(UnionNewsConfig.DEFAULTS.get(UnionNewsConfig.SUMMARY_SENTENCES));

    @Option(names = "--words", paramLabel = "N", description = "Upper bound in syllables on every method's summary.")
    int words;

    @Option(names = "--json", description = "Print the scores as one JSON object instead of tables.")
    boolean json;

    /** One scored line of the input. */
    private record Article(String title, List<String> sentences, String reference, boolean labour) {
    }

    /** A method's macro-averaged scores over one set of articles, in percent. */
    private record Row(String method, double rouge1, double rouge2, double rougeL) {
        static Row of(String method, Rouge.Mean mean) {
            Rouge.Scores p = mean.percent();
            return new Row(method, oneDecimal(p.rouge1()), oneDecimal(p.rouge2()), oneDecimal(p.rougeL()));
        }

        private static double oneDecimal(double x) {
            return Math.round(x * 10) / 10.0;
        }
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new FileNotFoundException("eval-summaries: no such file " + file);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<Article> articles = new ArrayList<>();
        boolean anyLabourField = false;
        int skipped = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(lines.get(i));
            } catch (JsonProcessingException e) {
                node = null;
            }
            String problem = problem(node);
            if (problem != null) {
                err.println(file + ":" + (i + 1) + ": skipped, " + problem);
                skipped++;
                continue;
            }
            anyLabourField |= node.has("labour");
            String text = node.get(blank(node, "text") ? "body" : "text").asText();
            articles.add(new Article(node.hasNonNull("title") ? node.get("title").asText() : null,
                    SentenceSplitter.split(text), node.get("reference").asText(), node.path("labour").asBoolean(false)));
        }

        if (articles.isEmpty()) {
            err.println(file + ": no article to score");
            return 1;
        }

        List<Row> allRows = new ArrayList<>();
        List<Row> labourRows = new ArrayList<>();
        for (Summarizer method : List.of(Summarizers.fresh(sentences, words),
                new LeadSummarizer(2, words), new LeadSummarizer(3, words))) {
            Rouge.Mean allMean = new Rouge.Mean();
            Rouge.Mean labourMean = new Rouge.Mean();
            String name = null;
            for (Article article : articles) {
                Summary summary = method.summarize(article.title(), article.sentences());
                name = name == null ? summary.method() : name;
                Rouge.Scores scores = Rouge.score(summary.text(), article.reference());
                allMean.add(scores);
                if (article.labour()) {
                    labourMean.add(scores);
                }
            }
            allRows.add(Row.of(name, allMean));
            labourRows.add(Row.of(name, labourMean));
        }
        long labourCount = articles.stream().filter(Article::labour).count();
        if (labourCount == 0) {
            labourRows.clear();
        }
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toString());
            result.put("articles", articles.size());
            if (anyLabourField) {
                result.put("labourArticles", labourCount);
            }
            result.put("skippedLines", skipped);
            result.put("all", allRows);
            if (!labourRows.isEmpty()) {
                result.put("labour", labourRows);
            }
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            out.println(file.getFileName() + ": " + articles.size() + " articles"
                    + (anyLabourField ? " (" + labourCount + " labour)" : "")
                    + (skipped > 0 ? ", " + skipped + " lines skipped" : ""));
            printTable(out, "all articles", allRows);
            if (!labourRows.isEmpty()) {
                printTable(out, "labour subset (" + labourCount + ")", labourRows);
            }
        }
        out.flush();
        return skipped == 0 ? 0 : 1;
    }

    /** Why a line cannot be scored, or null when it can. */
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

    private static void printTable(PrintStream out, String heading, List<Row> rows) {
        out.println(String.format(Locale.ROOT, "%-20s%6s%7s%7s", heading, "R1", "R2", "RL"));
        for (Row row : rows) {
            out.println(String.format(Locale.ROOT, "  %-18s%6.1f%7.1f%7.1f",
                    row.method(), row.rouge1(), row.rouge2(), row.rougeL()));
        }
    }
}
