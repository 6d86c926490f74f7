package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SyllableTrieTest {
    private static final SyllableTrie UNIONS = SyllableTrie.of(List.of(
            List.of("công", "đoàn"), List.of("công", "đoàn", "cơ", "sở"), List.of("đoàn", "viên"),
            List.of("công", "đoàn")));

    @Test
    void walksAPhraseSyllableBySyllable() {
        int cong = UNIONS.next(SyllableTrie.ROOT, "công");
        int congDoan = UNIONS.next(cong, "đoàn");
        int co = UNIONS.next(congDoan, "cơ");

        assertArrayEquals(new int[0], UNIONS.phrasesAt(cong));
        assertArrayEquals(new int[] {0, 3}, UNIONS.phrasesAt(congDoan));
        assertArrayEquals(new int[] {1}, UNIONS.phrasesAt(UNIONS.next(co, "sở")));
    }

    @Test
    void saysWhereNoPhraseGoesOn() {
        int congDoan = UNIONS.next(UNIONS.next(SyllableTrie.ROOT, "công"), "đoàn");
        int doanVien = UNIONS.next(UNIONS.next(SyllableTrie.ROOT, "đoàn"), "viên");

        assertEquals(-1, UNIONS.next(congDoan, "viên"));
        assertEquals(-1, UNIONS.next(SyllableTrie.ROOT, "viên"));
        assertTrue(UNIONS.goesOn(congDoan));
        assertFalse(UNIONS.goesOn(doanVien));
    }
}
