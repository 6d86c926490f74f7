package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.text.VietnameseText;

class LeadSummarizerTest {
    // Seed 000, fourth paragraph.
    private static final List<String> SENTENCES = List.of(
            "Đã có 100% công đoàn cấp trên trực tiếp cơ sở xếp loại Hoàn thành tốt nhiệm vụ.",
            "Đối với CĐCS: 91,6% CĐCS đạt vững mạnh.",
            "LĐLĐ tỉnh Lào Cai luôn quan tâm đến việc xây dựng, kiện toàn đội ngũ cán bộ công đoàn cơ sở.",
            "Đây thực sự là những tập thể, cá nhân tiêu biểu trong các phong trào thi đua do tổ chức công đoàn phát động.");

    @Test
    void fixtureSentencesHaveTheLengthsTheBudgetTestsAssume() {
        assertEquals(List.of(18, 9, 21, 24), SENTENCES.stream().map(VietnameseText::syllableCount).toList());
    }

    @Test
    void takesTheFirstSentencesInArticleOrder() {
        Summary summary = new LeadSummarizer(3, 0).summarize(SENTENCES);

        assertEquals(SENTENCES.subList(0, 3), summary.sentences());
        assertEquals(String.join(" ", SENTENCES.subList(0, 3)), summary.text());
        assertEquals("lead-3", summary.method());
    }

    @Test
    void takesEverySentenceOfAShortArticle() {
        assertEquals(SENTENCES, new LeadSummarizer(10, 0).summarize(SENTENCES).sentences());
    }

    @Test
    void stopsBeforeTheSentenceThatWouldExceedTheWordBudget() {
        // 18 + 9 = 27 syllables fit in 30; the third sentence (21 more) would not.
        assertEquals(SENTENCES.subList(0, 2), new LeadSummarizer(3, 30).summarize(SENTENCES).sentences());
    }

    @Test
    void keepsTheFirstSentenceEvenWhenItAloneExceedsTheBudget() {
        assertEquals(SENTENCES.subList(0, 1), new LeadSummarizer(3, 5).summarize(SENTENCES).sentences());
    }

    @Test
    void summarisesNothingToNothing() {
        assertEquals(List.of(), new LeadSummarizer(3, 40).summarize(List.of()).sentences());
    }

    @Test
    void rejectsASummaryOfNoSentences() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LeadSummarizer(0, 0));

        assertEquals("A summary needs at least one sentence, got 0", e.getMessage());
    }
}
