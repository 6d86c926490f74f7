package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class LanguageCheckTest {
    private static final String VIETNAMESE = "Trong năm đã có 5.511 đoàn viên được hưởng lợi từ chương trình phúc lợi"
            + " với tổng số tiền gần 1,9 tỷ đồng; các cấp công đoàn tặng hàng nghìn suất quà cho đoàn viên có hoàn cảnh"
            + " khó khăn nhân dịp Tết Nguyên đán.";

    @Test
    void recognisesVietnameseProse() {
        assertTrue(LanguageCheck.isVietnamese(VIETNAMESE));
        assertTrue(LanguageCheck.vietnameseShare(VIETNAMESE) > 0.3, () -> "share " + LanguageCheck.vietnameseShare(VIETNAMESE));
    }

    @Test
    void rejectsOtherLatinScriptLanguages() {
        String english = "The union said on Tuesday that more than 1,200 workers at the garment factory had stopped work"
                + " to demand unpaid wages, and local officials said they were trying to mediate the dispute.";
        String french = "Le syndicat a déclaré mardi que plus de mille ouvriers de l'usine textile avaient cessé le travail"
                + " pour réclamer des salaires impayés; les élus locaux ont tenté une médiation à côté de la préfecture.";
        String portuguese = "O sindicato afirmou que mais de mil trabalhadores da fábrica pararam o trabalho para exigir"
                + " salários não pagos, e as autoridades locais tentaram mediar a disputa em São Paulo na terça.";

        assertFalse(LanguageCheck.isVietnamese(english));
        assertFalse(LanguageCheck.isVietnamese(french));
        assertFalse(LanguageCheck.isVietnamese(portuguese));
    }

    @Test
    void tellsLettersOfOtherScriptsFromTheLatinBlocksAroundThem() {
        // One long "syllable" each, so only the script of its letters can reject it: the micro sign among the Latin-1
        // letters, polytonic Greek right after the Latin Extended Additional block of Vietnamese letters.
        assertFalse(LanguageCheck.isVietnamese("µ".repeat(45)));
        assertFalse(LanguageCheck.isVietnamese("ἀ".repeat(45)));
        assertTrue(LanguageCheck.isVietnamese("ạ".repeat(45)));
    }

    @Test
    void rejectsTextInOtherScripts() {
        String chinese = "工会周二表示，服装厂一千多名工人停工，要求支付拖欠的工资。地方官员表示，他们正在努力调解这一纠纷。";

        assertFalse(LanguageCheck.isVietnamese(chinese));
    }

    @Test
    void givesShortTextTheBenefitOfTheDoubt() {
        assertTrue(LanguageCheck.isVietnamese("Hello world"));
    }

    @Test
    void measuresComposedAndDecomposedTextAlike() {
        String composed = "Liên đoàn Lao động tỉnh tổ chức hội nghị người lao động ở Ωhm";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertEquals(LanguageCheck.vietnameseShare(decomposed), LanguageCheck.vietnameseShare(composed));
        assertEquals(LanguageCheck.vietnameseShare(composed.replace("Ω", "\u2126")),
                LanguageCheck.vietnameseShare(composed));
        // đ, the hook above, the dot below, the horn: 10 of the 14 syllables; "Liên", "Lao", "lao", "Ωhm" have none.
        assertEquals(10.0 / 14, LanguageCheck.vietnameseShare(composed), 1e-9);
    }
}
