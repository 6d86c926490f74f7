package vn.unionnews.analysis;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import vn.unionnews.event.OrgStats;

/**
 * Spike alerts: an organisation's articles on a topic in the current window (the {@code windowDays} days ending
 * on the article's day) against its trailing baseline (the mean per window over the {@code baselineDays} days
 * before). A spike is at least {@code minCount} articles and at least {@code factor} times the baseline (a
 * baseline under one article per window counts as one). Counts come from the organisation's daily buckets
 * ({@link OrgStats#daily()}), which the Streams topology keeps by publication day. Stateless and thread-safe.
 */
public final class SpikeDetector {
    private final int windowDays;
    private final int baselineDays;
    private final double factor;
    private final int minCount;

    public SpikeDetector(int windowDays, int baselineDays, double factor, int minCount) {
        if (windowDays < 1 || baselineDays < windowDays || factor <= 0 || minCount < 1) {
            throw new IllegalArgumentException("spike thresholds: window " + windowDays + " day(s), baseline "
                    + baselineDays + " day(s), factor " + factor + ", min count " + minCount);
        }
        this.windowDays = windowDays;
        this.baselineDays = baselineDays;
        this.factor = factor;
        this.minCount = minCount;
    }

    /**
     * Why the window ending on {@code day} is a spike of {@code topic} for the organisation, or empty.
     *
     * @param uncounted articles of the window the statistics do not hold yet (the article being processed)
     */
    public Optional<String> spike(OrgStats stats, String topic, String day, int uncounted) {
        LocalDate end;
        try {
            end = LocalDate.parse(day);
        } catch (DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
        long current = uncounted + count(stats.daily(), topic, end.minusDays(windowDays - 1L), end);
        LocalDate baselineEnd = end.minusDays(windowDays);
        long before = count(stats.daily(), topic, baselineEnd.minusDays(baselineDays - 1L), baselineEnd);
        double baseline = (double) before / baselineDays * windowDays;
        if (current < minCount || current < factor * Math.max(1.0, baseline)) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT,
                "%d %s article(s) naming %s in the %d day(s) to %s, against %.1f per %d day(s) over the %d days before",
                current, topic, stats.name(), windowDays, day, baseline, windowDays, baselineDays));
    }

    private static long count(Map<String, Map<String, Long>> daily, String topic, LocalDate from, LocalDate to) {
        long total = 0;
        for (Map.Entry<String, Map<String, Long>> day : daily.entrySet()) {
            LocalDate date;
            try {
                date = LocalDate.parse(day.getKey());
            } catch (DateTimeParseException e) {
                continue;
            }
            if (!date.isBefore(from) && !date.isAfter(to)) {
                total += day.getValue().getOrDefault(topic, 0L);
            }
        }
        return total;
    }
}
