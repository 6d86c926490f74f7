package vn.unionnews.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.unionnews.page.PageParser;
import vn.unionnews.page.ParsedPage;
import vn.unionnews.page.RawPage;
import vn.unionnews.text.SentenceSplitter;

/**
 * Page understanding throughput, "page → sentences": {@link PageParser#parse(RawPage)} then
 * {@link SentenceSplitter#split(String)} of the body. Scores are pages per second.
 * <ul>
 *   <li>{@code seeds}: the five seed pages of the repository's {@code seeds/} directory, all five per call;</li>
 *   <li>{@code seedsHtml}: the same five pages as HTML, each line of text a {@code <p>} of an {@code <article>}
 *   between a navigation bar and a sidebar;</li>
 *   <li>{@code text1MB}: one plain-text page of about 1 MB (UTF-8) built from the seed paragraphs;</li>
 *   <li>{@code html1MB}: the same article as an HTML page of about 1 MB, with navigation and a sidebar.</li>
 * </ul>
 * Run from anywhere inside the repository (the seeds are found by walking up from the working directory):
 * <pre>./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar PageBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class PageBenchmark {
    static final int SEED_PAGES = 5;
    static final int TARGET_BYTES = 1 << 20;

    private PageParser parser;
    private RawPage[] seeds;
    private RawPage[] seedsHtml;
    private RawPage text1MB;
    private RawPage html1MB;

    @Setup
    public void setup() {
        parser = new PageParser();
        seeds = loadSeeds(findSeedsDirectory());
        seedsHtml = new RawPage[seeds.length];
        for (int i = 0; i < seeds.length; i++) {
            seedsHtml[i] = new RawPage(seeds[i].id() + ".html", null, null, null, null, null, seedHtml(seeds[i].text()));
        }

        List<ParsedPage> parsedSeeds = new ArrayList<>();
        for (RawPage seed : seeds) {
            parsedSeeds.add(parser.parse(seed));
        }
        List<String> pool = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        for (ParsedPage parsed : parsedSeeds) {
            pool.addAll(parsed.paragraphs());
            if (parsed.title() != null) {
                titles.add(parsed.title());
            }
        }
        List<String> paragraphs = repeatToSize(pool, TARGET_BYTES);
        String title = titles.get(0);
        text1MB = new RawPage("bench-text-1mb", null, null, null, null, textPage(title, paragraphs, titles), null);
        html1MB = new RawPage("bench-html-1mb", null, null, null, null, null, htmlPage(title, paragraphs, titles));

        // The large pages must read as one long article, else the benchmark measures something else.
        check(text1MB, paragraphs.size());
        check(html1MB, paragraphs.size());
    }

    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void seeds(Blackhole bh) {
        for (RawPage seed : seeds) {
            bh.consume(sentences(seed));
        }
    }

    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void seedsHtml(Blackhole bh) {
        for (RawPage seed : seedsHtml) {
            bh.consume(sentences(seed));
        }
    }

    @Benchmark
    public List<String> text1MB() {
        return sentences(text1MB);
    }

    @Benchmark
    public List<String> html1MB() {
        return sentences(html1MB);
    }

    private List<String> sentences(RawPage page) {
        ParsedPage parsed = parser.parse(page);
        return SentenceSplitter.split(parsed.body());
    }

    // ---- fixtures ----

    /** The nearest {@code seeds/} directory holding .txt pages, from the working directory upwards. */
    static Path findSeedsDirectory() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path seeds = dir.resolve("seeds");
            if (Files.isDirectory(seeds) && !listSeeds(seeds).isEmpty()) {
                return seeds;
            }
        }
        throw new IllegalStateException("No seeds/ directory with .txt pages found in " + start
                + " or any parent: run the benchmark from inside the union-news repository");
    }

    private static List<Path> listSeeds(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawPage[] loadSeeds(Path dir) {
        List<Path> files = listSeeds(dir);
        if (files.size() != SEED_PAGES) {
            throw new IllegalStateException("Expected " + SEED_PAGES + " seed pages in " + dir + ", found "
                    + files.size() + ": update PageBenchmark.SEED_PAGES");
        }
        RawPage[] pages = new RawPage[files.size()];
        for (int i = 0; i < pages.length; i++) {
            try {
                String text = Files.readString(files.get(i), StandardCharsets.UTF_8);
                pages[i] = new RawPage(files.get(i).getFileName().toString(), null, null, null, null, text, null);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed page " + files.get(i), e);
            }
        }
        return pages;
    }

    /** The pool's paragraphs in order, cycled until their UTF-8 size (with blank-line separators) reaches target. */
    private static List<String> repeatToSize(List<String> pool, int targetBytes) {
        List<String> out = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; bytes < targetBytes; i++) {
            String paragraph = pool.get(i % pool.size());
            out.add(paragraph);
            bytes += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
        }
        return out;
    }

    private static String textPage(String title, List<String> paragraphs, List<String> related) {
        StringBuilder page = new StringBuilder(TARGET_BYTES + 4096);
        page.append("Liên đoàn Lao động tỉnh Lào Cai\n\n")
                .append("  Thứ 3, ngày 21/01/2020\n\n")
                .append("Thông tin truy cập\n\n  • 332094\n\n")
                .append("Tin tức sự kiện » LĐLĐ huyện, thành phố\n\n")
                .append(title).append("\n\n");
        for (String paragraph : paragraphs) {
            page.append(paragraph).append("\n\n");
        }
        page.append("Bài và ảnh: Minh Anh\n\n").append("Các tin khác\n\n");
        for (String headline : related) {
            page.append("  • ").append(headline).append("\n");
        }
        return page.toString();
    }

    private static String htmlPage(String title, List<String> paragraphs, List<String> related) {
        StringBuilder page = new StringBuilder(TARGET_BYTES + 16384);
        page.append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append(" - LĐLĐ tỉnh Lào Cai</title>\n")
                .append("<meta property=\"article:published_time\" content=\"2020-01-21T08:30:00+07:00\">\n")
                .append("</head>\n<body>\n<header><div class=\"site\">Liên đoàn Lao động tỉnh Lào Cai</div></header>\n")
                .append("<nav>\n<ul>\n");
        for (String item : List.of("Trang chủ", "Tin tức sự kiện", "LĐLĐ huyện, thành phố", "Công đoàn ngành",
                "Văn bản", "Thư viện ảnh", "Liên hệ")) {
            page.append("<li><a href=\"#\">").append(item).append("</a></li>\n");
        }
        page.append("</ul>\n</nav>\n<main>\n<article>\n")
                .append("<div class=\"breadcrumb\">Tin tức sự kiện » LĐLĐ huyện, thành phố</div>\n")
                .append("<h1>").append(escape(title)).append("</h1>\n")
                .append("<time datetime=\"2020-01-21T08:30:00+07:00\">Thứ 3, ngày 21/01/2020</time>\n");
        for (String paragraph : paragraphs) {
            page.append("<p>").append(escape(paragraph)).append("</p>\n");
        }
        page.append("<p class=\"author\"><strong>Bài và ảnh: Minh Anh</strong></p>\n")
                .append("<section class=\"related\">\n<h3>Các tin khác</h3>\n<ul>\n");
        for (String headline : related) {
            page.append("<li><a href=\"#\">").append(escape(headline)).append("</a></li>\n");
        }
        page.append("</ul>\n</section>\n</article>\n</main>\n<aside>\n<h3>Tin đọc nhiều</h3>\n<ul>\n");
        for (String headline : related) {
            page.append("<li><a href=\"#\">").append(escape(headline)).append("</a></li>\n");
        }
        page.append("</ul>\n<div class=\"counter\">Lượt truy cập: 332094</div>\n</aside>\n")
                .append("<footer>Bản quyền thuộc Liên đoàn Lao động tỉnh Lào Cai</footer>\n</body>\n</html>\n");
        return page.toString();
    }

    /** A seed page as a site would serve it: its lines as paragraphs of an article, with a menu and a sidebar. */
    private static String seedHtml(String text) {
        StringBuilder page = new StringBuilder(text.length() * 2)
                .append("<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n")
                .append("<nav><ul><li><a href=\"#\">Trang chủ</a></li><li><a href=\"#\">Tin tức</a></li></ul></nav>\n")
                .append("<main>\n<article>\n");
        text.lines().filter(line -> !line.isBlank())
                .forEach(line -> page.append("<p>").append(escape(line.strip())).append("</p>\n"));
        return page.append("</article>\n</main>\n<aside><h3>Tin đọc nhiều</h3></aside>\n</body>\n</html>\n")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private void check(RawPage page, int expectedParagraphs) {
        String content = page.html() != null ? page.html() : page.text();
        int bytes = content.getBytes(StandardCharsets.UTF_8).length;
        ParsedPage parsed = parser.parse(page);
        int found = parsed.paragraphs().size();
        if (found < expectedParagraphs / 2) {
            throw new IllegalStateException(page.id() + ": the parser kept " + found + " of " + expectedParagraphs
                    + " paragraphs; the benchmark page no longer reads as one article");
        }
        System.out.printf("%s: %,d bytes, %,d of %,d paragraphs, %,d sentences%n", page.id(), bytes, found,
                expectedParagraphs, SentenceSplitter.split(parsed.body()).size());
    }
}
