package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.text.VietnameseText;

class PageTextTest {
    private static final List<String> ODD_LINES = List.of(
            "  • 332094", "Lao động\tviệc làm", "Công đoàn\u00A0cơ sở", "Hòa\u200Bbình", "Tin  tức", "Tin tức ",
            "hoa\u0300 bi\u0300nh", "A\u030A", "dòng một\r\ndòng hai", "soft\u00ADhyphen", "\uFEFFLiên đoàn",
            "Thứ sáu\u2002–\u2002ngày 15/9", "đoạn\n\n cuối", "x\u2028", "", " ", "\n", "Ω\u2126");

    @Test
    void normalisesEveryLineOfTheSeedsAsVietnameseTextDoes() {
        for (Seeds.Seed seed : Seeds.all()) {
            for (String line : seed.content().lines().toList()) {
                assertEquals(VietnameseText.normalize(line), PageText.normalize(line), line);
                assertEquals(VietnameseText.matchKey(line), PageText.matchKey(line), line);
            }
            assertEquals(VietnameseText.normalize(seed.content()), PageText.normalize(seed.content()), seed.file());
        }
    }

    @Test
    void normalisesOddSpacesMarksAndLineBreaksAsVietnameseTextDoes() {
        for (String text : ODD_LINES) {
            assertEquals(VietnameseText.normalize(text), PageText.normalize(text), text);
            assertEquals(VietnameseText.matchKey(text), PageText.matchKey(text), text);
        }
    }

    @Test
    void keepsCleanTextWithDashesQuotesAndEllipsisAsItIs() {
        String line = "“Đồng chí Chủ tịch LĐLĐ tỉnh – người đại diện…” phát biểu.";
        assertTrue(PageText.isNormalized(line));
        assertSame(line, PageText.normalize(line));
    }

    @Test
    void tellsTextThatNormalisingChanges() {
        for (String text : ODD_LINES) {
            if (!VietnameseText.normalize(text).equals(text)) {
                assertFalse(PageText.isNormalized(text), text);
            }
        }
    }
}
