package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.Json;

class AnalyzeCommandTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, List<JsonNode> lines, String err) {
    }

    private static Run analyze(String... args) throws Exception {
        return analyze(new ByteArrayInputStream(new byte[0]), args);
    }

    private static Run analyze(InputStream stdin, String... args) throws Exception {
        CliRun run = CliRun.withStdin(stdin, Stream.concat(Stream.of("analyze"), Stream.of(args))
                .toArray(String[]::new));
        List<JsonNode> lines = new ArrayList<>();
        for (String line : run.lines()) {
            lines.add(Json.mapper().readTree(line));
        }
        return new Run(run.exitCode(), lines, run.err());
    }

    @Test
    void analyzesEverySeedInInputOrder() throws Exception {
        List<String> seeds;
        try (Stream<Path> files = Files.list(RepoPaths.find("seeds"))) {
            seeds = files.map(Path::toString).sorted().toList();
        }
        Run run = analyze(seeds.toArray(String[]::new));

        assertEquals(0, run.exitCode());
        assertEquals(seeds.size(), run.lines().size());
        assertEquals("Các cấp công đoàn quan tâm phát triển tổ chức và đoàn viên", run.lines().get(1).path("title").asText());
        for (JsonNode line : run.lines()) {
            assertTrue(line.path("id").asText().matches("[0-9a-f]{16}"), line.toString());
            List<String> sentences = new ArrayList<>();
            line.path("sentences").forEach(s -> sentences.add(s.asText()));
            line.path("summary").path("sentences").forEach(s -> assertTrue(sentences.contains(s.asText()),
                    "summary sentences come from the article: " + s));
        }
    }

    @Test
    void aPageThatIsNotAnArticleGetsAnErrorLineAndExitOne() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        Path menu = Files.writeString(dir.resolve("menu.txt"), "Home\nAbout\nContact\n");
        Path seed = RepoPaths.find("seeds").resolve("002_02503a3991b040c3.txt");

        Run run = analyze(empty.toString(), seed.toString(), menu.toString());

        assertEquals(1, run.exitCode());
        assertEquals(List.of("empty", "", "no_article"), run.lines().stream()
                .map(l -> l.path("error").path("code").asText()).toList());
        assertTrue(run.lines().get(0).has("id"), "an error line still carries the id field");
        assertTrue(run.lines().get(0).path("error").path("message").asText().startsWith(empty + ": "),
                "an error names its input: " + run.lines().get(0));
        assertEquals("2017-09-15T05:22:00+07:00", run.lines().get(1).path("publishedAt").asText());
    }

    @Test
    void showsTheDisplayTitleCaptionsAndTheLanguageCheck() throws Exception {
        Path capitals = RepoPaths.find("seeds").resolve("003_ce7d08f944965bf3.txt");
        Path english = Files.writeString(dir.resolve("english.txt"), "Union conference\n\n"
                + "The provincial federation of labour held its annual conference on Tuesday, and more than two"
                + " hundred delegates from grassroots unions across the province attended the meeting.\n");

        Run run = analyze(capitals.toString(), english.toString());

        assertEquals(1, run.exitCode());
        JsonNode article = run.lines().get(0);
        assertTrue(article.path("title").asText().startsWith("KẾT QUẢ SAU 5 NĂM"), article.path("title").asText());
        assertTrue(article.path("displayTitle").asText().startsWith("Kết quả sau 5 năm thực hiện Kết luận 100-KL/TW"),
                article.path("displayTitle").asText());
        assertEquals(2, article.path("captions").size(), article.path("captions").toString());
        assertEquals("not_vietnamese", run.lines().get(1).path("error").path("code").asText());
    }

    @Test
    void aPageOfASiteNoDataFileKnowsIsAnalysedWithItsFiguresAttributed() throws Exception {
        List<String> paragraphs = Files.readAllLines(RepoPaths.find("seeds").resolve("000_4a0bff4b41481ed2.txt"))
                .stream().filter(line -> line.length() > 200).limit(4).toList();
        String record = Json.mapper().writeValueAsString(Map.of("source", "Báo Bình Dương",
                "text", String.join("\n", paragraphs)));
        Path html = Files.writeString(dir.resolve("bao-binh-duong.html"), "<html><head><meta property=\"og:site_name\""
                + " content=\"Báo Bình Dương\"><title>Kết quả phát triển đoàn viên</title></head><body><article><p>"
                + String.join("</p><p>", paragraphs) + "</p></article></body></html>");

        Run run = analyze(new ByteArrayInputStream((record + "\n").getBytes(StandardCharsets.UTF_8)), "-",
                html.toString());

        assertEquals(0, run.exitCode(), run.lines() + run.err());
        assertEquals(2, run.lines().size());
        for (JsonNode line : run.lines()) {
            assertEquals("Báo Bình Dương", line.path("source").path("name").asText(), line.toString());
            assertTrue(line.path("source").path("type").isNull(), line.toString());
            assertFalse(line.path("metrics").isEmpty(), line.toString());
            line.path("metrics").forEach(metric -> assertEquals("Liên đoàn Lao động tỉnh Lào Cai",
                    metric.path("organization").asText(), metric.toString()));
        }
    }

    @Test
    void aFailureTheCommandCannotAnswerIsOneLineNamingTheExceptionAndTheInput() throws Exception {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException();
            }
        };

        Run run = analyze(broken, "-");

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("union-news: java.io.UncheckedIOException: Cannot read stdin <- IOException at "),
                run.err());
        assertFalse(run.err().contains("null"), run.err());
    }
}
