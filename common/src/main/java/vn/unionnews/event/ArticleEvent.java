package vn.unionnews.event;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A scraped page as a clean article: what the producer writes to {@code articles}.
 * {@code publishedAt} is ISO-8601, a date-time with offset or a plain date. {@code displayTitle} is the title in
 * sentence case when the page prints it in capitals, else the title; {@code captions} are the photo captions kept
 * out of the body. Both were added after version 1's first fields, so readers must not require them.
 */
public record ArticleEvent(
        int schemaVersion,
        String id,
        String url,
        SourceOrg source,
        Instant fetchedAt,
        String publishedAt,
        String title,
        String body,
        String author,
        String category,
        List<String> sentences,
        String displayTitle,
        List<String> captions) {

    public static final int SCHEMA_VERSION = 1;

    public ArticleEvent {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("article event without an id");
        }
        if (body == null) {
            throw new IllegalArgumentException("article event " + id + " without a body");
        }
        source = source == null ? SourceOrg.UNKNOWN : source;
        sentences = Lists.copyOf(sentences);
        displayTitle = displayTitle == null ? title : displayTitle;
        captions = Lists.copyOf(captions);
    }

    /**
     * A digest of what a re-scrape must change for the article to count as updated: the article's own fields,
     * not the fetch time, nor what is derived from them (sentences, display title) or kept out of the body
     * (captions). Stable across JVMs and versions, since it is kept in state stores.
     */
    public String contentDigest() {
        String content = String.join("\u0000", Arrays.asList(url, source.name(), source.type(), publishedAt,
                title, body, author, category).stream().map(v -> v == null ? "" : v).toList());
        return Digests.sha256Hex(content);
    }
}
