package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.page.CaptionModel;

class TrainCaptionsCommandTest {
    @TempDir
    Path dir;

    @Test
    void learnsAModelThatTheParserReadsAndTellsCaptionsFromText() throws Exception {
        // The 297 VietNews development articles (a copy is in the tests' resources) stand in for the training split.
        Path data = RepoPaths.find("analysis/src/test/resources/eval/vietnews_dev.jsonl");
        Path model = dir.resolve("model.tsv");

        assertEquals(0, UnionNews.run("train-captions", data.toString(), "--out", model.toString(), "--seed", "3"));

        List<String> lines = Files.readAllLines(model, StandardCharsets.UTF_8);
        assertTrue(lines.get(1).startsWith("# Made by: ./union-news train-captions vietnews_dev.jsonl --seed 3"),
                lines.get(1));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("# Data: 297 articles")), lines.subList(0, 5).toString());
        CaptionModel learnt;
        try (InputStream in = Files.newInputStream(model)) {
            learnt = CaptionModel.read(in);
        }
        CaptionModel.Context context = CaptionModel.Context.of("Công nhân ngừng việc vì bị nợ lương", List.of());
        double credit = learnt.probability(CaptionModel.Line.of("Công nhân tại hiện trường (Ảnh: Minh Hà)"), context);
        double story = learnt.probability(CaptionModel.Line.of("Tuy nhiên, theo ông An, công ty vẫn chưa trả lương"
                + " cho người lao động. Ông cho biết thêm, công đoàn đang làm việc với chủ doanh nghiệp."), context);
        assertTrue(credit > story, "credit " + credit + ", story " + story);
    }
}
