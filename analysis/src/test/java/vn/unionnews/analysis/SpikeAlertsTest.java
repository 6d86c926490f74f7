package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;

class SpikeAlertsTest {
    private static final String ORG = "Liên đoàn Lao động tỉnh Bình Dương";
    private static final SpikeAlerts ALERTS = new SpikeAlerts(new SpikeDetector(1, 28, 3, 3),
            List.of("disputes", "safety"));

    private static OrgStats plus(OrgStats stats, String id, String day, String topic) {
        return stats.plus(new OrgContribution(OrgContribution.SCHEMA_VERSION, ORG, "provincial_federation", id,
                "Công nhân ngừng việc " + id, day, topic, List.of(topic), List.of(), List.of()));
    }

    private static OrgStats strikeDay(OrgStats stats, String day) {
        for (int i = 0; i < 3; i++) {
            stats = plus(stats, day + "-" + i, day, "disputes");
        }
        return stats;
    }

    @Test
    void threeDisputesInADayRaiseOneAlertNamingTheDaysArticles() {
        OrgStats stats = strikeDay(plus(OrgStats.empty(), "quiet", "2024-02-20", "disputes"), "2024-03-15");

        List<AlertEvent> alerts = ALERTS.of(stats, rule -> false);

        assertEquals(1, alerts.size(), alerts.toString());
        AlertEvent alert = alerts.get(0);
        assertEquals("spike:disputes:" + ORG + ":2024-03-15", alert.rule());
        assertEquals(SpikeAlerts.rule("disputes", ORG, "2024-03-15"), alert.rule());
        assertEquals("disputes", alert.topic());
        assertTrue(alert.articleId().startsWith("2024-03-15-"), alert.articleId());
        assertEquals(3, alert.summary().split(" \\| ").length, alert.summary());
        assertTrue(alert.reason().contains("3 disputes article(s) naming " + ORG), alert.reason());
    }

    @Test
    void aSpikeRaisedBeforeOrAnOverlappingOneRaisesNothing() {
        OrgStats stats = strikeDay(OrgStats.empty(), "2024-03-15");
        String raised = SpikeAlerts.rule("disputes", ORG, "2024-03-15");

        assertEquals(List.of(), ALERTS.of(stats, Set.of(raised)::contains));
        assertEquals(List.of(), ALERTS.of(strikeDay(stats, "2024-03-16"), Set.of(raised)::contains).stream()
                .filter(alert -> alert.rule().endsWith("2024-03-15")).toList());
        assertEquals(1, ALERTS.of(strikeDay(stats, "2024-03-17"), Set.of(raised)::contains).size(),
                "a window that does not overlap the one raised");
    }

    @Test
    void spikesAreFoundAfterYearsOfHistoryInTheBoundedDays() {
        OrgStats stats = OrgStats.empty();
        LocalDate day = LocalDate.parse("2010-01-01");
        for (int i = 0; i < 5_000; i++, day = day.plusDays(1)) {
            stats = plus(stats, "a" + i, day.toString(), i % 2 == 0 ? "wages" : "disputes");
        }
        OrgStats spiking = stats;
        for (int i = 0; i < 6; i++) {
            spiking = plus(spiking, "strike" + i, day.toString(), "disputes");
        }

        assertEquals(List.of(), ALERTS.of(stats, rule -> false), "one dispute every other day is no spike");
        List<AlertEvent> alerts = ALERTS.of(spiking, rule -> false);
        assertEquals(List.of(SpikeAlerts.rule("disputes", ORG, day.toString())),
                alerts.stream().map(AlertEvent::rule).toList());
    }

    @Test
    void aggregatesWithoutANameRaiseNothing() {
        assertEquals(List.of(), ALERTS.of(OrgStats.empty(), rule -> false));
        assertEquals(List.of(), ALERTS.of(null, rule -> false));
    }
}
