package vn.unionnews.event;

import java.util.List;

/**
 * An extractive summary of one article, written to {@code output} with header {@code event-type: summary}.
 * {@code method} names the summariser, e.g. {@code lead-3} for the first-sentences baseline.
 */
public record SummaryEvent(
        int schemaVersion,
        String articleId,
        String url,
        String title,
        SourceOrg source,
        String publishedAt,
        String method,
        List<String> sentences,
        String text) {

    public static final int SCHEMA_VERSION = 1;
    public static final String EVENT_TYPE = "summary";

    public SummaryEvent {
        sentences = Lists.copyOf(sentences);
    }
}
