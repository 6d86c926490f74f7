package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class WordTokenizerTest {
    private final WordTokenizer tokenizer = WordTokenizer.vietnamese();

    @Test
    void joinsTheLongestKnownWords() {
        assertEquals(List.of("công đoàn cơ sở", "kết nạp", "17.594", "đoàn viên", "mới"),
                tokenizer.words("Công đoàn cơ sở kết nạp 17.594 đoàn viên mới"));
    }

    @Test
    void matchesWhateverTheCaseAndTonePlacement() {
        assertEquals(tokenizer.words("thủy điện Hòa Bình"), tokenizer.words("THUỶ ĐIỆN HOÀ BÌNH"));
        assertTrue(tokenizer.isWord("Người Lao Động"));
    }

    @Test
    void neverJoinsAcrossPunctuation() {
        List<String> words = tokenizer.words("Đoàn viên công đoàn, đoàn viên. Công đoàn");

        assertEquals(List.of("đoàn viên", "công đoàn", "đoàn viên", "công đoàn"), words);
        assertEquals(List.of("công", "đoàn"), tokenizer.words("công, đoàn"));
    }

    @Test
    void answersWhetherAWordIsAStopword() {
        assertTrue(tokenizer.isStopword("của"));
        assertTrue(tokenizer.isStopword("Bởi vì"));
        assertFalse(tokenizer.isStopword("công đoàn"));
        assertTrue(tokenizer.words("bởi vì trời mưa").contains("bởi vì"));
    }
}
