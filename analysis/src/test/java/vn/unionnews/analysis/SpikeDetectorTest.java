package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;

class SpikeDetectorTest {
    private static final String ORG = "Liên đoàn Lao động tỉnh Bình Dương";

    private static OrgStats withArticles(String... days) {
        OrgStats stats = OrgStats.empty();
        for (int i = 0; i < days.length; i++) {
            stats = stats.plus(new OrgContribution(OrgContribution.SCHEMA_VERSION, ORG, "provincial_federation",
                    "a" + i, "Tin " + i, days[i], "disputes", List.of("disputes"), List.of(), List.of()));
        }
        return stats;
    }

    @Test
    void threeDisputesInOneDayAfterAQuietMonthAreASpike() {
        SpikeDetector detector = new SpikeDetector(1, 28, 3, 3);

        assertEquals(List.of(), detector.spikes(withArticles("2024-02-20", "2024-03-15", "2024-03-15"), "disputes"),
                "two are under the least count");
        List<SpikeDetector.Spike> spikes = detector.spikes(
                withArticles("2024-02-20", "2024-03-15", "2024-03-15", "2024-03-15"), "disputes");
        assertEquals(1, spikes.size(), spikes.toString());
        assertEquals("2024-03-15", spikes.get(0).day());
        assertEquals(3, spikes.get(0).count());
        assertTrue(spikes.get(0).reason().contains("3 disputes article(s) naming " + ORG), spikes.get(0).reason());
        assertEquals(List.of(), detector.spikes(withArticles("2024-03-15", "2024-03-15", "2024-03-15"), "safety"),
                "another topic");
    }

    @Test
    void aSpikeStaysVisibleWhileLaterArticlesComeButOldOnesAreHistory() {
        SpikeDetector detector = new SpikeDetector(1, 28, 3, 3);
        OrgStats stats = withArticles("2024-03-15", "2024-03-15", "2024-03-15", "2024-03-16");

        assertEquals(List.of("2024-03-15"), detector.spikes(stats, "disputes").stream().map(SpikeDetector.Spike::day)
                .toList(), "an article the next day does not hide the spike the aggregates show late");
        assertEquals(List.of(), detector.spikes(withArticles("2024-01-02", "2024-01-02", "2024-01-02", "2024-03-16"),
                "disputes"), "a spike more than a baseline period before the newest day is history");
    }

    @Test
    void aWeekWindowCountsAcrossDays() {
        SpikeDetector detector = new SpikeDetector(7, 28, 3, 3);

        assertEquals(List.of("2024-03-15"), detector.spikes(withArticles("2024-03-11", "2024-03-13", "2024-03-15"),
                "disputes").stream().map(SpikeDetector.Spike::day).toList());
    }

    @Test
    void aBusyBaselineIsNoSpike() {
        // Two disputes a day for the whole baseline (Feb 16 - Mar 14), then three on Mar 15: under 3 × 2.
        String[] days = new String[59];
        for (int i = 0; i < 56; i++) {
            days[i] = LocalDate.parse("2024-02-16").plusDays(i / 2).toString();
        }
        days[56] = days[57] = days[58] = "2024-03-15";
        SpikeDetector detector = new SpikeDetector(1, 28, 3, 3);

        assertEquals(List.of(), detector.spikes(withArticles(days), "disputes"));
    }
}
