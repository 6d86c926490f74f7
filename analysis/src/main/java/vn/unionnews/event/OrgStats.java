package vn.unionnews.event;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * One organisation's aggregates, keyed by its canonical name: the value of {@code org-stats}. Every field is kept
 * by adding an article's contribution and subtracting it again when the article is replaced, so a re-sent or
 * corrected article never counts twice. The value is bounded whatever the history: articles are counted per
 * topic in time buckets by the article's own day, {@code daily} for the {@value #DAILY_DAYS} days up to
 * {@code horizon} (the newest day ever counted), {@code months} for the {@value #MONTHS} months before, and
 * {@code years} before that (the key {@code "*"} counts all articles of a bucket). A bucket's period depends only
 * on the article's day and the horizon, which never moves back, so an article is subtracted from the bucket its
 * count was added or rolled up to. {@code coMentions} holds the {@value #CO_MENTIONS} names co-mentioned most;
 * {@code recent} the newest {@value #RECENT} articles.
 */
public record OrgStats(
        int schemaVersion,
        String name,
        String type,
        long articleCount,
        Map<String, Long> topics,
        Map<String, Double> metricTotals,
        Map<String, Long> coMentions,
        Map<String, Map<String, Long>> daily,
        Map<String, Map<String, Long>> months,
        Map<String, Map<String, Long>> years,
        String horizon,
        String firstSeen,
        String lastSeen,
        List<ArticleRef> recent) {

    /** 3: {@code daily} bounded, with {@code months}, {@code years} and {@code horizon}; a 2 reads as rolled up. */
    public static final int SCHEMA_VERSION = 3;
    public static final int RECENT = 20;
    /** Days kept day by day, up to the horizon: the spike detector's window and baselines must fit in them. */
    public static final int DAILY_DAYS = 62;
    /** Months kept month by month before the daily period; older articles count by year. */
    public static final int MONTHS = 12;
    /** The co-mentioned names kept. */
    public static final int CO_MENTIONS = 50;
    /** The key of a bucket that counts all articles of its period, whatever their topics. */
    public static final String ALL_TOPICS = "*";
    /** Most co-mentions first, then by name: who stays when more than {@value #CO_MENTIONS} are named. */
    private static final Comparator<Map.Entry<String, Long>> MOST_CO_MENTIONED =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    /** An article as an organisation's list of recent articles shows it. */
    public record ArticleRef(String id, String title, String day, String primaryTopic) {
    }

    /**
     * Counts are of articles, so only positive ones are kept; nothing is kept under a null key, nor under a day,
     * month or year that is not one. Buckets older than their period are rolled up into the coarser one (so a
     * version-2 value, whose {@code daily} held every day, reads bounded, its horizon its newest day).
     */
    public OrgStats {
        topics = counts(topics);
        metricTotals = sorted(metricTotals);
        coMentions = mostCoMentioned(counts(coMentions));
        Buckets buckets = new Buckets(buckets(null), buckets(months), buckets(years));
        TreeMap<String, Map<String, Long>> days = buckets(daily);
        LocalDate newest = day(horizon);
        for (String key : days.keySet()) {
            LocalDate day = day(key);
            newest = day != null && (newest == null || day.isAfter(newest)) ? day : newest;
        }
        horizon = newest == null ? null : newest.toString();
        for (Map.Entry<String, Map<String, Long>> bucket : days.entrySet()) {
            LocalDate day = day(bucket.getKey());
            if (day != null) {
                buckets.add(day, newest, bucket.getValue());
            }
        }
        TreeMap<String, Map<String, Long>> monthBuckets = buckets.months();
        TreeMap<String, Map<String, Long>> yearBuckets = buckets.years();
        for (Map.Entry<String, Map<String, Long>> bucket : List.copyOf(monthBuckets.entrySet())) {
            YearMonth month = month(bucket.getKey());
            if (month == null || newest == null || month.isBefore(Period.firstMonth(newest))) {
                monthBuckets.remove(bucket.getKey());
                if (month != null && newest != null) {
                    yearBuckets.merge(String.valueOf(month.getYear()), bucket.getValue(), OrgStats::sum);
                }
            }
        }
        yearBuckets.keySet().removeIf(year -> !year.matches("\\d{4}"));
        days = buckets.days();
        daily = days;
        months = monthBuckets;
        years = yearBuckets;
        firstSeen = !yearBuckets.isEmpty() ? yearBuckets.firstKey() + "-01-01"
                : !monthBuckets.isEmpty() ? monthBuckets.firstKey() + "-01"
                : days.isEmpty() ? null : days.firstKey();
        lastSeen = !days.isEmpty() ? days.lastKey()
                : !monthBuckets.isEmpty() ? month(monthBuckets.lastKey()).atEndOfMonth().toString()
                : yearBuckets.isEmpty() ? null : yearBuckets.lastKey() + "-12-31";
        recent = Lists.copyOf(recent, ref -> ref.id() != null);
    }

    /** The period an article's day is counted in, given the horizon. */
    private enum Period {
        DAY, MONTH, YEAR;

        static Period of(LocalDate day, LocalDate horizon) {
            LocalDate firstDay = horizon.minusDays(DAILY_DAYS - 1L);
            if (!day.isBefore(firstDay)) {
                return DAY;
            }
            return YearMonth.from(day).isBefore(firstMonth(horizon)) ? YEAR : MONTH;
        }

        /** The first month kept by month: {@value #MONTHS} before the month the daily period starts in. */
        static YearMonth firstMonth(LocalDate horizon) {
            return YearMonth.from(horizon.minusDays(DAILY_DAYS - 1L)).minusMonths(MONTHS);
        }

        String key(LocalDate day) {
            return switch (this) {
                case DAY -> day.toString();
                case MONTH -> YearMonth.from(day).toString();
                case YEAR -> String.valueOf(day.getYear());
            };
        }
    }

    /** The buckets of the three periods, filled by the article's day and the horizon. */
    private record Buckets(TreeMap<String, Map<String, Long>> days, TreeMap<String, Map<String, Long>> months,
                           TreeMap<String, Map<String, Long>> years) {
        private TreeMap<String, Map<String, Long>> of(Period period) {
            return switch (period) {
                case DAY -> days;
                case MONTH -> months;
                case YEAR -> years;
            };
        }

        /** Articles of {@code day} counted in the bucket the horizon puts that day in. */
        void add(LocalDate day, LocalDate horizon, Map<String, Long> counts) {
            Period period = Period.of(day, horizon);
            of(period).merge(period.key(day), counts, OrgStats::sum);
        }

        /** One article more (or fewer) of {@code day} on {@code topics}; an emptied bucket leaves. */
        void count(LocalDate day, LocalDate horizon, List<String> topics, int sign) {
            Period period = Period.of(day, horizon);
            String key = period.key(day);
            Map<String, Long> bucket = new TreeMap<>(of(period).getOrDefault(key, Map.of()));
            OrgStats.count(bucket, ALL_TOPICS, sign);
            topics.forEach(topic -> OrgStats.count(bucket, topic, sign));
            if (bucket.isEmpty()) {
                of(period).remove(key);
            } else {
                of(period).put(key, bucket);
            }
        }
    }

    public static OrgStats empty() {
        return new OrgStats(SCHEMA_VERSION, null, null, 0, null, null, null, null, null, null, null, null, null, null);
    }

    /** This organisation with one more article's contribution. */
    public OrgStats plus(OrgContribution c) {
        return combine(c, 1);
    }

    /** This organisation with a replaced article's contribution taken back. */
    public OrgStats minus(OrgContribution c) {
        return combine(c, -1);
    }

    /**
     * Articles per month ({@code yyyy-MM}) and topic, summed from {@link #daily} and {@link #months}; the articles
     * counted by year are in {@link #years} only.
     */
    public Map<String, Map<String, Long>> monthly() {
        Map<String, Map<String, Long>> monthly = new TreeMap<>(months);
        daily.forEach((day, counts) -> monthly.merge(day.substring(0, 7), counts, OrgStats::sum));
        return monthly;
    }

    private OrgStats combine(OrgContribution c, int sign) {
        Map<String, Long> newTopics = new TreeMap<>(topics);
        c.topics().forEach(topic -> count(newTopics, topic, sign));
        Map<String, Double> newTotals = new TreeMap<>(metricTotals);
        BinaryOperator<Double> sums = sign > 0 ? Double::sum : (a, b) -> a - b;
        c.metrics().forEach(metric -> newTotals.merge(metric.type(), metric.value(), sums));
        Map<String, Long> newCoMentions = new TreeMap<>(coMentions);
        c.coMentioned().forEach(other -> count(newCoMentions, other, sign));
        Buckets buckets = new Buckets(new TreeMap<>(daily), new TreeMap<>(months), new TreeMap<>(years));
        LocalDate day = day(c.day());
        LocalDate newest = day(horizon);
        if (day != null) {
            // Only an added article moves the horizon: a subtraction finds the bucket the addition found, or
            // the coarser one that bucket was rolled up into since.
            newest = sign > 0 && (newest == null || day.isAfter(newest)) ? day : newest;
            buckets.count(day, newest, c.topics(), sign);
        }
        List<ArticleRef> newRecent = new ArrayList<>(recent);
        newRecent.removeIf(ref -> ref.id().equals(c.articleId()));
        if (sign > 0) {
            newRecent.add(new ArticleRef(c.articleId(), c.title(), c.day(), c.primaryTopic()));
            newRecent.sort(Comparator.comparing(ArticleRef::day, Comparator.nullsLast(Comparator.reverseOrder()))
                    .thenComparing(ArticleRef::id));
            if (newRecent.size() > RECENT) {
                newRecent = newRecent.subList(0, RECENT);
            }
        }
        return new OrgStats(SCHEMA_VERSION, c.organization(), type != null ? type : c.type(),
                Math.max(0, articleCount + sign), newTopics, nonZero(newTotals), newCoMentions, buckets.days(),
                buckets.months(), buckets.years(), newest == null ? null : newest.toString(), null, null, newRecent);
    }

    /** One more article (or one fewer) under {@code key}; a count that is not held is not taken below zero. */
    private static void count(Map<String, Long> counts, String key, int sign) {
        if (sign > 0) {
            counts.merge(key, 1L, Long::sum);
        } else {
            counts.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
        }
    }

    private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> sum = new TreeMap<>(a);
        b.forEach((topic, count) -> sum.merge(topic, count, Long::sum));
        return sum;
    }

    /**
     * The {@value #CO_MENTIONS} names co-mentioned most (ties by name). A name left out loses its count, so a held
     * count is a lower bound of the articles naming both, exact for a name held since its first co-mention:
     * adding and subtracting keep that true, as a subtraction never takes a count below zero.
     */
    private static Map<String, Long> mostCoMentioned(Map<String, Long> counts) {
        if (counts.size() <= CO_MENTIONS) {
            return counts;
        }
        Map<String, Long> kept = new TreeMap<>();
        counts.entrySet().stream().sorted(MOST_CO_MENTIONED).limit(CO_MENTIONS)
                .forEach(e -> kept.put(e.getKey(), e.getValue()));
        return kept;
    }

    private static TreeMap<String, Map<String, Long>> buckets(Map<String, Map<String, Long>> buckets) {
        TreeMap<String, Map<String, Long>> kept = new TreeMap<>();
        if (buckets != null) {
            buckets.forEach((period, counts) -> {
                Map<String, Long> bucket = counts(counts);
                if (period != null && !bucket.isEmpty()) {
                    kept.put(period, bucket);
                }
            });
        }
        return kept;
    }

    /**
     * A day as the aggregates write it ({@link OrgContribution#dayOf}: {@code yyyy-MM-dd}, four-digit year), else
     * null: buckets are kept on these strings in date order, which other forms ("+10000-01-05") do not keep.
     */
    public static LocalDate day(String day) {
        try {
            return day == null || day.length() != 10 ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static YearMonth month(String month) {
        try {
            return month == null || month.length() != 7 ? null : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static <V> Map<String, V> sorted(Map<String, V> map) {
        TreeMap<String, V> sorted = new TreeMap<>();
        if (map != null) {
            map.forEach((key, value) -> {
                if (key != null && value != null) {
                    sorted.put(key, value);
                }
            });
        }
        return sorted;
    }

    private static Map<String, Long> counts(Map<String, Long> map) {
        Map<String, Long> counts = sorted(map);
        counts.values().removeIf(count -> count <= 0);
        return counts;
    }

    /** Sums that went back to zero disappear (a tolerance absorbs floating-point rest). */
    private static Map<String, Double> nonZero(Map<String, Double> map) {
        map.values().removeIf(total -> Math.abs(total) < 1e-6);
        return map;
    }
}
