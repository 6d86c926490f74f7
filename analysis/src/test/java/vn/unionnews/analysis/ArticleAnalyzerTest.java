package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;
import vn.unionnews.text.VietnameseText;

class ArticleAnalyzerTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);

    static List<Seed> seeds() {
        return Seeds.all();
    }

    private static RawPage page(String id, String text) {
        return new RawPage(id, null, null, null, null, text, null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void summarisesEverySeedWithSentencesOfItsOwn(Seed seed) {
        Analysis analysis = ANALYZER.analyze(RawPage.ofContent(seed.content()));

        assertNull(analysis.error(), () -> String.valueOf(analysis.error()));
        assertFalse(analysis.sentences().isEmpty());
        List<String> summary = analysis.summary().sentences();
        assertFalse(summary.isEmpty());
        assertTrue(summary.size() <= 3, () -> summary.size() + " sentences");
        for (String sentence : summary) {
            assertTrue(analysis.sentences().contains(sentence), () -> "not a sentence of the article: " + sentence);
        }
        assertEquals(String.join(" ", summary), analysis.summary().text());
    }

    static Stream<Arguments> seedsAndWordBudgets() {
        return Seeds.all().stream().flatMap(seed -> IntStream.of(40, 100, 200).mapToObj(words -> arguments(seed, words)));
    }

    @ParameterizedTest(name = "{0} in {1} words")
    @MethodSource("seedsAndWordBudgets")
    void keepsTheSummaryWithinTheWordBudget(Seed seed, int budget) {
        Analysis analysis = new ArticleAnalyzer(3, budget).analyze(RawPage.ofContent(seed.content()));

        List<String> summary = analysis.summary().sentences();
        int words = summary.stream().mapToInt(VietnameseText::syllableCount).sum();
        boolean noSentenceFits = analysis.sentences().stream().allMatch(s -> VietnameseText.syllableCount(s) > budget);
        assertTrue(words <= budget || (summary.size() == 1 && noSentenceFits), () -> words + " syllables in " + summary);
        assertTrue(summary.size() <= 3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void givesTheSameIdToTheSamePage(Seed seed) {
        Analysis first = ANALYZER.analyze(RawPage.ofContent(seed.content()));
        Analysis again = new ArticleAnalyzer(1).analyze(RawPage.ofContent(seed.content()));

        assertTrue(first.id().matches("[0-9a-f]{16}"), first.id());
        assertEquals(first.id(), again.id());
    }

    @Test
    void keepsTheInputId() {
        Seed seed = Seeds.all().get(0);

        assertEquals("seed-000", ANALYZER.analyze(RawPage.ofContent(seed.content()).withId("seed-000")).id());
    }

    @Test
    void aBodyOverTheLimitIsCutAfterItsLastWholeParagraphAndSaysSo() {
        StringBuilder text = new StringBuilder("Báo cáo tổng kết công tác công đoàn các năm\n\n");
        for (int i = 1; text.length() < 2 * ArticleEvent.MAX_BODY_CHARS; i++) {
            text.append("Trong năm thứ ").append(i).append(", Liên đoàn Lao động tỉnh đã kết nạp ").append(100 + i)
                    .append(" đoàn viên mới, thành lập ").append(i % 17 + 1).append(" công đoàn cơ sở và tổ chức ")
                    .append(i % 23 + 2).append(" hội nghị người lao động tại các doanh nghiệp trên địa bàn.\n\n");
        }

        ArticleEvent article = ANALYZER.toArticle(page("long", text.toString()));
        ArticleEvent dump = ANALYZER.toArticle(page("dump", text.toString().repeat(4)));

        assertTrue(article.truncated());
        assertTrue(article.body().length() <= ArticleEvent.MAX_BODY_CHARS, "length " + article.body().length());
        assertTrue(article.body().length() > ArticleEvent.MAX_BODY_CHARS - 300, "cut near the limit");
        assertTrue(article.body().endsWith("trên địa bàn."), "a whole paragraph last");
        assertTrue(text.toString().contains(article.body().substring(article.body().length() - 300)));
        assertEquals(article.sentences().get(article.sentences().size() - 1),
                article.body().substring(article.body().lastIndexOf("\n\n") + 2));
        assertFalse(ANALYZER.toArticle(page("short", Seeds.all().get(0).content())).truncated());
        assertTrue(dump.truncated(), "a page past its reading limit");
        assertTrue(dump.body().length() <= ArticleEvent.MAX_BODY_CHARS);
    }

    @Test
    void aCutWithoutParagraphBreaksFallsBackToSentencesThenSpacesThenTheLimit() {
        assertEquals("Dòng một.\nDòng hai.", PageReader.cut("Dòng một.\nDòng hai.\nDòng ba dài", 22));
        assertEquals("Câu một.", PageReader.cut("Câu một. Câu hai dài", 15));
        assertEquals("Một hai", PageReader.cut("Một hai ba", 9));
        assertEquals("abcde", PageReader.cut("abcdefgh", 5));
        assertEquals("abcd", PageReader.cut("abcd\uD83D\uDE00fg", 5), "never half a surrogate pair");
    }

    @Test
    void emptyPageIsAnErrorCodedEmpty() {
        for (String empty : new String[] {null, "", "  \n\t\n  "}) {
            Analysis analysis = ANALYZER.analyze(page("p1", empty));

            assertNotNull(analysis.error(), "for «" + empty + "»");
            assertEquals("empty", analysis.error().code());
            assertEquals("p1", analysis.id());
        }
    }

    @Test
    void randomBytesAreAnErrorNotAnException() {
        Random random = new Random(20200121);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[200 + random.nextInt(4000)];
            random.nextBytes(bytes);

            Analysis analysis = ANALYZER.analyze(page("bytes-" + i, new String(bytes, StandardCharsets.UTF_8)));

            assertNotNull(analysis.error(), "bytes-" + i);
            assertTrue(Set.of("binary", "no_article").contains(analysis.error().code()), analysis.error().code());
            assertEquals("bytes-" + i, analysis.id());
        }
    }

    @Test
    void nonArticlePageIsAnErrorCodedNoArticle() {
        String menu = """
                Home
                About us
                News and events
                Documents
                Contact
                Login | Register
                © 2020 Lao Cai Trade Union. All rights reserved.
                """;

        Analysis analysis = ANALYZER.analyze(RawPage.ofContent(menu));

        assertNotNull(analysis.error());
        assertEquals("no_article", analysis.error().code());
        assertNull(analysis.sentences());
    }

    @Test
    void htmlMenuWithoutArticleIsAnErrorCodedNoArticle() {
        String html = "<html><body><nav><a href='/'>Trang chủ</a></nav><ul><li><a href='/tin'>Tin tức</a></li>"
                + "<li><a href='/vb'>Văn bản</a></li></ul><p>Thống kê truy cập: 255,529</p></body></html>";

        Analysis analysis = ANALYZER.analyze(RawPage.ofContent(html));

        assertEquals("no_article", analysis.error().code());
    }

    /** The first seed's prose paragraphs: its federation's figures, with no word of the page around them. */
    private static List<String> seedParagraphs() {
        return Seeds.all().get(0).content().lines().filter(line -> line.length() > 200).limit(4).toList();
    }

    static Stream<Arguments> pagesOfASiteNoDataFileKnows() {
        String text = String.join("\n", seedParagraphs());
        String html = "<html><head><meta property=\"og:site_name\" content=\"Báo Bình Dương\">"
                + "<title>Kết quả phát triển đoàn viên</title></head><body><article>"
                + seedParagraphs().stream().map(p -> "<p>" + p + "</p>").collect(Collectors.joining())
                + "</article></body></html>";
        return Stream.of(
                arguments("scraper record", new RawPage("bd-1", null, null, "Báo Bình Dương", null, text, null)),
                arguments("HTML og:site_name", new RawPage("bd-2", null, null, null, null, null, html)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pagesOfASiteNoDataFileKnows")
    void aPageOfASiteNoDataFileKnowsIsAnalysedAndItsFiguresAttributed(String kind, RawPage page) {
        Analysis analysis = ANALYZER.analyze(page);

        assertNull(analysis.error(), () -> String.valueOf(analysis.error()));
        assertEquals(new SourceOrg("Báo Bình Dương", null), analysis.source());
        assertTrue(analysis.organizations().stream().anyMatch(o -> o.name().equals("Báo Bình Dương")));
        assertFalse(analysis.metrics().isEmpty());
        // The newspaper reports the federation's figures: they are the union body's the article names most.
        analysis.metrics().forEach(metric ->
                assertEquals("Liên đoàn Lao động tỉnh Lào Cai", metric.organization(), metric.toString()));
        assertFalse(analysis.summary().sentences().isEmpty());
    }
}
