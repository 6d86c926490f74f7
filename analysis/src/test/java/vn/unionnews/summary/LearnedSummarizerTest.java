package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;
import vn.unionnews.text.Datelines;
import vn.unionnews.text.VietnameseText;

class LearnedSummarizerTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final String TITLE = "Công nhân Công ty TNHH Phú Thịnh ngừng việc vì bị nợ lương";
    private static final List<String> STRIKE = List.of(
            "LĐO – Đó là bức xúc của hơn 300 công nhân Công ty TNHH Phú Thịnh ở Khu công nghiệp Tân Tạo sáng 12/3.",
            "Sáng 12/3, hơn 300 công nhân Công ty TNHH Phú Thịnh đã ngừng việc tập thể vì công ty nợ lương hai tháng.",
            "Ảnh minh họa: Công nhân tập trung trước cổng Công ty TNHH Phú Thịnh sáng 12/3.",
            "Ngoài ra, công ty còn chậm đóng bảo hiểm xã hội cho người lao động từ đầu năm 2023.",
            "Liên đoàn Lao động quận đã cử cán bộ đến đối thoại với chủ doanh nghiệp và công nhân.",
            "Đến chiều cùng ngày, công ty cam kết trả đủ lương trước ngày 20/3 nên công nhân trở lại làm việc.",
            "Đến chiều cùng ngày, công ty cam kết trả đủ lương trước ngày 20/3 nên công nhân trở lại làm việc.");

    private static Summary summarize(int sentences, int words, List<String> article) {
        return new LearnedSummarizer(sentences, words, new DocumentFrequencies(), SentenceScorer.standard())
                .summarize(TITLE, article);
    }

    static List<Seed> seeds() {
        return Seeds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void opensASeedSummaryWithNoDatelineAndNoSentenceThatLeansOnAnother(Seed seed) {
        ArticleEvent article = ANALYZER.toArticle(RawPage.ofContent(seed.content()));
        Summary summary = Summarizers.fresh(3, 0).summarize(article.displayTitle(), article.sentences());

        assertEquals(LearnedSummarizer.METHOD, summary.method());
        String opening = summary.sentences().get(0);
        assertEquals(opening, Datelines.strip(opening), "a dateline opens " + summary);
        int at = article.sentences().indexOf(opening);
        assertTrue(at >= 0, () -> "not an article sentence: " + opening);
        assertFalse(Openings.leansOnPrevious(opening), () -> "leans on the sentence before: " + opening);
        int last = -1;
        for (String sentence : summary.sentences()) {
            int index = article.sentences().indexOf(sentence);
            assertTrue(index > last, () -> "not an article sentence in order: " + sentence);
            last = index;
        }
    }

    @Test
    void keepsArticleOrderAndTheSentenceBoundAndNeverRepeatsItself() {
        Summary summary = summarize(2, 0, STRIKE);

        assertTrue(summary.sentences().size() <= 2, summary.toString());
        List<Integer> at = summary.sentences().stream().map(s -> indexOf(STRIKE, s)).toList();
        assertEquals(at.stream().sorted().distinct().toList(), at, summary.toString());
        assertFalse(at.contains(-1), summary.toString());
        assertFalse(at.contains(5) && at.contains(6), "a sentence twice: " + summary);
    }

    @Test
    void dropsTheDatelineNotTheSentenceAndNeverPicksAPhotoLine() {
        for (int sentences = 1; sentences <= 5; sentences++) {
            Summary summary = summarize(sentences, 0, STRIKE);
            for (String sentence : summary.sentences()) {
                assertFalse(sentence.startsWith("LĐO"), summary.toString());
                assertFalse(sentence.startsWith("Ảnh"), summary.toString());
            }
            assertFalse(summary.sentences().get(0).startsWith("Đó là"), summary.toString());
            assertFalse(summary.sentences().get(0).startsWith("Ngoài ra"), summary.toString());
        }
    }

    @Test
    void keepsTheCallersWordBound() {
        for (int words : new int[] {10, 25, 40, 60}) {
            Summary summary = summarize(3, words, STRIKE);
            int total = summary.sentences().stream().mapToInt(VietnameseText::syllableCount).sum();
            boolean noneFits = STRIKE.stream().allMatch(s -> VietnameseText.syllableCount(s) > words);
            assertTrue(total <= words || (noneFits && summary.sentences().size() == 1), words + ": " + summary);
        }
    }

    @Test
    void isDeterministicForOneModelAndIdfState() {
        assertEquals(summarize(3, 0, STRIKE), summarize(3, 0, STRIKE));
    }

    @Test
    void summarisesAnArticleOfOneFragment() {
        List<String> fragment = List.of("Tin vắn.");
        assertEquals(fragment, summarize(3, 0, fragment).sentences());
        assertTrue(summarize(3, 0, List.of()).sentences().isEmpty());
    }

    @Test
    void ranksAtMostItsCapOfALongReport() {
        List<String> report = IntStream.range(0, 400).mapToObj(i -> "Công đoàn cơ sở số " + i
                + " đã kết nạp thêm " + (i + 10) + " đoàn viên mới trong quý vừa qua.").toList();
        Summary summary = summarize(3, 0, report);
        summary.sentences().forEach(s -> assertTrue(report.indexOf(s) < LearnedSummarizer.MAX_SENTENCES, s));
    }

    private static int indexOf(List<String> article, String sentence) {
        for (int i = 0; i < article.size(); i++) {
            if (Datelines.strip(article.get(i)).equals(sentence)) {
                return i;
            }
        }
        return -1;
    }
}
