package vn.unionnews.event;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * One organisation's aggregates, keyed by its canonical name: the value of {@code org-stats}. Every field is kept
 * by adding an article's contribution and subtracting it again when the article is replaced, so a re-sent or
 * corrected article never counts twice. {@code daily} counts articles per publication day and topic (the key
 * {@code "*"} counts all articles of the day): daily and monthly windows by the article's own date, so a late or
 * backfilled article lands in its own window. {@code firstSeen} and {@code lastSeen} are the first and last days
 * with an article; {@code recent} the newest {@value #RECENT} articles.
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
        String firstSeen,
        String lastSeen,
        List<ArticleRef> recent) {

    public static final int SCHEMA_VERSION = 2;
    public static final int RECENT = 20;
    /** The key of {@link #daily} that counts all articles of a day, whatever their topics. */
    public static final String ALL_TOPICS = "*";

    /** An article as an organisation's list of recent articles shows it. */
    public record ArticleRef(String id, String title, String day, String primaryTopic) {
    }

    /** Counts are of articles, so only positive ones are kept; nothing is kept under a null key. */
    public OrgStats {
        topics = counts(topics);
        metricTotals = sorted(metricTotals);
        coMentions = counts(coMentions);
        TreeMap<String, Map<String, Long>> days = new TreeMap<>();
        if (daily != null) {
            daily.forEach((day, counts) -> {
                Map<String, Long> dayCounts = counts(counts);
                if (day != null && !dayCounts.isEmpty()) {
                    days.put(day, dayCounts);
                }
            });
        }
        daily = days;
        recent = Lists.copyOf(recent, ref -> ref.id() != null);
    }

    public static OrgStats empty() {
        return new OrgStats(SCHEMA_VERSION, null, null, 0, null, null, null, null, null, null, null);
    }

    /** This organisation with one more article's contribution. */
    public OrgStats plus(OrgContribution c) {
        return combine(c, 1, Long::sum, Double::sum);
    }

    /** This organisation with a replaced article's contribution taken back. */
    public OrgStats minus(OrgContribution c) {
        return combine(c, -1, (a, b) -> a - b, (a, b) -> a - b);
    }

    /** Articles per month ({@code yyyy-MM}) and topic, summed from {@link #daily}. */
    public Map<String, Map<String, Long>> monthly() {
        Map<String, Map<String, Long>> months = new TreeMap<>();
        daily.forEach((day, counts) -> counts.forEach((topic, count) -> months
                .computeIfAbsent(day.substring(0, Math.min(7, day.length())), m -> new TreeMap<>())
                .merge(topic, count, Long::sum)));
        return months;
    }

    private OrgStats combine(OrgContribution c, int sign, BinaryOperator<Long> counts, BinaryOperator<Double> sums) {
        Map<String, Long> newTopics = new TreeMap<>(topics);
        c.topics().forEach(topic -> newTopics.merge(topic, 1L, counts));
        Map<String, Double> newTotals = new TreeMap<>(metricTotals);
        c.metrics().forEach(metric -> newTotals.merge(metric.type(), metric.value(), sums));
        Map<String, Long> newCoMentions = new TreeMap<>(coMentions);
        c.coMentioned().forEach(other -> newCoMentions.merge(other, 1L, counts));
        TreeMap<String, Map<String, Long>> newDaily = new TreeMap<>(daily);
        if (c.day() != null) {
            Map<String, Long> day = new TreeMap<>(daily.getOrDefault(c.day(), Map.of()));
            day.merge(ALL_TOPICS, 1L, counts);
            c.topics().forEach(topic -> day.merge(topic, 1L, counts));
            day.values().removeIf(count -> count <= 0);
            if (day.isEmpty()) {
                newDaily.remove(c.day());
            } else {
                newDaily.put(c.day(), day);
            }
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
                Math.max(0, articleCount + sign), newTopics, nonZero(newTotals), newCoMentions,
                newDaily, newDaily.isEmpty() ? null : newDaily.firstKey(), newDaily.isEmpty() ? null : newDaily.lastKey(),
                newRecent);
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
