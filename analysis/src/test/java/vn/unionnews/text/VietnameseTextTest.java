package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class VietnameseTextTest {
    private static final String COMPOSED = "Liên đoàn Lao động tỉnh Lào Cai kết nạp 17.594 đoàn viên, thuỷ điện Hòa Bình";

    @Test
    void composesDecomposedDiacritics() {
        String decomposed = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);

        assertNotEquals(COMPOSED, decomposed, "the fixture must really be decomposed");
        assertEquals(COMPOSED, VietnameseText.normalize(decomposed));
    }

    @Test
    void leavesComposedTextAsItIs() {
        assertEquals(COMPOSED, VietnameseText.normalize(COMPOSED));
    }

    @Test
    void turnsNonBreakingAndOtherOddSpacesIntoPlainSpaces() {
        // Seed 000's date line starts with two no-break spaces.
        assertEquals("Thứ 3, ngày 21/01/2020", VietnameseText.normalize("\u00A0\u00A0Thứ 3, ngày 21/01/2020"));
        assertEquals("Tất cả: 255,529 lượt", VietnameseText.normalize("Tất cả:\u2009255,529\u202Flượt"));
        assertEquals("LĐLĐ tỉnh tiếp tục chỉ đạo", VietnameseText.normalize("LĐLĐ tỉnh tiếp tục\u00A0 \u00A0 chỉ đạo"));
        assertEquals("Bài: Tiến Sỹ", VietnameseText.normalize("Bài:\tTiến Sỹ"));
    }

    @Test
    void removesZeroWidthCharactersAndSoftHyphens() {
        assertEquals("Công đoàn cơ sở", VietnameseText.normalize("\uFEFFCông\u200B đoàn c\u00ADơ s\u200Dở\u2060"));
    }

    @Test
    void keepsLineStructureAndTrimsEachLine() {
        String page = "  Tin tức sự kiện » LĐLĐ huyện, thành phố  \r\n\r\nKết quả 10 năm   thực hiện\r\n\u00A0Phương Thúy (LĐLĐ tỉnh)\n";

        assertEquals("Tin tức sự kiện » LĐLĐ huyện, thành phố\n\nKết quả 10 năm thực hiện\nPhương Thúy (LĐLĐ tỉnh)\n",
                VietnameseText.normalize(page));
    }

    @Test
    void keepsLoneCarriageReturnsAsLineBreaks() {
        assertEquals("Quang cảnh hội nghị.\nĐại biểu dự hội nghị.",
                VietnameseText.normalize("Quang cảnh hội nghị.\rĐại biểu dự hội nghị."));
    }

    @Test
    void countsSyllablesAsLetterOrDigitRuns() {
        assertEquals(7, VietnameseText.syllableCount("Liên đoàn Lao động tỉnh Lào Cai"));
        assertEquals(5, VietnameseText.syllableCount("“Dân vận khéo” (năm 2019)."));
        assertEquals(0, VietnameseText.syllableCount(" – … ./."));
    }

    @Test
    void countsSyllablesOfDecomposedTextLikeComposedText() {
        String decomposed = Normalizer.normalize(COMPOSED, Normalizer.Form.NFD);

        assertEquals(VietnameseText.syllableCount(COMPOSED), VietnameseText.syllableCount(decomposed));
    }

    @Test
    void foldsOldAndNewTonePlacementIntoOneForMatching() {
        assertEquals("hòa bình", VietnameseText.foldTones("hoà bình"));
        assertEquals("Thủy điện Hòa Bình", VietnameseText.foldTones("Thuỷ điện Hoà Bình"));
        assertEquals("khỏe", VietnameseText.foldTones("khoẻ"));
        assertEquals("HÒA", VietnameseText.foldTones("HOÀ"));
        assertEquals(VietnameseText.foldTones("thỏa ước"), VietnameseText.foldTones("thoả ước"));
    }

    @Test
    void leavesSyllablesWithOnePlacementAlone() {
        // "qu" is a consonant, so the mark of "quý" sits on the only vowel; closed syllables have one placement.
        assertEquals("quý Quỳnh hoàn thuyền khuyến khuỷu", VietnameseText.foldTones("quý Quỳnh hoàn thuyền khuyến khuỷu"));
    }

    @Test
    void matchKeyIgnoresCaseSpacingAndTonePlacement() {
        assertEquals(VietnameseText.matchKey("Liên đoàn Lao động tỉnh Hòa Bình"),
                VietnameseText.matchKey("LIÊN  ĐOÀN LAO ĐỘNG TỈNH HOÀ BÌNH"));
        assertEquals("thủy", VietnameseText.matchKey(Normalizer.normalize("THUỶ", Normalizer.Form.NFD)));
    }

    @Test
    void foldsComposedTextAsItFoldsItsDecomposedForm() {
        // Composed text is folded in one pass; decomposing, moving the mark and composing again is the definition.
        String[] pieces = {"o", "O", "u", "U", "q", "Q", "h", "à", "ả", "é", "ẹ", "ý", "ỹ", "Ỳ", "À", "a", "y", "n", "ô",
                "ư", " ", ".", "-", "\u0301", "1"};
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(8); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            String composed = Normalizer.normalize(text, Normalizer.Form.NFC);
            assertEquals(VietnameseText.foldTones(Normalizer.normalize(composed, Normalizer.Form.NFD)),
                    VietnameseText.foldTones(composed), "seed 7, round " + round + ": «" + composed + "»");
        }
    }

    @Test
    void countsSyllablesAsTheRunsOfLettersMarksAndNumbers() {
        java.util.regex.Pattern run = java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
        String[] pieces = {"a", "đ", "ư", "\u0301", "1", "²", " ", ".", "-", "😀", "𝐀", "中", "\n"};
        java.util.Random random = new java.util.Random(3);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(20); i > 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            assertEquals(run.matcher(text).results().count(), VietnameseText.syllableCount(text.toString()),
                    "seed 3, round " + round + ": «" + text + "»");
        }
    }

    /** Every vowel of the alphabet with every tone, both cases: what the fold tables hold. */
    private static final String VOWELS = "aăâeêioôơuưy";

    @Test
    void foldTableAgreesWithTheDecomposedFoldForEveryVowelAndTone() {
        String[] tones = {"", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"};
        for (String vowels : List.of(VOWELS, VOWELS.toUpperCase(Locale.ROOT))) {
            for (char second : vowels.toCharArray()) {
                for (String tone : tones) {
                    String toned = Normalizer.normalize(second + tone, Normalizer.Form.NFC);
                    for (String first : List.of("o", "O", "u", "U", "a", "qu", "Qu", "h")) {
                        for (String after : List.of("", " ", "n", ".", "\n")) {
                            String composed = "h" + first + toned + after;
                            String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
                            // The decomposed input takes the pattern-based path, the composed one the table.
                            assertEquals(VietnameseText.foldTones(decomposed), VietnameseText.foldTones(composed),
                                    composed);
                        }
                    }
                }
            }
        }
    }

    @Test
    void foldsBothPlacementsToOne() {
        assertEquals("hòa khỏe thủy quý hoàn", VietnameseText.foldTones("hoà khoẻ thuỷ quý hoàn"));
        assertEquals("HÒA KHỎE THỦY", VietnameseText.foldTones("HOÀ KHOẺ THUỶ"));
    }

    @Test
    void alignedMatchKeyKeepsEveryOffset() {
        String text = "Thuỷ điện Hoà Bình – “KHOẺ”…";

        assertEquals("thủy điện hòa bình – “khỏe”…", VietnameseText.alignedMatchKey(text));
        assertEquals(VietnameseText.matchKey(text), VietnameseText.alignedMatchKey(text));
    }

    @Test
    void textWithDashesAndQuotesIsCleanWhenNormalisingLeavesItSo() {
        String clean = "Ông A – Chủ tịch – nói: “Tăng lương…”";

        assertSame(clean, VietnameseText.normalize(clean));
        assertEquals("– nói", VietnameseText.normalize("– nói\u2028"));
        assertEquals("Å – a", VietnameseText.normalize("\u212B – a"));
    }
}
