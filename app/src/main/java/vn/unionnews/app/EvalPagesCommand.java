package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.jsoup.Jsoup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.analysis.Analysis;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.ExtractionScores;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;

@Command(name = "eval-pages", description = "Page understanding against hand-made gold: body precision, recall and F1"
        + " over bags of syllables, exact titles, gold captions inside the body, error codes; overall and per"
        + " template, next to the page-text baseline. Reads DIR/gold.jsonl (file, title, sentences or body, captions,"
        + " optional template and index). Captions that the gold body itself contains are not counted.")
final class EvalPagesCommand implements Callable<Integer> {
    private static final String GOLD = "gold.jsonl";
    private static final String ALL = "all";

    @Parameters(paramLabel = "DIR", description = "A directory of pages with their gold in " + GOLD + ".")
    Path dir;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of tables.")
    boolean json;

    @Option(names = "--per-page", description = "Also print each page's figures, worst body F1 first.")
    boolean perPage;

    /** One gold line: a page (the index-th record of a JSON Lines file) and what it should give. */
    private record Gold(String file, int index, String template, String title, String body, List<String> captions) {
    }

    /** What one page gave: its scores, or the error code it got. */
    private record Outcome(Gold gold, String error, ExtractionScores.Scores body, String title, boolean exactTitle,
                           int captionsInBody, ExtractionScores.Scores baselineBody, boolean baselineTitle) {
    }

    /** One page's figures, for --per-page. */
    record PageFigures(String file, int index, String template, String error, double bodyPrecision,
                       double bodyRecall, double bodyF1, boolean exactTitle, String title, int captionsInBody) {
        static PageFigures of(Outcome o) {
            return new PageFigures(o.gold().file(), o.gold().index(), o.gold().template(), o.error(),
                    round(o.body().precision()), round(o.body().recall()), round(o.body().f1()), o.exactTitle(),
                    o.title(), o.captionsInBody());
        }
    }

    /** Figures over a set of pages, ratios in [0, 1] rounded to three decimals. */
    record Figures(int pages, double bodyPrecision, double bodyRecall, double bodyF1, double exactTitles,
                   int captions, double captionsInBody, Map<String, Integer> errors, int crashes,
                   Baseline baseline) {
    }

    /** The same figures when the whole page's text is taken for the body and its first line for the title. */
    record Baseline(double bodyPrecision, double bodyRecall, double bodyF1, double exactTitles, double captionsInBody) {
    }

    @Override
    public Integer call() throws Exception {
        Path goldFile = dir.resolve(GOLD);
        if (!Files.isRegularFile(goldFile)) {
            throw new FileNotFoundException("eval-pages: no " + GOLD + " in " + dir);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        List<Gold> golds = new ArrayList<>();
        List<String> lines = Files.readAllLines(goldFile, StandardCharsets.UTF_8);
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = goldFile + ":" + (i + 1);
            try {
                golds.add(gold(Json.mapper().readTree(lines.get(i))));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                err.println(where + ": skipped, " + (e instanceof JsonProcessingException j ? "not JSON: "
                        + j.getOriginalMessage() : e.getMessage()));
                skipped++;
            }
        }
        // In file order, as a producer handed the directory would see them: what is learnt of a site's template
        // on one page applies to the next.
        golds.sort(Comparator.comparing(Gold::file).thenComparingInt(Gold::index));
        ArticleAnalyzer analyzer = new ArticleAnalyzer(
                Integer.parseInt(UnionNewsConfig.DEFAULTS.get(UnionNewsConfig.SUMMARY_SENTENCES)));
        List<Outcome> outcomes = new ArrayList<>();
        for (Gold gold : golds) {
            Path file = dir.resolve(gold.file());
            if (!Files.isRegularFile(file)) {
                err.println(goldFile + ": skipped " + gold.file() + ", no such file");
                skipped++;
                continue;
            }
            List<PageInput> inputs = PageInputs.fromPaths(List.of(file));
            if (gold.index() >= inputs.size()) {
                err.println(goldFile + ": skipped " + gold.file() + ", it has no record " + gold.index());
                skipped++;
                continue;
            }
            outcomes.add(evaluate(analyzer, gold, inputs.get(gold.index())));
        }
        if (outcomes.isEmpty()) {
            err.println(goldFile + ": no page to score");
            return 1;
        }
        Map<String, Figures> figures = new LinkedHashMap<>();
        figures.put(ALL, figures(outcomes));
        Map<String, List<Outcome>> byTemplate = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.gold().template() != null) {
                byTemplate.computeIfAbsent(outcome.gold().template(), t -> new ArrayList<>()).add(outcome);
            }
        }
        byTemplate.forEach((template, some) -> figures.put(template, figures(some)));

        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dir", dir.toString());
            result.put("skippedLines", skipped);
            result.put("all", figures.remove(ALL));
            result.put("templates", figures);
            if (perPage) {
                result.put("pages", worstFirst(outcomes));
            }
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            print(out, goldFile, figures, skipped);
            if (perPage) {
                for (PageFigures page : worstFirst(outcomes)) {
                    out.println(String.format(Locale.ROOT, "%s%s %s F1 %.3f (P %.3f R %.3f) title %s%s%s",
                            page.file(), page.index() > 0 ? "[" + page.index() + "]" : "",
                            page.template() == null ? "" : page.template(), page.bodyF1(), page.bodyPrecision(),
                            page.bodyRecall(), page.exactTitle() ? "ok" : "«" + page.title() + "»",
                            page.captionsInBody() > 0 ? ", captions in body: " + page.captionsInBody() : "",
                            page.error() == null ? "" : ", error " + page.error()));
                }
            }
        }
        out.flush();
        return skipped == 0 ? 0 : 1;
    }

    private static List<PageFigures> worstFirst(List<Outcome> outcomes) {
        return outcomes.stream().map(PageFigures::of)
                .sorted(Comparator.comparingDouble(PageFigures::bodyF1).thenComparing(PageFigures::file)).toList();
    }

    private static Gold gold(JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String file = text(node, "file");
        if (file == null) {
            throw new IllegalArgumentException("no \"file\"");
        }
        String body;
        if (node.path("sentences").isArray()) {
            List<String> sentences = new ArrayList<>();
            node.get("sentences").forEach(s -> sentences.add(s.asText()));
            body = String.join("\n", sentences);
        } else {
            body = text(node, "body");
        }
        if (body == null || body.isBlank()) {
            throw new IllegalArgumentException("no \"sentences\" or \"body\" for " + file);
        }
        List<String> captions = new ArrayList<>();
        // A caption the article's own text repeats (VietNews often copies the lead photo's caption into the text)
        // is in a right body too: only the others can tell a caption kept from a caption left out.
        String goldBody = body;
        node.path("captions").forEach(c -> {
            if (!ExtractionScores.contains(goldBody, c.asText())) {
                captions.add(c.asText());
            }
        });
        return new Gold(file, node.path("index").asInt(0), text(node, "template"), text(node, "title"), body,
                captions);
    }

    private static Outcome evaluate(ArticleAnalyzer analyzer, Gold gold, PageInput input) {
        String pageText = input.page() == null ? "" : pageText(input.page());
        String firstLine = pageText.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        ExtractionScores.Scores baselineBody = ExtractionScores.body(pageText, gold.body());
        boolean baselineTitle = ExtractionScores.sameTitle(firstLine, gold.title());
        Analysis analysis = input.page() == null
                ? Analysis.failed(null, "unreadable", input.origin() + ": " + input.readError())
                : analyzer.analyze(input.page());
        if (analysis.failed()) {
            return new Outcome(gold, analysis.error().code(), ExtractionScores.Scores.ZERO, null, false, 0,
                    baselineBody, baselineTitle);
        }
        int inside = (int) gold.captions().stream().filter(c -> ExtractionScores.contains(analysis.body(), c)).count();
        return new Outcome(gold, null, ExtractionScores.body(analysis.body(), gold.body()), analysis.title(),
                ExtractionScores.sameTitle(analysis.title(), gold.title()), inside, baselineBody, baselineTitle);
    }

    /** All the text of a page, the baseline's body: the text as given, or the HTML's text. */
    private static String pageText(RawPage page) {
        return page.html() != null ? Jsoup.parse(page.html()).wholeText() : page.text();
    }

    private static Figures figures(List<Outcome> outcomes) {
        int n = outcomes.size();
        Map<String, Integer> errors = new TreeMap<>();
        int captions = 0;
        int inside = 0;
        int baselineInside = 0;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                errors.merge(o.error(), 1, Integer::sum);
            }
            captions += o.gold().captions().size();
            inside += o.captionsInBody();
            // The page's text holds every caption it shows.
            baselineInside += o.gold().captions().size();
        }
        Baseline baseline = new Baseline(
                mean(outcomes, o -> o.baselineBody().precision()), mean(outcomes, o -> o.baselineBody().recall()),
                mean(outcomes, o -> o.baselineBody().f1()), mean(outcomes, o -> o.baselineTitle() ? 1 : 0),
                ratio(baselineInside, captions));
        return new Figures(n, mean(outcomes, o -> o.body().precision()), mean(outcomes, o -> o.body().recall()),
                mean(outcomes, o -> o.body().f1()), mean(outcomes, o -> o.exactTitle() ? 1 : 0), captions,
                ratio(inside, captions), errors, errors.getOrDefault("unreadable", 0), baseline);
    }

    private static double mean(List<Outcome> outcomes, java.util.function.ToDoubleFunction<Outcome> value) {
        return round(outcomes.stream().mapToDouble(value).average().orElse(0));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static void print(PrintStream out, Path goldFile, Map<String, Figures> figures, int skipped) {
        Figures all = figures.get(ALL);
        out.println(goldFile + ": " + all.pages() + " pages, " + all.captions() + " gold captions"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        String header = "%-16s%6s%8s%8s%8s%8s%10s  %s";
        String row = "%-16s%6d%8.3f%8.3f%8.3f%8.3f%10.3f  %s";
        out.println(String.format(Locale.ROOT, header, "pages", "n", "body P", "body R", "body F1", "titles",
                "captions", "errors"));
        figures.forEach((name, f) -> out.println(String.format(Locale.ROOT, row, name, f.pages(), f.bodyPrecision(),
                f.bodyRecall(), f.bodyF1(), f.exactTitles(), f.captionsInBody(),
                f.errors().isEmpty() ? "none" : f.errors().toString())));
        Baseline b = all.baseline();
        out.println(String.format(Locale.ROOT, row, "page text", all.pages(), b.bodyPrecision(), b.bodyRecall(),
                b.bodyF1(), b.exactTitles(), b.captionsInBody(), "(baseline: all the page's text, its first line)"));
        out.println("titles: share exactly right; captions: share of gold captions inside the body; crashes: "
                + all.crashes());
    }
}
