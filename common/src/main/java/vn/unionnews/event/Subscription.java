package vn.unionnews.event;

import java.util.List;

/**
 * An alert subscription, the value of the compacted {@code subscriptions} topic keyed by {@code id} (a null
 * value deletes it). An article matches when every criterion given matches (an empty list is no criterion):
 * one of {@code topics} is among its topics with a score of at least {@code minScore}; one of
 * {@code organizations} is among the organisations it names (by canonical name, any part, any case or tone
 * placement); one of {@code provinces} is named in it; one of {@code keywords} occurs in its title or body.
 * {@code severity} is the alerts' severity (info, warning, critical).
 */
public record Subscription(
        int schemaVersion,
        String id,
        List<String> topics,
        List<String> organizations,
        List<String> provinces,
        List<String> keywords,
        double minScore,
        String severity) {

    public static final int SCHEMA_VERSION = 1;
    public static final double DEFAULT_MIN_SCORE = 0.35;

    public Subscription {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a subscription needs an id");
        }
        topics = topics == null ? List.of() : List.copyOf(topics);
        organizations = organizations == null ? List.of() : List.copyOf(organizations);
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
        severity = severity == null ? "warning" : severity;
    }
}
