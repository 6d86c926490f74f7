package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static vn.unionnews.page.Seeds.fold;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;

/**
 * {@code analyze} on hostile pages: random bytes, invalid UTF-8, huge, one-line, deeply nested and foreign-language
 * pages. It never throws, answers an error or a well-formed analysis, and takes time linear in the page.
 */
class AnalyzerRobustnessTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    /** The stable codes of {@link Analysis.Error}, and the language check's. */
    private static final Set<String> ERROR_CODES = Set.of("empty", "binary", "no_article", "unreadable", "not_vietnamese");
    private static final Seed SEED = Seeds.all().get(0);
    /** The first seed's body paragraphs as the analyzer finds them on the clean page. */
    private static final List<String> SEED_PARAGRAPHS = ANALYZER.analyze(RawPage.ofContent(SEED.content())).body()
            .lines().filter(line -> !line.isBlank()).toList();
    private static final String VIETNAMESE_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệ"
            + "íìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵAĂÂĐÊÔƠƯ";

    private static Analysis analyzeWithin(Duration deadline, RawPage page) {
        return assertTimeoutPreemptively(deadline, () -> ANALYZER.analyze(page));
    }

    /** An error with a known code, or an article whose sentences are all pieces of its body. */
    private static void assertWellFormed(Analysis analysis, String what) {
        assertNotNull(analysis, what);
        if (analysis.failed()) {
            String code = analysis.error().code();
            assertTrue(code != null && !code.isBlank(), () -> what + ": blank error code");
            assertTrue(ERROR_CODES.contains(code), () -> what + ": unknown error code " + code);
            return;
        }
        String body = analysis.body();
        assertTrue(body != null && !body.isBlank(), () -> what + ": an article without a body");
        assertNotNull(analysis.sentences(), what);
        assertFalse(analysis.sentences().isEmpty(), () -> what + ": a body without sentences");
        for (String sentence : analysis.sentences()) {
            assertFalse(sentence.isBlank(), () -> what + ": a blank sentence");
            assertTrue(body.contains(sentence), () -> what + ": sentence not in the body: " + abbreviate(sentence));
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }

    private static RawPage textPage(String id, String text) {
        return new RawPage(id, null, null, null, null, text, null);
    }

    private static RawPage htmlPage(String id, String html) {
        return new RawPage(id, null, null, null, null, null, html);
    }

    /** Bytes of three kinds, by seed: any byte, printable ASCII and newlines, or UTF-8 Vietnamese letters and markup. */
    private static byte[] randomBytes(int seed) {
        Random random = new Random(seed);
        int size = random.nextInt(20_001);
        switch (seed % 3) {
            case 0 -> {
                byte[] bytes = new byte[size];
                random.nextBytes(bytes);
                return bytes;
            }
            case 1 -> {
                byte[] bytes = new byte[size];
                for (int i = 0; i < size; i++) {
                    bytes[i] = random.nextInt(20) == 0 ? (byte) '\n' : (byte) (0x20 + random.nextInt(0x5F));
                }
                return bytes;
            }
            default -> {
                String alphabet = VIETNAMESE_LETTERS + "    \n.,!?…<>/“”0123456789";
                StringBuilder text = new StringBuilder();
                while (text.length() < size) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                return Arrays.copyOf(bytes, Math.min(bytes.length, size));
            }
        }
    }

    @ParameterizedTest(name = "random seed {0}")
    @MethodSource("randomSeeds")
    void randomBytesGiveAnErrorOrAWellFormedArticleAsTextAndAsHtml(int seed) {
        String decoded = new String(randomBytes(seed), StandardCharsets.UTF_8);

        assertWellFormed(analyzeWithin(Duration.ofSeconds(20), textPage("text-" + seed, decoded)), "text, seed " + seed);
        assertWellFormed(analyzeWithin(Duration.ofSeconds(20), htmlPage("html-" + seed, "<" + decoded)),
                "html, seed " + seed);
    }

    static IntStream randomSeeds() {
        return IntStream.range(0, 300);
    }

    static Stream<Arguments> seedsWithInvalidUtf8() {
        return Seeds.all().stream().flatMap(seed -> Stream.of(arguments(seed, 1), arguments(seed, 20)));
    }

    /**
     * Invalid sequences (a lead byte without its continuation, 0xFF, an overlong '/', a surrogate, a lone
     * continuation byte) in the seed's long lines: the title line stays intact, so the title must survive.
     */
    @ParameterizedTest(name = "{0}, {1} invalid sequences per paragraph")
    @MethodSource("seedsWithInvalidUtf8")
    void invalidUtf8InARealPageKeepsItsTitleOrIsCalledBinary(Seed seed, int perParagraph) {
        byte[][] invalid = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0xC0, (byte) 0xAF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80}};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int inserted = 0;
        for (String line : seed.content().split("\n", -1)) {
            String[] words = line.split(" ", -1);
            int every = line.length() > 200 ? Math.max(1, words.length / (perParagraph + 1)) : Integer.MAX_VALUE;
            for (int w = 0; w < words.length; w++) {
                bytes.writeBytes(words[w].getBytes(StandardCharsets.UTF_8));
                if (w > 0 && w % every == 0 && w / every <= perParagraph) {
                    bytes.writeBytes(invalid[inserted++ % invalid.length]);
                }
                if (w < words.length - 1) {
                    bytes.write(' ');
                }
            }
            bytes.write('\n');
        }
        int sequences = inserted;
        assertTrue(sequences > 0, "no invalid bytes inserted");

        Analysis analysis = analyzeWithin(Duration.ofSeconds(20),
                RawPage.ofContent(new String(bytes.toByteArray(), StandardCharsets.UTF_8)));

        if (analysis.failed()) {
            assertEquals("binary", analysis.error().code(), () -> sequences + " invalid sequences");
        } else {
            assertEquals(fold(seed.goldText("title")), fold(analysis.title()), () -> sequences + " invalid sequences");
        }
    }

    @ParameterizedTest(name = "«{0}»")
    @ValueSource(strings = {"", " ", "   \n\t\n  ", "\r\n\r\n", "\u00A0\u2003\u3000", "."})
    void emptyOrPunctuationOnlyPageIsEmptyOrNoArticle(String content) {
        Analysis analysis = analyzeWithin(Duration.ofSeconds(5), textPage("p", content));

        assertTrue(analysis.failed(), "an article from «" + content + "»");
        assertTrue(Set.of("empty", "no_article").contains(analysis.error().code()), analysis.error().code());
    }

    /** The seed page with its body paragraphs repeated in place of the body until it has {@code bytes} bytes of UTF-8. */
    private static String seedPageOf(int bytes) {
        String content = SEED.content();
        int at = content.indexOf(SEED_PARAGRAPHS.get(0).substring(0, 40));
        assertTrue(at >= 0, "the seed's first paragraph is not in its page");
        int bodyStart = content.lastIndexOf('\n', at) + 1;
        StringBuilder page = new StringBuilder(bytes).append(content, 0, bodyStart);
        int size = content.getBytes(StandardCharsets.UTF_8).length;
        while (size < bytes) {
            for (String paragraph : SEED_PARAGRAPHS) {
                page.append(paragraph).append("\n\n");
                size += paragraph.getBytes(StandardCharsets.UTF_8).length + 2;
            }
        }
        return page.append(content, bodyStart, content.length()).toString();
    }

    /** The seed's body as a single line of {@code chars} characters. */
    private static String longLine(int chars) {
        String body = String.join(" ", SEED_PARAGRAPHS);
        StringBuilder line = new StringBuilder(chars + body.length());
        while (line.length() < chars) {
            line.append(body).append(' ');
        }
        return line.substring(0, chars);
    }

    private static String nestedDivs(int depth) {
        return "<html><body>" + "<div>".repeat(depth) + "<p>" + SEED_PARAGRAPHS.get(0) + "</p>"
                + "</div>".repeat(depth) + "</body></html>";
    }

    @Test
    void twentyMegabytePageKeepsTheSeedsTitle() {
        String page = seedPageOf(20 * 1024 * 1024);

        Analysis analysis = analyzeWithin(Duration.ofSeconds(60), RawPage.ofContent(page));

        assertFalse(analysis.failed(), () -> String.valueOf(analysis.error()));
        assertEquals(fold(SEED.goldText("title")), fold(analysis.title()));
    }

    static Stream<Arguments> longLines() {
        return Stream.of(
                arguments("Vietnamese words", longLine(100_000)),
                arguments("Vietnamese without spaces", longLine(200_000).replaceAll("\\s", "").substring(0, 100_000)),
                arguments("periods", ".".repeat(100_000)),
                arguments("spaces then x", " ".repeat(100_000) + "x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("longLines")
    void lineOfAHundredThousandCharactersIsAnsweredNotThrown(String name, String line) {
        assertWellFormed(analyzeWithin(Duration.ofSeconds(20), textPage(name, line)), name);
    }

    @Test
    void paragraphUnderAHundredThousandNestedDivsIsFound() {
        Analysis analysis = analyzeWithin(Duration.ofSeconds(30), htmlPage("divs", nestedDivs(100_000)));

        assertFalse(analysis.failed(), () -> "nested divs: " + analysis.error());
        assertTrue(fold(analysis.body()).contains(fold(SEED_PARAGRAPHS.get(0))),
                () -> "body without the nested paragraph: " + abbreviate(analysis.body()));
    }

    @Test
    void paragraphInsideAHundredThousandNestedInlineTagsIsFound() {
        String html = "<html><body><p>" + "<b><i>".repeat(50_000) + SEED_PARAGRAPHS.get(0) + "</i></b>".repeat(50_000)
                + "</p></body></html>";

        Analysis analysis = analyzeWithin(Duration.ofSeconds(30), htmlPage("inline", html));

        assertFalse(analysis.failed(), () -> "nested inline tags: " + analysis.error());
        assertTrue(fold(analysis.body()).contains(fold(SEED_PARAGRAPHS.get(0))));
    }

    static Stream<Arguments> foreignPages() {
        return Stream.of(
                arguments("English", """
                        Workers' unions in the region reported strong growth in membership last year.

                        The regional federation of labour said on Tuesday that more than seventeen thousand new members had joined grassroots unions across the province in the twelve months to December, the largest increase in a decade. Officials credited a campaign aimed at workers in new industrial parks, where most factories had no union at all five years ago.

                        The federation's chairwoman told a conference in the provincial capital that the campaign had focused on listening to workers before asking them to join. Organisers visited dormitories and canteens in the evenings, she said, and handled complaints about overtime, wages and housing before talking about membership fees.

                        Employers have largely welcomed the change. The manager of a garment factory employing four thousand people said that a union able to negotiate on behalf of its members made it easier to settle disputes early, before they turned into strikes that cost everyone money.

                        Not everyone is convinced that the growth will last. Researchers at a labour institute in the capital noted that many new members are young migrants who change jobs often, and that unions have struggled in the past to keep members once they move to another employer.

                        The federation plans to extend the campaign to construction sites and logistics firms next year, and to publish its membership figures every quarter so that progress can be checked.
                        """),
                arguments("French", """
                        Les syndicats de la province annoncent une forte hausse du nombre d'adhérents.

                        La fédération régionale du travail a annoncé mardi que plus de dix-sept mille nouveaux membres avaient rejoint les syndicats de base de la province au cours de l'année écoulée, soit la plus forte progression depuis dix ans. Les responsables attribuent ce résultat à une campagne menée dans les nouvelles zones industrielles.

                        La présidente de la fédération a expliqué lors d'une conférence que les militants avaient d'abord écouté les travailleurs avant de leur proposer d'adhérer. Ils se sont rendus le soir dans les dortoirs et les cantines, et ont traité les plaintes sur les heures supplémentaires, les salaires et le logement.

                        Les employeurs accueillent plutôt favorablement ce changement. Le directeur d'une usine textile de quatre mille salariés estime qu'un syndicat capable de négocier au nom de ses membres permet de régler les conflits plus tôt, avant qu'ils ne dégénèrent en grèves coûteuses pour tout le monde.

                        Des chercheurs restent prudents et rappellent que beaucoup de nouveaux adhérents sont de jeunes migrants qui changent souvent d'emploi, et que les syndicats ont eu du mal à les garder par le passé.
                        """),
                arguments("Chinese", """
                        本省工会会员人数去年大幅增长。

                        地区劳动联合会周二表示，截至去年十二月的十二个月内，全省基层工会新增会员一万七千多名，是十年来增幅最大的一年。官员们将这一成绩归功于在新工业园区开展的宣传活动，五年前那里的大多数工厂还没有工会。

                        联合会主席在省会召开的会议上说，这次活动的重点是先倾听工人的意见，再邀请他们入会。组织者晚上走访宿舍和食堂，在谈论会费之前先处理有关加班、工资和住房的投诉。

                        雇主们普遍欢迎这一变化。一家拥有四千名员工的服装厂经理表示，能够代表会员进行谈判的工会使劳资纠纷能够及早解决，避免演变成让各方都付出代价的罢工。

                        研究人员提醒说，许多新会员是经常换工作的年轻外来务工人员，过去工会很难在他们换雇主后留住他们。
                        """),
                arguments("Lorem ipsum", """
                        Lorem ipsum dolor sit amet

                        Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.

                        Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit anim id est laborum.

                        Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi architecto beatae vitae dicta sunt explicabo.
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("foreignPages")
    void pageInAnotherLanguageIsNotVietnamese(String language, String page) {
        Analysis analysis = analyzeWithin(Duration.ofSeconds(5), textPage(language, page));

        assertTrue(analysis.failed(), () -> language + " analysed as an article titled «" + analysis.title() + "»");
        assertEquals("not_vietnamese", analysis.error().code());
    }

    static Stream<Arguments> pageShapes() {
        IntFunction<String> article = AnalyzerRobustnessTest::seedPageOf;
        IntFunction<String> line = AnalyzerRobustnessTest::longLine;
        IntFunction<String> divs = AnalyzerRobustnessTest::nestedDivs;
        return Stream.of(
                arguments("Vietnamese page, bytes", article, 128 * 1024),
                arguments("single line, characters", line, 128 * 1024),
                arguments("nested divs, depth", divs, 5_000));
    }

    /** Eight times the page may take at most 40 times as long: linear would be 8, quadratic 64. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pageShapes")
    void eightTimesThePageTakesLessThanFortyTimesAsLong(String shape, IntFunction<String> pageOfSize, int n) {
        RawPage small = RawPage.ofContent(pageOfSize.apply(n));
        RawPage large = RawPage.ofContent(pageOfSize.apply(8 * n));
        for (int i = 0; i < 3; i++) {
            assertFalse(analyzeWithin(Duration.ofSeconds(60), small).failed(), shape + " " + n + " is not an article");
        }

        long smallNanos = fastestOfThree(small);
        long largeNanos = fastestOfThree(large);

        String timings = String.format("%s %d: %d ms, %d: %d ms (×%.1f)",
                shape, n, smallNanos / 1_000_000, 8 * n, largeNanos / 1_000_000, (double) largeNanos / smallNanos);
        assertTrue(largeNanos < 40 * smallNanos, timings);
    }

    private static long fastestOfThree(RawPage page) {
        return assertTimeoutPreemptively(Duration.ofSeconds(600), () -> {
            long fastest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long start = System.nanoTime();
                ANALYZER.analyze(page);
                fastest = Math.min(fastest, System.nanoTime() - start);
            }
            return fastest;
        });
    }
}
