package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.analysis.TopicModel;
import vn.unionnews.kafka.Json;

/** {@code train-topics} and {@code eval-topics} on the labelled articles in the repository. */
class TopicCommandsTest {
    @TempDir
    Path dir;

    private static Path resources() {
        return RepoPaths.find("analysis").resolve("src/test/resources");
    }

    @Test
    void trainTopicsLearnsTheSameModelByteForByteWithoutReadingTheHeldOutLabels() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(resources().resolve("labelled/articles.jsonl"),
                StandardCharsets.UTF_8));
        // A held-out label whose text would make every article a strike if it were read.
        lines.add("{\"id\": \"held\", \"split\": \"held-out\", \"title\": \"Đình công\", \"text\": \"Đình công.\","
                + " \"topics\": [\"disputes\"], \"primaryTopic\": \"disputes\", \"alert\": [\"disputes\"]}");
        Path labels = Files.write(dir.resolve("labels.jsonl"), lines, StandardCharsets.UTF_8);
        Path first = dir.resolve("first.tsv");
        Path second = dir.resolve("second.tsv");

        for (Path out : List.of(first, second)) {
            CliRun run = CliRun.of("train-topics", labels.toString(),
                    resources().resolve("topic-labels/seeds.jsonl").toString(), "--out", out.toString(), "--date",
                    "2026-12-02");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("37 labelled articles to learn from, 1 held out and not read"), run.err());
            assertTrue(run.err().contains("out of fold: "), run.err());
        }

        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(bytes, Files.readAllBytes(second));
        String model = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(model.contains("# Made by: ./union-news train-topics labels.jsonl seeds.jsonl --date 2026-12-02"),
                model.lines().limit(3).toList().toString());
        TopicModel read = TopicModel.read(new ByteArrayInputStream(bytes));
        assertTrue(read.labels().stream().anyMatch(l -> l.name().equals(TopicModel.ALERT + "disputes")));
        assertTrue(read.labels().stream().anyMatch(l -> l.name().equals(TopicModel.PRIMARY + "disputes")));
    }

    @Test
    void evalTopicsScoresTheHeldOutLabelsWithTextsByIdAsJson() throws Exception {
        CliRun run = CliRun.of("eval-topics", resources().resolve("topic-labels/labels.jsonl").toString(),
                "--split", "held-out", "--articles", resources().resolve("eval/vietnews_dev.jsonl").toString(),
                "--json", "--baseline");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode figures = Json.mapper().readTree(run.out());
        assertTrue(figures.path("articles").asInt() >= 140, run.out());
        assertTrue(figures.path("topicsMicro").path("f1").asDouble() >= 0.8, run.out());
        assertTrue(figures.path("alertsMicro").path("f1").asDouble() >= 0.85, run.out());
        assertTrue(figures.path("alerts").has("disputes"), run.out());
        assertTrue(figures.path("lexicon").path("topicsMicro").path("f1").asDouble()
                < figures.path("topicsMicro").path("f1").asDouble(), run.out());
    }

    @Test
    void evalTopicsNamesTheLabelsItHasNoTextFor() {
        CliRun run = CliRun.of("eval-topics", resources().resolve("topic-labels/labels.jsonl").toString(),
                "--split", "held-out", "--misses");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("skipped vietnews-val-"), run.err());
        assertTrue(run.err().contains("no text (give its --articles file)"), run.err());
    }
}
