package vn.unionnews.event;

import java.time.Instant;

/**
 * An article withdrawn by a tombstone (a null value for its id in {@code articles}): written to {@code output} with
 * header {@code event-type: retraction}, once, after its contributions have left the aggregates. {@code retractedAt}
 * is the tombstone's timestamp.
 */
public record RetractionEvent(int schemaVersion, String articleId, boolean retracted, Instant retractedAt) {
    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "retraction";

    public static RetractionEvent of(String articleId, Instant retractedAt) {
        return new RetractionEvent(SCHEMA_VERSION, articleId, true, retractedAt);
    }
}
