package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;
import vn.unionnews.text.VietnameseText;

class LexRankSummarizerTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final String A = "Liên đoàn Lao động tỉnh đã tổ chức hội nghị tổng kết công tác công đoàn năm 2023 với sự tham"
            + " dự của hơn 200 đại biểu.";
    private static final String B = "Trong năm, các cấp công đoàn đã kết nạp mới 12.345 đoàn viên và thành lập 85 công đoàn cơ sở"
            + " tại các doanh nghiệp ngoài nhà nước.";
    private static final String C = "Hội nghị đã biểu dương 30 tập thể và 50 cá nhân có thành tích xuất sắc trong phong trào thi đua"
            + " lao động giỏi.";
    private static final String D = "Năm 2024, công đoàn tỉnh phấn đấu kết nạp thêm 10.000 đoàn viên và chăm lo tốt hơn đời sống"
            + " người lao động.";

    private static LexRankSummarizer summarizer(int sentences, int words) {
        return new LexRankSummarizer(sentences, words, new DocumentFrequencies());
    }

    static List<Seed> seeds() {
        return Seeds.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void summarisesASeedInThreeOfItsOwnSentencesInArticleOrder(Seed seed) {
        ArticleEvent article = ANALYZER.toArticle(RawPage.ofContent(seed.content()));
        Summary summary = summarizer(3, 0).summarize(article.title(), article.sentences());

        assertEquals(LexRankSummarizer.METHOD, summary.method());
        assertEquals(Math.min(3, article.sentences().size()), summary.sentences().size());
        int last = -1;
        for (String sentence : summary.sentences()) {
            int at = article.sentences().indexOf(sentence);
            assertTrue(at > last, () -> "not an article sentence in order: " + sentence);
            last = at;
        }
        List<String> unwanted = new ArrayList<>(seed.goldList("captions"));
        unwanted.addAll(seed.goldList("boilerplate"));
        for (String text : unwanted) {
            assertFalse(Seeds.fold(summary.text()).contains(Seeds.fold(text)), () -> "summary quotes «" + text + "»");
        }
    }

    @Test
    void isDeterministicForOneArticleAndIdfState() {
        List<String> sentences = List.of(A, B, C, D);

        assertEquals(summarizer(2, 0).summarize("Tổng kết năm 2023", sentences),
                summarizer(2, 0).summarize("Tổng kết năm 2023", sentences));
    }

    @Test
    void respectsAWordBudgetAndKeepsAtLeastOneSentence() {
        Summary summary = summarizer(4, 40).summarize("Tổng kết năm 2023", List.of(A, B, C, D));

        int words = summary.sentences().stream().mapToInt(VietnameseText::syllableCount).sum();
        assertTrue(words <= 40 || summary.sentences().size() == 1, () -> words + " syllables: " + summary);
        assertFalse(summary.sentences().isEmpty());
    }

    @Test
    void neverPicksAFragmentNorTheSameSentenceTwice() {
        List<String> sentences = List.of("Ảnh: Minh Hà.", A, A, B, "Tin, ảnh: Hà.", C);
        Summary summary = summarizer(3, 0).summarize("Hội nghị tổng kết công tác công đoàn", sentences);

        assertFalse(summary.sentences().contains("Ảnh: Minh Hà."));
        assertFalse(summary.sentences().contains("Tin, ảnh: Hà."));
        assertEquals(summary.sentences().size(), summary.sentences().stream().distinct().count(),
                () -> "a sentence repeated: " + summary);
    }

    @Test
    void idfStatisticsGrowWithTheStream() {
        DocumentFrequencies frequencies = new DocumentFrequencies();
        double before = frequencies.idf("đoàn");
        LexRankSummarizer summarizer = new LexRankSummarizer(2, 0, frequencies);
        for (int i = 0; i < 20; i++) {
            summarizer.summarize(null, List.of(A, B));
        }

        assertEquals(20, frequencies.documents());
        assertTrue(frequencies.idf("đoàn") < before, "a term in every article becomes less informative");
        assertTrue(frequencies.idf("của") < frequencies.idf("mái"), "the prior: function words are common");
    }
}
