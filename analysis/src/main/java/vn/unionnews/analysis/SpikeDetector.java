package vn.unionnews.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;

/**
 * Spike alerts: an organisation's (or a province's) articles on a topic in a window of {@code windowDays} days
 * against its trailing baseline, the mean per window over the {@code baselineDays} days before. A spike is at
 * least {@code minCount} articles and at least {@code factor} times the baseline (a baseline under one article
 * per window counts as one). Counts come from the daily buckets of the aggregates ({@link OrgStats#daily()}),
 * which the Streams topology keeps by publication day, so a late article lands in its own window; they hold the
 * {@value OrgStats#DAILY_DAYS} days to the aggregates' horizon, which the windows and baselines judged must fit
 * in. Stateless and thread-safe.
 */
public final class SpikeDetector {
    private final int windowDays;
    private final int baselineDays;
    private final double factor;
    private final int minCount;

    /** A window that is a spike: the topic, the window's last day, its article count and the baseline per window. */
    public record Spike(String topic, String day, long count, double baseline, String reason) {
    }

    public SpikeDetector(int windowDays, int baselineDays, double factor, int minCount) {
        if (windowDays < 1 || baselineDays < windowDays || factor <= 0 || minCount < 1) {
            throw new IllegalArgumentException("spike thresholds: window " + windowDays + " day(s), baseline "
                    + baselineDays + " day(s), factor " + factor + ", min count " + minCount);
        }
        if (windowDays + 2L * baselineDays - 1 > OrgStats.DAILY_DAYS) {
            throw new IllegalArgumentException("spike window " + windowDays + " day(s) and baseline " + baselineDays
                    + " day(s) reach further back than the " + OrgStats.DAILY_DAYS + " days the aggregates keep by"
                    + " day: window + 2 × baseline - 1 must be at most " + OrgStats.DAILY_DAYS);
        }
        this.windowDays = windowDays;
        this.baselineDays = baselineDays;
        this.factor = factor;
        this.minCount = minCount;
    }

    public int windowDays() {
        return windowDays;
    }

    /**
     * The spikes of {@code topic} the aggregates show now, earliest first: the windows ending on a day with an
     * article on the topic, from the aggregates' horizon (the newest day counted) back over one baseline period
     * (older windows are history, not news).
     */
    public List<Spike> spikes(OrgStats stats, String topic) {
        NavigableMap<String, Map<String, Long>> daily = new TreeMap<>(stats.daily());
        LocalDate newest = OrgStats.day(stats.horizon());
        List<Spike> spikes = new ArrayList<>();
        if (newest == null) {
            return spikes;
        }
        for (String key : daily.subMap(newest.minusDays(baselineDays - 1L).toString(), true, newest.toString(), true)
                .keySet()) {
            LocalDate end = OrgStats.day(key);
            if (end == null || daily.get(key).getOrDefault(topic, 0L) == 0) {
                continue;
            }
            long current = count(daily, topic, end.minusDays(windowDays - 1L), end);
            LocalDate baselineEnd = end.minusDays(windowDays);
            long before = count(daily, topic, baselineEnd.minusDays(baselineDays - 1L), baselineEnd);
            double baseline = (double) before / baselineDays * windowDays;
            if (current >= minCount && current >= factor * Math.max(1.0, baseline)) {
                spikes.add(new Spike(topic, key, current, baseline, String.format(Locale.ROOT,
                        "%d %s article(s) %s %s in the %d day(s) to %s, against %.1f per %d day(s) over the %d days before",
                        current, topic, OrgContribution.PROVINCE.equals(stats.type()) ? "about" : "naming",
                        stats.name(), windowDays, key, baseline, windowDays, baselineDays)));
            }
        }
        return spikes;
    }

    private static long count(NavigableMap<String, Map<String, Long>> daily, String topic, LocalDate from, LocalDate to) {
        long total = 0;
        for (Map<String, Long> counts : daily.subMap(from.toString(), true, to.toString(), true).values()) {
            total += counts.getOrDefault(topic, 0L);
        }
        return total;
    }
}
