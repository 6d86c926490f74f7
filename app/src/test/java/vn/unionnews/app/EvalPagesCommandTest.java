package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.Json;

class EvalPagesCommandTest {
    private static final String PAGE = String.join("\n\n", "Công đoàn Nghệ An tổng kết năm 2022",
            "Sáng 12/3, Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị tổng kết công tác công đoàn năm 2022 và triển"
                    + " khai nhiệm vụ năm 2023 với sự tham dự của hơn 200 đại biểu.",
            "Quang cảnh hội nghị.",
            "Trong năm qua, các cấp công đoàn đã kết nạp mới được 12.345 đoàn viên, thành lập 85 công đoàn cơ sở.");

    @TempDir
    Path dir;

    private static CliRun eval(String... args) {
        return CliRun.of(Stream.concat(Stream.of("eval-pages"), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void scoresTheRepositorysTestPagesPerLayoutAsJson() throws Exception {
        Path pages = RepoPaths.find("analysis/src/test/resources/pages");

        CliRun run = eval(pages.toString(), "--json", "--per-page");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode result = Json.mapper().readTree(run.out());
        JsonNode all = result.path("all");
        assertEquals(30, all.path("pages").asInt());
        assertTrue(all.path("bodyF1").asDouble() >= 0.97, all.toString());
        assertTrue(all.path("bodyF1").asDouble() > all.path("baseline").path("bodyF1").asDouble(), all.toString());
        assertEquals(0, all.path("crashes").asInt());
        assertTrue(result.path("templates").has("vnexpress") && result.path("templates").has("no-markup"),
                result.path("templates").toString());
        assertEquals(30, result.path("pages").size(), "one line per page");
    }

    @Test
    void printsATableWithTheBaselineAndTellsWhichGoldLinesItSkipped() throws Exception {
        Files.writeString(dir.resolve("a.txt"), PAGE);
        Files.write(dir.resolve("gold.jsonl"), List.of(
                "{\"file\": \"a.txt\", \"template\": \"t\", \"title\": \"Công đoàn Nghệ An tổng kết năm 2022\","
                        + " \"sentences\": [\"Sáng 12/3, Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị tổng kết"
                        + " công tác công đoàn năm 2022 và triển khai nhiệm vụ năm 2023 với sự tham dự của hơn 200"
                        + " đại biểu.\", \"Trong năm qua, các cấp công đoàn đã kết nạp mới được 12.345 đoàn viên,"
                        + " thành lập 85 công đoàn cơ sở.\"], \"captions\": [\"Quang cảnh hội nghị.\"]}",
                "{\"file\": \"missing.txt\", \"title\": \"x\", \"body\": \"y\"}",
                "not json"), StandardCharsets.UTF_8);

        CliRun run = eval(dir.toString());

        assertEquals(1, run.exitCode(), "skipped gold lines make the run fail");
        assertTrue(run.out().matches("(?s).*\\nall\\s+1\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+0\\.000\\s+none.*"),
                run.out());
        assertTrue(run.out().contains("page text"), "the baseline row: " + run.out());
        assertTrue(run.err().contains("missing.txt, no such file"), run.err());
        assertTrue(run.err().contains(":3: skipped, not JSON"), run.err());
    }

    @Test
    void aDirectoryWithoutGoldIsOneClearLine() {
        CliRun run = eval(dir.toString());

        assertEquals(2, run.exitCode());
        assertEquals("union-news: eval-pages: no gold.jsonl in " + dir, run.err().strip());
    }
}
