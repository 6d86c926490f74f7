package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseMatcherTest {
    private static final PhraseMatcher UNIONS = PhraseMatcher.of(
            List.of("công đoàn", "công đoàn cơ sở", "đoàn viên", "đoàn", "cơ sở"));

    @Test
    void findsEveryOccurrenceOverlappingOnesIncluded() {
        List<PhraseMatcher.Match> found = UNIONS.matches("công đoàn cơ sở kết nạp đoàn viên");

        assertEquals(List.of(
                new PhraseMatcher.Match(0, 0, 9), new PhraseMatcher.Match(3, 5, 9),
                new PhraseMatcher.Match(1, 0, 15), new PhraseMatcher.Match(4, 10, 15),
                new PhraseMatcher.Match(3, 24, 28), new PhraseMatcher.Match(2, 24, 33)), found);
    }

    @Test
    void followsFailureLinksAfterAPartialMatch() {
        PhraseMatcher matcher = PhraseMatcher.of(List.of("abcd", "bce", "c"));

        assertEquals(List.of(new PhraseMatcher.Match(2, 2, 3), new PhraseMatcher.Match(1, 1, 4)),
                matcher.matches("abce"));
    }

    @Test
    void reportsEachOfTwoEqualPhrases() {
        PhraseMatcher matcher = PhraseMatcher.of(List.of("đình công", "đình công"));

        assertEquals(List.of(new PhraseMatcher.Match(0, 0, 9), new PhraseMatcher.Match(1, 0, 9)),
                matcher.matches("đình công"));
    }

    @Test
    void matchesCharacterForCharacter() {
        assertEquals(List.of(), UNIONS.matches("CÔNG ĐOÀN"));
        assertEquals(List.of(), UNIONS.matches("cong doan"));
    }

    @Test
    void handsMatchesToAHandlerByEndTheLongestFirst() {
        List<String> seen = new ArrayList<>();
        String text = "đoàn viên công đoàn";
        UNIONS.forEachMatch(text, (phrase, start, end) -> seen.add(text.substring(start, end)));

        assertEquals(List.of("đoàn", "đoàn viên", "công đoàn", "đoàn"), seen);
    }

    @Test
    void refusesAnEmptyPhrase() {
        assertThrows(IllegalArgumentException.class, () -> PhraseMatcher.of(List.of("a", "")));
    }
}
