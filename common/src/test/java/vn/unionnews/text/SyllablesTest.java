package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyllablesTest {

    @Test
    void keepsNumbersDatesAndDocumentCodesWhole() {
        assertEquals(List.of("kết", "nạp", "17.594", "đoàn", "viên", "1,9", "tỷ", "đồng", "ngày", "14/5/2011"),
                Syllables.of("Kết nạp 17.594 đoàn viên, 1,9 tỷ đồng, ngày 14/5/2011."));
        assertEquals(List.of("chỉ", "thị", "17-ct/tw", "quyết", "định", "5440/qđ-tlđ"),
                Syllables.of("Chỉ thị 17-CT/TW, Quyết định 5440/QĐ-TLĐ"));
    }

    @Test
    void splitsAbbreviatedAndHyphenatedNamesIntoSyllables() {
        assertEquals(List.of("tp", "hcm", "bà", "rịa", "vũng", "tàu"), Syllables.of("TP.HCM, Bà Rịa-Vũng Tàu"));
    }

    @Test
    void keepsDiacriticsAndTellsWhereEachSyllableIs() {
        String text = "“Dân vận khéo”";
        List<Syllables.Token> tokens = Syllables.tokens(text);

        assertEquals(List.of("Dân", "vận", "khéo"), tokens.stream().map(Syllables.Token::text).toList());
        assertEquals("khéo", text.substring(tokens.get(2).start(), tokens.get(2).end()));
    }
}
