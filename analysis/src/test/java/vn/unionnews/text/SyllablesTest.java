package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    @Test
    void findsTheRunsOfLettersMarksAndNumbersTheirDefinitionSays() {
        // The scanner is written by hand for speed; the regular expression of runs, split at their separators
        // unless they hold a digit or a slash, is the definition.
        Pattern run = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[.,/\\-][\\p{L}\\p{M}\\p{N}]+)*");
        int[] alphabet = "aZđĐươ\u0301\u0323 .,/-:;()\"0123456789²½ⅫẞIİ\u00A0\t\n😀𝐀\uD800中".codePoints().toArray();
        Random random = new Random(42);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
            }
            List<Syllables.Token> expected = new ArrayList<>();
            Matcher m = run.matcher(text);
            while (m.find()) {
                if (m.group().matches(".*[\\d/].*")) {
                    expected.add(new Syllables.Token(m.group(), m.start(), m.end()));
                    continue;
                }
                int from = m.start();
                for (int i = m.start(); i <= m.end(); i++) {
                    if (i == m.end() || ".,/-".indexOf(text.charAt(i)) >= 0) {
                        expected.add(new Syllables.Token(text.substring(from, i), from, i));
                        from = i + 1;
                    }
                }
            }
            assertEquals(expected, Syllables.tokens(text.toString()), "seed 42, round " + round + ": «" + text + "»");
        }
    }
}
