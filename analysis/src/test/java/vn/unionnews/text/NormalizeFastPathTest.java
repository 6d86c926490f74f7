package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import vn.unionnews.page.Seeds;

/**
 * {@link VietnameseText#normalize}'s quick paths (text normalised already, a line whose only fault is its spacing)
 * give what the full normalisation gives, written out here step by step as the reference.
 */
class NormalizeFastPathTest {
    private static final List<String> ODD_LINES = List.of(
            "  • 332094", "Lao động\tviệc làm", "Công đoàn\u00A0cơ sở", "Hòa\u200Bbình", "Tin  tức", "Tin tức ",
            "hoa\u0300 bi\u0300nh", "A\u030A", "dòng một\r\ndòng hai", "soft\u00ADhyphen", "\uFEFFLiên đoàn",
            "Thứ sáu\u2002–\u2002ngày 15/9", "đoạn\n\n cuối", "x\u2028", "", " ", "\n", "Ω\u2126");

    /** Every step of normalising, on any text: NFC, zero-width out, odd spaces as spaces, lines stripped, runs. */
    private static String reference(String text) {
        String cleaned = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]", "")
                .replaceAll("[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\t]", " ")
                .replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder();
        for (String line : cleaned.split("\n", -1)) {
            out.append(line.strip().replaceAll(" {2,}", " ")).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static String referenceKey(String text) {
        return VietnameseText.foldTones(reference(text)).toLowerCase(Locale.ROOT);
    }

    @Test
    void normalisesEveryLineOfTheSeedsAsTheFullNormalisationDoes() {
        for (Seeds.Seed seed : Seeds.all()) {
            for (String line : seed.content().lines().toList()) {
                assertEquals(reference(line), VietnameseText.normalize(line), line);
                assertEquals(referenceKey(line), VietnameseText.matchKey(line), line);
            }
            assertEquals(reference(seed.content()), VietnameseText.normalize(seed.content()), seed.file());
        }
    }

    @Test
    void normalisesOddSpacesMarksAndLineBreaksAsTheFullNormalisationDoes() {
        for (String text : ODD_LINES) {
            assertEquals(reference(text), VietnameseText.normalize(text), text);
            assertEquals(referenceKey(text), VietnameseText.matchKey(text), text);
        }
    }

    @Test
    void keepsCleanTextWithDashesQuotesAndEllipsisAsItIs() {
        String line = "“Đồng chí Chủ tịch LĐLĐ tỉnh – người đại diện…” phát biểu.";
        assertTrue(VietnameseText.isNormalized(line));
        assertSame(line, VietnameseText.normalize(line));
    }

    @Test
    void tellsTextThatNormalisingChanges() {
        for (String text : ODD_LINES) {
            if (!reference(text).equals(text)) {
                assertFalse(VietnameseText.isNormalized(text), text);
            }
        }
    }
}
