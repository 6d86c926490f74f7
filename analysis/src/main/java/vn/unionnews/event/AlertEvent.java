package vn.unionnews.event;

/**
 * An alert raised by an article, written to {@code output} with header {@code event-type: alert}.
 * {@code rule} is a default rule's id or a subscription id; {@code severity} is info, warning or critical.
 */
public record AlertEvent(
        int schemaVersion,
        String articleId,
        String rule,
        String topic,
        String severity,
        String reason,
        String title,
        String summary) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "alert";
}
