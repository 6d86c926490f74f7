package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CueLiteralsTest {
    private static final Map<String, String> SLOTS = Map.of("n", "NS", "money", "M", "#", "NMUS");
    private static final Map<String, String> LISTS = Map.of("grassroots", "(?:công đoàn cơ sở|cđcs)");

    private static List<List<String>> required(String pattern) {
        return CueLiterals.required(pattern, LISTS, SLOTS);
    }

    @Test
    void requiresEveryPlainRun() {
        assertEquals(List.of(List.of("N ", "S "), List.of("thỏa ước lao động tập thể")),
                required("{n} (bản )?thỏa ước lao động tập thể"));
    }

    @Test
    void aRunNextToASlotHoldsTheNumbersMask() {
        assertEquals(List.of(List.of("N lớp", "S lớp")), required("{n} lớp"));
        assertEquals(List.of(List.of("M")), required("{money}"));
    }

    @Test
    void aRequiredGroupRequiresOneOfItsAlternatives() {
        assertEquals(List.of(List.of("kết nạp", "phát triển"), List.of("N", "S")),
                required("(kết nạp|phát triển) (mới )?{n}"));
        assertEquals(List.of(List.of("N ", "S "), List.of("công đoàn cơ sở", "cđcs"), List.of(" mới")),
                required("{n} {grassroots} mới"));
    }

    @Test
    void optionalPartsAndGapsRequireNothing() {
        assertEquals(List.of(List.of("N ", "S "), List.of("tham "), List.of("gia", "dự")),
                required("{n} (lượt )?… tham (gia|dự)"));
        assertEquals(List.of(List.of("N ", "S "), List.of("nhà ")), required("{n} (căn |ngôi )?nhà [\"“]?m?"));
        assertEquals(List.of(List.of("N", "S")), required("(?!đã ){n}"),
                "a negative lookahead requires nothing, the number does");
    }

    @Test
    void aLookbehindsTextMustBeThere() {
        assertEquals(List.of(List.of("thành lập", "phát triển"), List.of(" N", " M", " U", " S"),
                List.of("N ", "M ", "U ", "S "), List.of("với N", "với S"), List.of("N", "S")),
                required("(?<=(thành lập|phát triển) {#} )với {n}"));
    }

    @Test
    void anAlternativeWithoutRequirementLeavesTheCueUnfiltered() {
        assertEquals(List.of(), required("(quà|[0-9]+)"));
    }
}
