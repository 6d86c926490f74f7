package vn.unionnews.analysis;

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
        OrgStats stats = withArticles("2024-02-20", "2024-03-15", "2024-03-15");
        SpikeDetector detector = new SpikeDetector(1, 28, 3, 3);

        assertTrue(detector.spike(stats, "disputes", "2024-03-15", 1).isPresent(), "2 counted + the new one");
        assertTrue(detector.spike(stats, "disputes", "2024-03-15", 0).isEmpty(), "two are under the least count");
        assertTrue(detector.spike(stats, "safety", "2024-03-15", 1).isEmpty(), "another topic");
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

        assertTrue(detector.spike(withArticles(days), "disputes", "2024-03-15", 0).isEmpty());
    }
}
