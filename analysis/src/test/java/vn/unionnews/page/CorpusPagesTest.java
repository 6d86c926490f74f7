package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.text.SentenceSplitter;
import vn.unionnews.text.VietnameseText;

/**
 * Page understanding on a corpus of realistic scraped pages beyond the five seeds ({@code /corpus/}): plain-text
 * pages of provincial federation sites and newspapers, HTML pages with sidebars, and scraper records in JSON
 * Lines, each checked against its hand-written expectation in {@code /corpus/expected.json}.
 */
class CorpusPagesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PageParser PARSER = new PageParser();

    /** One page of the corpus: a file (and, for JSON Lines, the line) with its expectation. */
    record Case(String file, int index, JsonNode expected) {
        @Override
        public String toString() {
            return file.endsWith(".jsonl") ? file + "[" + index + "]" : file;
        }

        String text(String field) {
            JsonNode node = expected.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        List<String> list(String field) {
            List<String> values = new ArrayList<>();
            expected.path(field).forEach(node -> values.add(node.asText()));
            return values;
        }
    }

    static Stream<Case> cases() throws IOException {
        JsonNode all = JSON.readTree(resource("expected.json"));
        List<Case> cases = new ArrayList<>();
        all.forEach(node -> cases.add(new Case(node.path("file").asText(), node.path("index").asInt(0), node)));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pageMatchesItsExpectation(Case page) throws IOException {
        ParsedPage parsed;
        try {
            parsed = PARSER.parse(rawPage(page));
        } catch (PageException e) {
            fail("the page was not parsed: " + e.getMessage(), e);
            return;
        }
        List<String> paragraphs = parsed.paragraphs().stream().map(CorpusPagesTest::fold).toList();
        String body = fold(parsed.body());
        JsonNode source = page.expected().path("source");

        List<Executable> checks = new ArrayList<>();
        checks.add(() -> assertEquals(fold(page.text("title")), fold(parsed.title()), "title"));
        checks.add(() -> assertEquals(page.text("publishedAt"), parsed.publishedAt(), "publishedAt"));
        checks.add(() -> {
            assertNotNull(parsed.source(), "source");
            assertEquals(source.path("name").asText(), parsed.source().name(), "source name");
        });
        checks.add(() -> {
            assertNotNull(parsed.source(), "source");
            assertEquals(source.path("type").asText(), parsed.source().type(), "source type");
        });
        checks.add(() -> assertEquals(fold(page.text("author")), fold(parsed.author()), "author"));
        checks.add(() -> {
            String expected = fold(page.text("bodyFirst"));
            assertFalse(paragraphs.isEmpty(), "the body has no paragraph");
            String first = paragraphs.get(0);
            assertTrue(first.startsWith(expected), () -> "bodyFirst: first paragraph starts «"
                    + first.substring(0, Math.min(first.length(), expected.length() + 40)) + "», expected «" + expected + "»");
        });
        checks.add(() -> {
            String expected = fold(page.text("bodyLast"));
            assertTrue(body.endsWith(expected), () -> "bodyLast: body ends «"
                    + body.substring(Math.max(0, body.length() - expected.length() - 40)) + "», expected «" + expected + "»");
        });
        List<String> captions = parsed.captions().stream().map(CorpusPagesTest::fold).toList();
        for (String caption : page.list("captions")) {
            checks.add(() -> assertNotInBody("caption", caption, paragraphs));
            checks.add(() -> assertTrue(captions.contains(fold(caption)),
                    () -> "caption «" + caption + "» not among the captions " + captions));
        }
        for (String boilerplate : page.list("mustNotContain")) {
            checks.add(() -> assertNotInBody("boilerplate", boilerplate, paragraphs));
        }
        if (page.expected().hasNonNull("sentenceCount")) {
            checks.add(() -> assertEquals(page.expected().get("sentenceCount").asInt(),
                    SentenceSplitter.split(String.join("\n", parsed.paragraphs())).size(), "sentenceCount"));
        }
        assertAll(page.toString(), checks);
    }

    private static void assertNotInBody(String kind, String unwanted, List<String> paragraphs) {
        String folded = fold(unwanted);
        for (String paragraph : paragraphs) {
            assertFalse(paragraph.contains(folded), () -> kind + " «" + folded + "» in the body paragraph «"
                    + abbreviate(paragraph) + "»");
        }
    }

    private static RawPage rawPage(Case page) throws IOException {
        String content = new String(resource(page.file()).readAllBytes(), StandardCharsets.UTF_8);
        if (!page.file().endsWith(".jsonl")) {
            return RawPage.ofContent(content);
        }
        String line = content.lines().filter(l -> !l.isBlank()).skip(page.index()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No line " + page.index() + " in " + page.file()));
        JsonNode record = JSON.readTree(line);
        String fetchedAt = textOrNull(record, "fetchedAt");
        return new RawPage(textOrNull(record, "id"), textOrNull(record, "url"),
                fetchedAt == null ? null : Instant.parse(fetchedAt), textOrNull(record, "source"),
                textOrNull(record, "title"), textOrNull(record, "text"), textOrNull(record, "html"));
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static InputStream resource(String name) {
        InputStream in = CorpusPagesTest.class.getResourceAsStream("/corpus/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("Missing test resource corpus/" + name));
        }
        return in;
    }

    /** NFC, odd spaces gone and every whitespace run one space: expectations are exact up to whitespace. */
    private static String fold(String text) {
        return text == null ? null : VietnameseText.normalize(text).replaceAll("\\s+", " ").strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "…";
    }
}
