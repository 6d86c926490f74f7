package vn.unionnews.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.VietnameseText;

/** The consumer's summaries follow the configuration: {@code summary.sentences} and {@code summary.words}. */
class SummarizingConsumerTest {
    private static final String TITLE = "Công nhân Công ty TNHH May mặc Hòa Bình ngừng việc vì bị nợ lương";
    private static final List<String> SENTENCES = List.of(
            "Sáng 14/1, khoảng 1.200 công nhân Công ty TNHH May mặc Hòa Bình ở tỉnh Bình Dương đã ngừng việc tập thể vì bị nợ lương hai tháng.",
            "Liên đoàn Lao động tỉnh Bình Dương đã cử cán bộ đến doanh nghiệp để nắm tình hình và bảo vệ quyền lợi của người lao động.",
            "Theo phản ánh của công nhân, công ty còn chậm đóng bảo hiểm xã hội từ tháng 9 năm trước với số tiền gần 1,9 tỷ đồng.",
            "Tại buổi đối thoại, đại diện doanh nghiệp cam kết trả đủ tiền lương còn nợ cho người lao động trước ngày 30/1.",
            "Người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày sau khi nghe doanh nghiệp trình bày kế hoạch trả lương.",
            "Công đoàn cơ sở của công ty sẽ tiếp tục giám sát việc thực hiện cam kết và báo cáo kết quả với Liên đoàn Lao động tỉnh.");

    @Test
    void summariesHaveAtMostTheConfiguredNumberOfSentences() {
        Summary byDefault = summarize(Map.of());
        Summary two = summarize(Map.of(UnionNewsConfig.SUMMARY_SENTENCES, "2"));

        assertTrue(byDefault.sentences().size() >= 1 && byDefault.sentences().size() <= 3, byDefault.text());
        assertTrue(two.sentences().size() >= 1 && two.sentences().size() <= 2, two.text());
        assertTrue(SENTENCES.containsAll(byDefault.sentences()), "extractive: " + byDefault.sentences());
    }

    @Test
    void aWordBudgetSetsTheLengthAndKeepsABestSentenceThatNothingFits() {
        Summary unbounded = summarize(Map.of(UnionNewsConfig.SUMMARY_SENTENCES, "4", UnionNewsConfig.SUMMARY_WORDS, "400"));
        Summary bounded = summarize(Map.of(UnionNewsConfig.SUMMARY_SENTENCES, "4", UnionNewsConfig.SUMMARY_WORDS, "60"));
        Summary tiny = summarize(Map.of(UnionNewsConfig.SUMMARY_WORDS, "5"));

        assertEquals(4, unbounded.sentences().size(), unbounded.text());
        assertTrue(syllables(bounded) <= 60 && bounded.sentences().size() < 4,
                syllables(bounded) + " syllables: " + bounded.text());
        assertEquals(1, tiny.sentences().size(), "the best sentence is kept whatever the budget: " + tiny.text());
    }

    private static Summary summarize(Map<String, String> overrides) {
        return SummarizingConsumer.summarizer(UnionNewsConfig.defaults(overrides)).summarize(TITLE, SENTENCES);
    }

    private static int syllables(Summary summary) {
        return summary.sentences().stream().mapToInt(VietnameseText::syllableCount).sum();
    }
}
