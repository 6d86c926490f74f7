package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.unionnews.page.Seeds.fold;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.page.Seeds.Seed;

/** Page understanding on the five seed pages, against their hand annotation (gold/seeds.json). */
class SeedPagesTest {
    private static final PageParser PARSER = new PageParser();
    private static final Map<String, ParsedPage> PARSED = new ConcurrentHashMap<>();

    static List<Seed> seeds() {
        return Seeds.all();
    }

    private static ParsedPage parsed(Seed seed) {
        return PARSED.computeIfAbsent(seed.file(), file -> PARSER.parse(RawPage.ofContent(seed.content())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsTheTitle(Seed seed) {
        assertEquals(fold(seed.goldText("title")), fold(parsed(seed).title()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsThePublicationDateOrNoneWhenThePageHasNone(Seed seed) {
        String published = parsed(seed).publishedAt();
        String goldDate = seed.goldText("publishedDate");
        if (goldDate == null) {
            assertNull(published);
            return;
        }
        assertNotNull(published, "publishedAt");
        assertTrue(published.startsWith(goldDate), () -> published + " is not on " + goldDate);
        String goldTime = seed.goldText("publishedTime");
        if (goldTime != null) {
            assertEquals(goldTime, published);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsThePublishingOrganisation(Seed seed) {
        assertEquals(seed.goldText("sourceOrg"), parsed(seed).source().name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsTheAuthorLineOrNone(Seed seed) {
        assertEquals(fold(seed.goldText("author")), fold(parsed(seed).author()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsTheBreadcrumbCategoryOrNone(Seed seed) {
        assertEquals(fold(seed.goldText("category")), fold(parsed(seed).category()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bodyStartsWithTheArticlesFirstParagraph(Seed seed) {
        String first = fold(parsed(seed).paragraphs().get(0));
        String expected = fold(seed.goldText("bodyFirst"));

        assertTrue(first.startsWith(expected), () -> "first paragraph starts «"
                + first.substring(0, Math.min(first.length(), expected.length() + 40)) + "», expected «" + expected + "»");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bodyEndsWithTheArticlesLastSentence(Seed seed) {
        String body = fold(parsed(seed).body());
        String expected = fold(seed.goldText("bodyLast"));

        assertTrue(body.endsWith(expected), () -> "body ends «"
                + body.substring(Math.max(0, body.length() - expected.length() - 40)) + "», expected «" + expected + "»");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bodyHasNoPhotoCaptions(Seed seed) {
        assertNoneInParagraphs(seed, seed.goldList("captions"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void keepsThePhotoCaptionsInTheirOwnField(Seed seed) {
        // The gold lists each caption once; on 001 every photo also has an alt line ("… ảnh 2"), also a caption.
        List<String> captions = parsed(seed).captions().stream().map(Seeds::fold).toList();
        String page = fold(seed.content());

        for (String caption : seed.goldList("captions")) {
            assertTrue(captions.contains(fold(caption)), () -> "caption not found: " + caption + " in " + captions);
        }
        for (String caption : captions) {
            assertTrue(page.contains(caption), () -> "not a line of the page: " + caption);
        }
    }

    @Test
    void offersASentenceCaseDisplayFormOfACapitalisedTitle() {
        // Seed 003 prints its title in capitals; the display form writes each word as the body does.
        ParsedPage page = parsed(Seeds.named("003_ce7d08f944965bf3.txt"));

        assertEquals(page.title().toUpperCase(Locale.ROOT), page.title(), "the title stays as written");
        assertEquals("Kết quả sau 5 năm thực hiện Kết luận 100-KL/TW của Ban bí thư (khóa XI) về việc nắm bắt và"
                + " phản ánh dư luận xã hội trong CNVCLĐ tỉnh Lào Cai", page.displayTitle());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void displaysATitleInOrdinaryCaseAsItIs(Seed seed) {
        ParsedPage page = parsed(seed);
        if (!page.title().equals(page.title().toUpperCase(Locale.ROOT))) {
            assertEquals(page.title(), page.displayTitle());
        }
    }

    @Test
    void learnsTheTemplateThatSeeds000And003ShareOnceItHasSeenEnoughPages() {
        // Two pages of one site are not yet a template at the default threshold; with a threshold of two they are:
        // the second page's site lines are then known before it is read, and its article is unchanged.
        SiteTemplates templates = new SiteTemplates(2, 10, 10_000);
        PageParser parser = new PageParser(templates);
        Seed first = Seeds.named("000_4a0bff4b41481ed2.txt");
        Seed second = Seeds.named("003_ce7d08f944965bf3.txt");
        parser.parse(RawPage.ofContent(first.content()));
        ParsedPage page = parser.parse(RawPage.ofContent(second.content()));
        String site = SiteTemplates.siteOf(null, null, fold(second.content().lines().findFirst().orElseThrow()));

        assertEquals(1, templates.siteCount(), "both seeds belong to one site");
        assertTrue(templates.templateOf(site).contains(SiteTemplates.lineKey("Bản Tin Công Đoàn")));
        assertEquals(parsed(second).paragraphs(), page.paragraphs());
        assertEquals(parsed(second).title(), page.title());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bodyHasNoSiteBoilerplate(Seed seed) {
        assertNoneInParagraphs(seed, seed.goldList("boilerplate"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void bodyParagraphsAreLinesOfThePage(Seed seed) {
        String page = fold(seed.content());
        for (String paragraph : parsed(seed).paragraphs()) {
            assertTrue(page.contains(fold(paragraph)), () -> "not on the page: " + paragraph);
        }
    }

    @Test
    void relatedArticlesAfterCoTheBanQuanTamStayOutOfTheBody() {
        // Seed 001: "Có thể bạn quan tâm" (you may be interested in) starts a list of other articles.
        Seed seed = Seeds.named("001_bdf0d9a903f8d4d9.txt");
        List<String> lines = seed.content().lines().map(Seeds::fold).filter(line -> !line.isEmpty()).toList();
        int marker = lines.indexOf("Có thể bạn quan tâm");
        assertTrue(marker > 0, "the seed has the marker line");
        List<String> related = lines.subList(marker, lines.size());
        assertTrue(related.size() > 10, "the seed lists related articles after the marker");

        String body = fold(parsed(seed).body());
        for (String line : related) {
            assertFalse(body.contains(line), () -> "related-article line in the body: " + line);
        }
    }

    private static void assertNoneInParagraphs(Seed seed, List<String> unwanted) {
        List<String> paragraphs = parsed(seed).paragraphs().stream().map(Seeds::fold).toList();
        for (String text : unwanted) {
            String folded = fold(text);
            for (String paragraph : paragraphs) {
                assertFalse(paragraph.contains(folded), () -> "«" + folded + "» in the paragraph «" + paragraph + "»");
            }
        }
    }
}
