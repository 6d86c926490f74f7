package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProvinceMentionsTest {
    private final ProvinceMentions provinces = ProvinceMentions.vietnam();

    @Test
    void findsTheProvinceNamedMostOften() {
        assertEquals(Optional.of("Nghệ An"), provinces.mostMentioned(List.of(
                "LĐLĐ tỉnh tổ chức hội nghị tại Nghệ An.", "Đoàn công tác từ Hà Tĩnh đến Nghệ An và Nghệ An.")));
    }

    @Test
    void readsNamesWithSpacesAndDashes() {
        assertEquals(Optional.of("Bà Rịa - Vũng Tàu"),
                provinces.mostMentioned(List.of("Công nhân ở Bà Rịa - Vũng Tàu, Bình Dương, Bà Rịa - Vũng Tàu.")));
    }

    @Test
    void readsTheLongestNameStartingAtAPlace() {
        ProvinceMentions nested = new ProvinceMentions(List.of("Hà", "Hà Nội"));
        assertEquals(Optional.of("Hà Nội"), nested.mostMentioned(List.of("Hà Nội, Hà Nội và Hà")));
    }

    @Test
    void readsWholeWordsOnly() {
        assertEquals(Optional.empty(), provinces.mostMentioned(List.of("XHà Nội", "Hà Nộii", "hà nội")));
        assertEquals(Optional.of("Hà Nội"), provinces.mostMentioned(List.of("(Hà Nội)", "Hà Nội")));
    }

    @Test
    void findsNothingInTextWithoutProvinces() {
        assertEquals(Optional.empty(), provinces.mostMentioned(List.of("Công đoàn cơ sở", "")));
    }
}
