package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalyzedTextTest {
    private static final String TEXT = "LĐLĐ tỉnh Hoà Bình:  kết nạp 17.594 đoàn viên  công đoàn, thuỷ điện";

    @Test
    void keyIsTheMatchKeyCharacterForCharacterWithTheNormalisedText() {
        AnalyzedText analyzed = AnalyzedText.of(TEXT);

        assertEquals(VietnameseText.normalize(TEXT), analyzed.text());
        assertEquals(VietnameseText.matchKey(TEXT), analyzed.key());
        assertEquals(analyzed.text().length(), analyzed.key().length());
    }

    @Test
    void decomposedTextIsAnalysedAsComposed() {
        AnalyzedText decomposed = AnalyzedText.of(Normalizer.normalize(TEXT, Normalizer.Form.NFD));

        assertEquals(AnalyzedText.of(TEXT).key(), decomposed.key());
        assertEquals(AnalyzedText.of(TEXT).words(), decomposed.words());
    }

    @Test
    void syllablesCarryTheirKeysAndOffsets() {
        AnalyzedText analyzed = AnalyzedText.of(TEXT);

        assertEquals(Syllables.tokens(analyzed.text()), analyzed.syllables());
        for (int i = 0; i < analyzed.syllables().size(); i++) {
            Syllables.Token syllable = analyzed.syllables().get(i);
            assertEquals(analyzed.key().substring(syllable.start(), syllable.end()), analyzed.syllableKeys().get(i));
        }
        assertEquals("hòa", analyzed.syllableKeys().get(2));
    }

    @Test
    void wordsAreTheTokenizersWords() {
        AnalyzedText analyzed = AnalyzedText.of(TEXT);

        assertEquals(WordTokenizer.vietnamese().words(VietnameseText.matchKey(TEXT)), analyzed.words());
        assertTrue(analyzed.words().contains("đoàn viên"));
        int doan = analyzed.syllableKeys().indexOf("đoàn");
        assertTrue(analyzed.startsWord(doan));
        assertFalse(analyzed.startsWord(doan + 1), "\"viên\" is inside the word \"đoàn viên\"");
        assertTrue(analyzed.startsWord(analyzed.syllables().size()));
    }

    @Test
    void nullIsTheEmptyText() {
        AnalyzedText analyzed = AnalyzedText.of(null);

        assertEquals("", analyzed.key());
        assertEquals(List.of(), analyzed.words());
    }
}
