package vn.unionnews.app;

import java.io.FileNotFoundException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.analysis.PageEvaluation;
import vn.unionnews.kafka.Json;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;

@Command(name = "eval-pages", description = {"Score page understanding against hand-made gold.",
        "Prints body precision, recall and F1 over bags of syllables, exact titles, gold captions inside the body"
                + " and error codes, overall and per template, next to the page-text baseline. Reads DIR/gold.jsonl"
                + " (file, title, sentences or body, captions, optional template and index). Captions that the gold"
                + " body itself contains are not counted."})
final class EvalPagesCommand implements Callable<Integer> {
    private static final String GOLD = "gold.jsonl";

    @Parameters(paramLabel = "DIR", description = "A directory of pages with their gold in " + GOLD + ".")
    Path dir;

    @Option(names = "--json", description = "Print the figures as one JSON object instead of tables.")
    boolean json;

    @Option(names = "--per-page", description = "Also print each page's figures, worst body F1 first.")
    boolean perPage;

    @Override
    public Integer call() throws Exception {
        Path goldFile = dir.resolve(GOLD);
        if (!Files.isRegularFile(goldFile)) {
            throw new FileNotFoundException("eval-pages: no " + GOLD + " in " + dir);
        }
        PrintStream err = new PrintStream(System.err, true, StandardCharsets.UTF_8);
        PageEvaluation.GoldFile gold = PageEvaluation.GoldFile.read(goldFile, Json::object);
        gold.skipped().forEach(err::println);
        int skipped = gold.skipped().size();
        PageEvaluation evaluation = new PageEvaluation();
        Map<String, List<PageInput>> files = new HashMap<>(); // a JSON Lines file is read once for all its records
        for (PageEvaluation.Gold page : gold.golds()) {
            Path file = dir.resolve(page.file());
            if (!Files.isRegularFile(file)) {
                err.println(goldFile + ": skipped " + page.file() + ", no such file");
                skipped++;
                continue;
            }
            List<PageInput> inputs = files.computeIfAbsent(page.file(), f -> PageInputs.fromPaths(List.of(file)));
            if (page.index() >= inputs.size()) {
                err.println(goldFile + ": skipped " + page.file() + ", it has no record " + page.index());
                skipped++;
            } else if (inputs.get(page.index()).page() == null) {
                err.println(inputs.get(page.index()).origin() + ": " + inputs.get(page.index()).readError());
                evaluation.addUnreadable(page);
            } else {
                evaluation.add(page, inputs.get(page.index()).page());
            }
        }
        if (evaluation.outcomes().isEmpty()) {
            err.println(goldFile + ": no page to score");
            return 1;
        }
        Map<String, PageEvaluation.Figures> figures = evaluation.figures();
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        if (json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dir", dir.toString());
            result.put("skippedLines", skipped);
            result.put(PageEvaluation.ALL, figures.remove(PageEvaluation.ALL));
            result.put("templates", figures);
            if (perPage) {
                result.put("pages", evaluation.worstFirst());
            }
            out.println(Json.mapper().writeValueAsString(result));
        } else {
            print(out, goldFile, figures, skipped);
            if (perPage) {
                evaluation.worstFirst().forEach(page -> out.println(line(page)));
            }
        }
        out.flush();
        return skipped == 0 ? 0 : 1;
    }

    private static void print(PrintStream out, Path goldFile, Map<String, PageEvaluation.Figures> figures,
                              int skipped) {
        PageEvaluation.Figures all = figures.get(PageEvaluation.ALL);
        out.println(goldFile + ": " + all.pages() + " pages, " + all.captions() + " gold captions"
                + (skipped > 0 ? ", " + skipped + " skipped" : ""));
        String header = "%-16s%6s%8s%8s%8s%8s%10s  %s";
        String row = "%-16s%6d%8.3f%8.3f%8.3f%8.3f%10.3f  %s";
        out.println(String.format(Locale.ROOT, header, "pages", "n", "body P", "body R", "body F1", "titles",
                "captions", "errors"));
        figures.forEach((name, f) -> out.println(String.format(Locale.ROOT, row, name, f.pages(), f.bodyPrecision(),
                f.bodyRecall(), f.bodyF1(), f.exactTitles(), f.captionsInBody(),
                f.errors().isEmpty() ? "none" : f.errors().toString())));
        PageEvaluation.Baseline b = all.baseline();
        out.println(String.format(Locale.ROOT, row, "page text", all.pages(), b.bodyPrecision(), b.bodyRecall(),
                b.bodyF1(), b.exactTitles(), b.captionsInBody(), "(baseline: all the page's text, its first line)"));
        out.println("titles: share exactly right; captions: share of gold captions inside the body; crashes: "
                + all.crashes());
    }

    private static String line(PageEvaluation.PageFigures page) {
        return String.format(Locale.ROOT, "%s%s %s F1 %.3f (P %.3f R %.3f) title %s%s%s", page.file(),
                page.index() > 0 ? "[" + page.index() + "]" : "", page.template() == null ? "" : page.template(),
                page.bodyF1(), page.bodyPrecision(), page.bodyRecall(),
                page.exactTitle() ? "ok" : "«" + page.title() + "»",
                page.captionsInBody() > 0 ? ", captions in body: " + page.captionsInBody() : "",
                page.error() == null ? "" : ", error " + page.error());
    }
}
