package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The caption model learnt from VietNews: what it tells apart, and that it reads its file as written. */
class CaptionModelTest {
    private static final CaptionModel MODEL = CaptionModel.standard();
    private static final String TITLE = "Công nhân ngừng việc vì bị nợ lương";
    private static final List<String> STORY = List.of(
            "Sáng 3/12, khoảng 1.500 công nhân Công ty TNHH Giày da Phú Lợi đã ngừng việc tập thể, đề nghị doanh"
                    + " nghiệp trả nợ lương tháng 10 và tháng 11.",
            "Công nhân tập trung trước cổng công ty.",
            "Tuy nhiên, đến trưa cùng ngày, đại diện công ty vẫn chưa có mặt để đối thoại với người lao động.",
            "Ông Nguyễn Văn An, Chủ tịch LĐLĐ huyện cho biết thêm, công đoàn đang làm việc với chủ doanh nghiệp.",
            "Hiện vụ việc đang được các cơ quan chức năng xem xét giải quyết.");

    private static boolean isCaption(String line) {
        CaptionModel.Context context = CaptionModel.Context.of(TITLE, STORY.stream().map(CaptionModel.Line::of).toList());
        return MODEL.isCaption(CaptionModel.Line.of(line), context);
    }

    @Test
    void tellsAPictureFromTheStory() {
        assertTrue(isCaption("Công nhân tập trung trước cổng công ty."), "a group doing something, as a photo shows");
        assertFalse(isCaption(STORY.get(2)), "a connective and the story going on");
        assertFalse(isCaption(STORY.get(3)), "a reporting verb: someone said something");
        assertFalse(isCaption(STORY.get(4)), "the state of affairs: text");
        assertFalse(isCaption(STORY.get(0)), "the lead");
    }

    @Test
    void readsOldAndNewTonePlacementAlike() {
        CaptionModel.Context context = CaptionModel.Context.of(TITLE, List.of());
        assertEquals(MODEL.probability(CaptionModel.Line.of("Lễ ký kết thoả ước lao động tập thể tại Khánh Hoà."), context),
                MODEL.probability(CaptionModel.Line.of("Lễ ký kết thỏa ước lao động tập thể tại Khánh Hòa."), context));
    }

    @Test
    void addsTheWeightsOfExactlyTheLinesFeatures() {
        String file = String.join("\n", "# a model written by hand", "bias\t-1.5", "threshold:0\t0.5",
                "threshold:1\t0.5", "threshold:2\t0.5", "threshold:3\t0.5", "threshold:4\t0.5",
                "w:quang\t1.0", "w:hội\t1.0", "b:^ quang\t0.75", "b:nghị $\t0.25", "end:.\t-0.5", "");
        CaptionModel model = CaptionModel.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)));
        CaptionModel.Line line = CaptionModel.Line.of("Quang cảnh hội nghị");
        Set<String> features = CaptionModel.features(line, CaptionModel.Context.NONE);

        assertTrue(features.containsAll(Set.of("w:quang", "b:^ quang", "b:nghị $")), features.toString());
        // Two words of equal weight are two features.
        assertEquals(1 / (1 + Math.exp(-(-1.5 + 1.0 + 1.0 + 0.75 + 0.25))),
                model.probability(line, CaptionModel.Context.NONE), 1e-12);
        // A word said twice counts once: the features are binary.
        assertEquals(1 / (1 + Math.exp(-(-1.5 + 1.0 + 0.75 - 0.5))),
                model.probability(CaptionModel.Line.of("Quang quang."), CaptionModel.Context.NONE), 1e-12);
    }

    @Test
    void aModelFileWithoutAThresholdForEveryLengthIsRefused() {
        String file = "bias\t0\nthreshold:0\t0.5\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> CaptionModel.read(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.getMessage().contains("threshold"), e.getMessage());
    }
}
