package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.OrgMention;
import vn.unionnews.text.AnalyzedText;

class EventSignalsTest {
    private static final EventSignals SIGNALS = EventSignals.vietnamese();

    private static EventSignals.Signals of(String title, String lead, List<OrgMention> orgs, List<String> provinces) {
        return SIGNALS.of(AnalyzedText.of(title), AnalyzedText.of(lead), AnalyzedText.of(lead), orgs, provinces);
    }

    @Test
    void aStrikeReportHasItsDateWorkersEmployerPlaceAndEventWords() {
        EventSignals.Signals signals = of("Hàng trăm công nhân ngừng việc đòi tăng lương",
                "Sáng 12/3, hơn 300 công nhân Công ty TNHH Minh Long đồng loạt ngừng việc.",
                List.of(new OrgMention("Công ty TNHH Minh Long", "enterprise", 1)), List.of("Bình Dương"));

        assertEquals("Sáng 12/3", signals.date());
        assertEquals("Hàng trăm công nhân", signals.workers());
        assertEquals("Công ty TNHH Minh Long", signals.employer());
        assertEquals("Bình Dương", signals.place());
        assertTrue(signals.inTitleOrLead("event:disputes"));
        assertTrue(signals.features().containsAll(List.of("ev:dated", "ev:workers", "ev:employer", "ev:vietnam",
                "ev:event:disputes:title", "ev:event:disputes:lead")), signals.features()::toString);
        assertTrue(signals.isOccurrence());
        List<String> reasons = signals.reasons("disputes");
        assertEquals("event “ngừng việc”", reasons.get(0));
        assertTrue(reasons.containsAll(List.of("dated “Sáng 12/3”", "workers “Hàng trăm công nhân”",
                "employer Công ty TNHH Minh Long", "in Bình Dương")), reasons::toString);
    }

    @Test
    void aPolicyArticleHasPolicyWordsAndNoOccurrence() {
        EventSignals.Signals signals = of("Góp ý dự thảo Bộ luật Lao động sửa đổi",
                "Năm 2017 có hơn 9.000 vụ tai nạn lao động, theo báo cáo của Bộ.", List.of(), List.of());

        assertNull(signals.date());
        assertNull(signals.employer());
        assertTrue(signals.inTitleOrLead("policy"));
        assertTrue(signals.inTitleOrLead("review"));
        assertFalse(signals.isOccurrence());
        assertTrue(signals.reasons("safety").contains("policy words “góp ý”"), signals.reasons("safety")::toString);
    }

    @Test
    void anEventAbroadWithoutVietnameseOrAnEmployerIsForeignOnly() {
        EventSignals.Signals abroad = of("Đình công lớn ở Hàn Quốc",
                "Ngày 5/6, hàng nghìn công nhân Hàn Quốc đình công.", List.of(), List.of());
        EventSignals.Signals ours = of("Lao động Việt Nam ở Hàn Quốc bị nợ lương",
                "Ngày 5/6, 20 lao động Việt Nam tại Hàn Quốc cho biết bị nợ lương.", List.of(), List.of());

        assertTrue(abroad.foreignOnly());
        assertFalse(abroad.isOccurrence());
        assertFalse(ours.foreignOnly());
        assertEquals("Vietnam", ours.place());
        assertTrue(ours.isOccurrence());
    }

    @Test
    void cuesMatchWholeSyllablesInEitherTonePlacementAndCase() {
        EventSignals.Signals signals = of("CHÁY LỚN TẠI XƯỞNG GỖ", "Chiều qua, 2 người bị thương.", List.of(),
                List.of());

        assertTrue(signals.inTitleOrLead("event:safety"));
        assertEquals("Chiều qua", signals.date());
        assertEquals("2 người", signals.workers());
        assertEquals("hơn 20 lao động", of("Nợ lương", "Ngày 5/6, hơn 20 lao động bị nợ lương.", List.of(),
                List.of()).workers());
        // "cán bộ" holds no "cán" (run over) and "pháp luật" no country.
        EventSignals.Signals officials = of("Cán bộ phổ biến pháp luật", "Cán bộ công đoàn học pháp luật.",
                List.of(), List.of());
        assertFalse(officials.inTitleOrLead("event:safety"));
        assertFalse(officials.foreignOnly());
    }
}
