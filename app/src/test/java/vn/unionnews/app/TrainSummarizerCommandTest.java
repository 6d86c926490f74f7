package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.summary.SentenceScorer;

class TrainSummarizerCommandTest {
    @TempDir
    Path dir;

    @Test
    void learnsTheSameModelByteForByteAndTheSummariserReadsIt() throws Exception {
        List<String> articles = Files.readAllLines(RepoPaths.find("analysis")
                .resolve("src/test/resources/eval/vietnews_dev.jsonl"), StandardCharsets.UTF_8);
        Path train = Files.write(dir.resolve("train.jsonl"), articles.subList(0, 80), StandardCharsets.UTF_8);
        Path dev = Files.write(dir.resolve("dev.jsonl"), articles.subList(80, 120), StandardCharsets.UTF_8);
        Path first = dir.resolve("first.txt");
        Path second = dir.resolve("second.txt");

        for (Path out : List.of(first, second)) {
            CliRun run = CliRun.of("train-summarizer", "--train", train.toString(), "--dev", dev.toString(),
                    "--out", out.toString(), "--date", "2026-12-02");
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.err().contains("80 articles"), run.err());
            assertTrue(run.err().contains("chosen: lambda"), run.err());
        }

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
        List<String> model = Files.readAllLines(first, StandardCharsets.UTF_8);
        assertTrue(model.get(1).startsWith("# Made by: ./union-news train-summarizer --train train.jsonl --dev dev.jsonl"),
                model.get(1));
        assertTrue(String.join("\n", model).contains("Trained 2026-12-02."), model.toString());
        assertTrue(SentenceScorer.parse(model).budget() > 0);
    }

    @Test
    void aMissingTrainingFileIsAUserError() {
        CliRun run = CliRun.of("train-summarizer", "--train", dir.resolve("none.jsonl").toString(), "--dev",
                dir.resolve("none.jsonl").toString(), "--out", dir.resolve("m.txt").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such file"), run.err());
    }
}
