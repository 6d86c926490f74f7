package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.summary.Rouge.Scores;

class RougeTest {
    private static final double EPSILON = 1e-9;

    private static void assertScores(double rouge1, double rouge2, double rougeL, Scores actual) {
        assertEquals(rouge1, actual.rouge1(), EPSILON, "ROUGE-1 of " + actual);
        assertEquals(rouge2, actual.rouge2(), EPSILON, "ROUGE-2 of " + actual);
        assertEquals(rougeL, actual.rougeL(), EPSILON, "ROUGE-L of " + actual);
    }

    @Test
    void identicalTextsScoreOne() {
        // Seed 000, fourth paragraph.
        String sentence = "LĐLĐ tỉnh Lào Cai luôn quan tâm đến việc xây dựng, kiện toàn đội ngũ cán bộ công đoàn cơ sở.";
        assertScores(1, 1, 1, Rouge.score(sentence, sentence));
    }

    @Test
    void textsWithNoSyllableInCommonScoreZero() {
        assertScores(0, 0, 0, Rouge.score("Công đoàn cơ sở", "Hà Nội mưa to"));
    }

    @Test
    void anEmptyCandidateScoresZero() {
        assertScores(0, 0, 0, Rouge.score("", "Công đoàn cơ sở"));
        assertScores(0, 0, 0, Rouge.score("…", ""));
    }

    @Test
    void workedExampleWithReorderedWords() {
        // candidate: công nhân được tăng lương (5); reference: công nhân mong được lương tăng sớm (7)
        // R1: 5 shared, P 5/5, R 5/7 → 5/6.  R2: only "công nhân" of 4 and 6 bigrams, P 1/4, R 1/6 → 1/5.
        // RL: LCS "công nhân được tăng" = 4, P 4/5, R 4/7 → 2/3.
        Scores scores = Rouge.score("Công nhân được tăng lương.", "Công nhân mong được lương tăng sớm.");
        assertScores(5.0 / 6, 1.0 / 5, 2.0 / 3, scores);
    }

    @Test
    void repeatedNgramsCountOnlyAsOftenAsInTheReference() {
        // Unigrams: công×3, đoàn×3 against one each → overlap 2, P 2/6, R 2/4 → 0.4.
        // Bigrams: "công đoàn"×3, "đoàn công"×2 against "công đoàn", "đoàn cơ", "cơ sở" → 1, P 1/5, R 1/3 → 0.25.
        Scores scores = Rouge.score("công đoàn công đoàn công đoàn", "công đoàn cơ sở");
        assertScores(0.4, 0.25, 0.4, scores);
    }

    @Test
    void diacriticsMakeDifferentSyllables() {
        assertScores(0, 0, 0, Rouge.score("ma", "mà"));
        // "Người lao động" and "Ngươi lao đông": only "lao" survives a tokenizer that keeps the marks.
        assertEquals(1.0 / 3, Rouge.score("Người lao động", "Ngươi lao đông").rouge1(), EPSILON);
    }

    @Test
    void caseAndUnicodeNormalFormDoNotMatter() {
        assertScores(1, 1, 1, Rouge.score("CÔNG ĐOÀN Việt Nam", "công đoàn việt nam"));
        String decomposed = Normalizer.normalize("Người lao động được tăng lương", Normalizer.Form.NFD);
        assertScores(1, 1, 1, Rouge.score(decomposed, "người lao động được tăng lương"));
    }

    @Test
    void aOneSyllableCandidateHasNoBigrams() {
        assertScores(2.0 / 3, 0, 2.0 / 3, Rouge.score("lương", "tăng lương"));
    }

    @Test
    void longestCommonSubsequenceIsSymmetric() {
        List<String> a = List.of("a", "b", "c", "b", "d", "a", "b");
        List<String> b = List.of("b", "d", "c", "a", "b", "a");
        assertEquals(4, Rouge.lcsLength(a, b));
        assertEquals(4, Rouge.lcsLength(b, a));
        assertEquals(0, Rouge.lcsLength(a, List.of()));
    }

    @Test
    void meanIsTheMacroAverageInPercent() {
        Rouge.Mean mean = new Rouge.Mean();
        assertScores(0, 0, 0, mean.percent());

        mean.add(new Scores(1, 1, 1));
        mean.add(new Scores(0, 0.5, 0.2));

        assertEquals(2, mean.count());
        assertScores(50, 75, 60, mean.percent());
    }
}
