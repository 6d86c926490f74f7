package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CueLiteralsTest {
    private static final Map<String, String> SLOTS = Map.of("n", "NS", "money", "M", "#", "NMUS");
    private static final Map<String, String> LISTS = Map.of("grassroots", "(?:công đoàn cơ sở|cđcs)");

    private static List<String> required(String pattern) {
        return CueLiterals.required(pattern, LISTS, SLOTS);
    }

    @Test
    void requiresTheLongestPlainRun() {
        assertEquals(List.of("thỏa ước lao động tập thể"), required("{n} (bản )?thỏa ước lao động tập thể"));
    }

    @Test
    void aRunNextToASlotHoldsTheNumbersMask() {
        assertEquals(List.of("N lớp", "S lớp"), required("{n} lớp"));
        assertEquals(List.of("M"), required("{money}"));
    }

    @Test
    void aRequiredGroupRequiresOneOfItsAlternatives() {
        assertEquals(List.of("kết nạp", "phát triển"), required("(kết nạp|phát triển) (mới )?{n}"));
        assertEquals(List.of("công đoàn cơ sở", "cđcs"), required("{n} {grassroots} mới"));
    }

    @Test
    void optionalPartsAndGapsRequireNothing() {
        assertEquals(List.of("tham "), required("{n} (lượt )?… tham (gia|dự)"));
        assertEquals(List.of("nhà "), required("{n} (căn |ngôi )?nhà [\"“]?m?"));
        assertEquals(List.of("N", "S"), required("(?!đã ){n}"), "a negative lookahead requires nothing, the number does");
    }

    @Test
    void aLookbehindsTextMustBeThere() {
        assertEquals(List.of("thành lập", "phát triển"), required("(?<=(thành lập|phát triển) {#} )với {n}"));
    }

    @Test
    void anAlternativeWithoutRequirementLeavesTheCueUnfiltered() {
        assertEquals(List.of(), required("(quà|[0-9]+)"));
    }
}
