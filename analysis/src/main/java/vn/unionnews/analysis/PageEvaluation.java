package vn.unionnews.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.jsoup.Jsoup;
import vn.unionnews.page.ExtractionScores;
import vn.unionnews.page.RawPage;

/**
 * Page understanding measured against hand-made gold, on the path {@code analyze} and the producer take: body
 * precision, recall and F1 over bags of syllables, exact titles, gold captions found inside the body, and the
 * error codes pages got; next to the page-text baseline (all of a page's text as its body, its first line as its
 * title). One evaluation analyses its pages in the order given with one analyser, as a producer would: what it
 * learns of a site's template on one page applies to the next.
 */
public final class PageEvaluation {
    /** Figures over all pages are under this name; the others are the pages' templates. */
    public static final String ALL = "all";

    private final ArticleAnalyzer analyzer = new ArticleAnalyzer(3);
    private final List<Outcome> outcomes = new ArrayList<>();

    /**
     * One gold line: a page (the {@code index}-th record of a JSON Lines file, else the file) and what it should
     * give. Captions the gold body itself contains (VietNews often copies the lead photo's caption into the text)
     * are in a right body too, so only the others count.
     */
    public record Gold(String file, int index, String template, String title, String body, List<String> captions) {
        public Gold {
            captions = List.copyOf(captions);
        }

        /**
         * Reads a gold line, already parsed into its fields: file, title, sentences or body, captions, optional
         * template and index.
         */
        public static Gold of(Map<String, ?> node) {
            if (node == null) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String file = text(node, "file");
            if (file == null) {
                throw new IllegalArgumentException("no \"file\"");
            }
            String body = text(node, "body");
            if (node.get("sentences") instanceof List<?> sentences) {
                body = String.join("\n", sentences.stream().map(String::valueOf).toList());
            }
            if (body == null || body.isBlank()) {
                throw new IllegalArgumentException("no \"sentences\" or \"body\" for " + file);
            }
            Predicate<String> inGoldBody = ExtractionScores.containedIn(body);
            List<String> captions = new ArrayList<>();
            if (node.get("captions") instanceof List<?> all) {
                all.stream().map(String::valueOf).filter(c -> !inGoldBody.test(c)).forEach(captions::add);
            }
            int index = node.get("index") instanceof Number n ? n.intValue() : 0;
            return new Gold(file, index, text(node, "template"), text(node, "title"), body, captions);
        }
    }

    /**
     * The gold lines of a {@code gold.jsonl}, in file order (by file, then record: as a producer handed the
     * directory would see the pages), and for each line that cannot be read, where it is and why.
     */
    public record GoldFile(List<Gold> golds, List<String> skipped) {
        /**
         * Reads a gold file; {@code parse} turns one line into its JSON object's fields, or throws an
         * {@link IllegalArgumentException} saying why it is not JSON (this library parses no JSON itself).
         */
        public static GoldFile read(Path file, Function<String, Map<String, ?>> parse) throws IOException {
            List<Gold> golds = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    golds.add(Gold.of(parse.apply(lines.get(i))));
                } catch (IllegalArgumentException e) {
                    skipped.add(file + ":" + (i + 1) + ": skipped, " + e.getMessage());
                }
            }
            golds.sort(Comparator.comparing(Gold::file).thenComparingInt(Gold::index));
            return new GoldFile(List.copyOf(golds), List.copyOf(skipped));
        }
    }

    /** What one page gave: its scores and title, or the error code it got; and the baseline's. */
    public record Outcome(Gold gold, String error, ExtractionScores.Scores body, String title, boolean exactTitle,
                          int captionsInBody, ExtractionScores.Scores baselineBody, boolean baselineTitle) {
    }

    /** Figures over a set of pages, ratios in [0, 1] rounded to three decimals. */
    public record Figures(int pages, double bodyPrecision, double bodyRecall, double bodyF1, double exactTitles,
                          int captions, double captionsInBody, Map<String, Integer> errors, int crashes,
                          Baseline baseline) {
    }

    /** The same figures when the whole page's text is taken for the body and its first line for the title. */
    public record Baseline(double bodyPrecision, double bodyRecall, double bodyF1, double exactTitles,
                           double captionsInBody) {
    }

    /** One page's figures, for a per-page report. */
    public record PageFigures(String file, int index, String template, String error, double bodyPrecision,
                              double bodyRecall, double bodyF1, boolean exactTitle, String title, int captionsInBody) {
        static PageFigures of(Outcome o) {
            return new PageFigures(o.gold().file(), o.gold().index(), o.gold().template(), o.error(),
                    round(o.body().precision()), round(o.body().recall()), round(o.body().f1()), o.exactTitle(),
                    o.title(), o.captionsInBody());
        }
    }

    /** Analyses one page and scores it against its gold. */
    public Outcome add(Gold gold, RawPage page) {
        String pageText = pageText(page);
        String firstLine = pageText.lines().filter(l -> !l.isBlank()).findFirst().orElse(null);
        ExtractionScores.Scores baselineBody = ExtractionScores.body(pageText, gold.body());
        boolean baselineTitle = ExtractionScores.sameTitle(firstLine, gold.title());
        Analysis analysis = analyzer.analyze(page);
        Outcome outcome;
        if (analysis.failed()) {
            outcome = new Outcome(gold, analysis.error().code(), ExtractionScores.Scores.ZERO, null, false, 0,
                    baselineBody, baselineTitle);
        } else {
            int inside = (int) gold.captions().stream().filter(ExtractionScores.containedIn(analysis.body())).count();
            outcome = new Outcome(gold, null, ExtractionScores.body(analysis.body(), gold.body()), analysis.title(),
                    ExtractionScores.sameTitle(analysis.title(), gold.title()), inside, baselineBody, baselineTitle);
        }
        outcomes.add(outcome);
        return outcome;
    }

    /** A page that could not even be read as a page (a missing record, an unreadable file). */
    public void addUnreadable(Gold gold) {
        outcomes.add(new Outcome(gold, ArticleAnalyzer.UNREADABLE, ExtractionScores.Scores.ZERO, null, false, 0,
                ExtractionScores.Scores.ZERO, false));
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** The figures over all pages ({@value #ALL}), then per template in name order. */
    public Map<String, Figures> figures() {
        Map<String, Figures> figures = new LinkedHashMap<>();
        figures.put(ALL, figures(outcomes));
        Map<String, List<Outcome>> byTemplate = new TreeMap<>();
        for (Outcome outcome : outcomes) {
            if (outcome.gold().template() != null) {
                byTemplate.computeIfAbsent(outcome.gold().template(), t -> new ArrayList<>()).add(outcome);
            }
        }
        byTemplate.forEach((template, some) -> figures.put(template, figures(some)));
        return figures;
    }

    /** Each page's figures, lowest body F1 first. */
    public List<PageFigures> worstFirst() {
        return outcomes.stream().map(PageFigures::of)
                .sorted(Comparator.comparingDouble(PageFigures::bodyF1).thenComparing(PageFigures::file)).toList();
    }

    /** All the text of a page, the baseline's body: the text as given, or the HTML's text. */
    private static String pageText(RawPage page) {
        if (page.html() != null) {
            return Jsoup.parse(page.html()).wholeText();
        }
        return page.text() == null ? "" : page.text();
    }

    private static Figures figures(List<Outcome> outcomes) {
        Map<String, Integer> errors = new TreeMap<>();
        int captions = 0;
        int inside = 0;
        for (Outcome o : outcomes) {
            if (o.error() != null) {
                errors.merge(o.error(), 1, Integer::sum);
            }
            captions += o.gold().captions().size();
            inside += o.captionsInBody();
        }
        // The page's text holds every caption the page shows.
        Baseline baseline = new Baseline(
                mean(outcomes, o -> o.baselineBody().precision()), mean(outcomes, o -> o.baselineBody().recall()),
                mean(outcomes, o -> o.baselineBody().f1()), mean(outcomes, o -> o.baselineTitle() ? 1 : 0),
                captions == 0 ? 0 : 1);
        return new Figures(outcomes.size(), mean(outcomes, o -> o.body().precision()),
                mean(outcomes, o -> o.body().recall()), mean(outcomes, o -> o.body().f1()),
                mean(outcomes, o -> o.exactTitle() ? 1 : 0), captions, ratio(inside, captions), errors,
                errors.getOrDefault(ArticleAnalyzer.UNREADABLE, 0), baseline);
    }

    private static double mean(List<Outcome> outcomes, ToDoubleFunction<Outcome> value) {
        return round(outcomes.stream().mapToDouble(value).average().orElse(0));
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : round((double) part / whole);
    }

    private static double round(double x) {
        return Math.round(x * 1000) / 1000.0;
    }

    private static String text(Map<String, ?> node, String field) {
        Object value = node.get(field);
        return value == null ? null : String.valueOf(value);
    }
}
