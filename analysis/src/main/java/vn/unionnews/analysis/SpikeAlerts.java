package vn.unionnews.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.OrgStats;

/**
 * The spike alerts an organisation's (a province's) new aggregates raise: one per spike ({@link SpikeDetector})
 * on an alert topic whose window overlaps no spike raised before for the same topic and name. The alert names the
 * window's newest article on the topic and summarises the spike by the titles of the window's recent articles.
 * Immutable and thread-safe; what was raised before is the caller's to keep.
 */
public final class SpikeAlerts {
    /** Every spike alert's rule starts so: {@code spike:<topic>:<name>:<window's last day>}. */
    public static final String RULE_PREFIX = "spike:";

    private final SpikeDetector detector;
    private final List<String> topics;

    /** @param topics the topics whose spikes are alerts */
    public SpikeAlerts(SpikeDetector detector, List<String> topics) {
        this.detector = detector;
        this.topics = List.copyOf(topics);
    }

    /**
     * The new alerts {@code stats} raises, earliest first per topic.
     *
     * @param raised whether a spike rule ({@link #rule}) was raised before; the alerts returned are not in it
     */
    public List<AlertEvent> of(OrgStats stats, Predicate<String> raised) {
        List<AlertEvent> alerts = new ArrayList<>();
        if (stats == null || stats.name() == null) {
            return alerts;
        }
        Set<String> raising = new HashSet<>();
        Predicate<String> covered = raised.or(raising::contains);
        int window = detector.windowDays();
        for (String topic : topics) {
            for (SpikeDetector.Spike spike : detector.spikes(stats, topic)) {
                LocalDate end = LocalDate.parse(spike.day());
                LocalDate start = end.minusDays(window - 1L);
                // Another window ending within a window's length either side overlaps this one.
                boolean overlaps = start.minusDays(window - 1L).datesUntil(end.plusDays(window))
                        .anyMatch(day -> covered.test(rule(topic, stats.name(), day.toString())));
                List<OrgStats.ArticleRef> articles = stats.recent().stream().filter(ref -> ref.day() != null
                        && ref.day().compareTo(start.toString()) >= 0 && ref.day().compareTo(spike.day()) <= 0).toList();
                if (overlaps || articles.isEmpty()) {
                    continue;
                }
                OrgStats.ArticleRef named = articles.stream().filter(ref -> topic.equals(ref.primaryTopic()))
                        .findFirst().orElse(articles.get(0));
                String titles = articles.stream().map(OrgStats.ArticleRef::title).collect(Collectors.joining(" | "));
                AlertEvent alert = new AlertEvent(AlertEvent.SCHEMA_VERSION, named.id(),
                        rule(topic, stats.name(), spike.day()), topic, "warning", spike.reason(), named.title(), titles);
                raising.add(alert.rule());
                alerts.add(alert);
            }
        }
        return alerts;
    }

    /** The rule of the spike of {@code topic} for {@code name} in the window ending on {@code day}. */
    public static String rule(String topic, String name, String day) {
        return RULE_PREFIX + topic + ":" + name + ":" + day;
    }
}
