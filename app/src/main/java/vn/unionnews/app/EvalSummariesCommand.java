package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import vn.unionnews.summary.SentenceScorerTraining.Article;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;

@Command(name = "eval-summaries", description = {"Score the pipeline's summaries against reference summaries.",
        "Prints ROUGE-1/2/L F1 of the pipeline's summariser and of the LexRank, LEAD-2 and LEAD-3 baselines; the"
                + " references are JSON Lines (id, title, text or body, reference, labour), or pages with --pages."})
final class EvalSummariesCommand implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "Articles with reference summaries, one JSON object a line; with"
            + " --pages, a directory of pages with gold.jsonl, or JSON Lines of scraped records with a reference.")
    Path file;

    @Option(names = "--pages", description = "Read the articles from pages, through the producer's page reader, as"
            + " the pipeline does, instead of taking their own sentences.")
    boolean pages;

    @Option(names = "--sentences", paramLabel = "N", description = "Sentences in the pipeline's summary. Default: 3.")
    int sentences = Integer.parseInt(UnionNewsConfig.DEFAULTS.get(UnionNewsConfig.SUMMARY_SENTENCES));

    @Option(names = "--words", paramLabel = "N", description = "Upper bound in syllables on every method's summary.")
    int words;

    @Option(names = "--json", description = "Print the scores as one JSON object instead of tables.")
    boolean json;

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
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        ReferenceArticles read = pages ? ReferenceArticles.readPages(file, err) : ReferenceArticles.read(file, err);
        List<Article> articles = read.articles();
        boolean anyLabourField = read.anyLabourField();
        int skipped = read.skipped();
        if (articles.isEmpty()) {
            err.println(file + ": no article to score");
            return 1;
        }

        List<Row> allRows = new ArrayList<>();
        List<Row> labourRows = new ArrayList<>();
        for (Summarizer method : List.of(Summarizers.fresh(sentences, words), Summarizers.lexRank(sentences, words),
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

    private static void printTable(PrintStream out, String heading, List<Row> rows) {
        out.println(String.format(Locale.ROOT, "%-20s%6s%7s%7s", heading, "R1", "R2", "RL"));
        for (Row row : rows) {
            out.println(String.format(Locale.ROOT, "  %-18s%6.1f%7.1f%7.1f",
                    row.method(), row.rouge1(), row.rouge2(), row.rougeL()));
        }
    }
}
