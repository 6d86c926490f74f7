package vn.unionnews.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A scraped page as a clean article: what the producer writes to {@code articles}.
 * {@code publishedAt} is ISO-8601, a date-time with offset or a plain date. {@code displayTitle} is the title in
 * sentence case when the page prints it in capitals, else the title; {@code captions} are the photo captions kept
 * out of the body; {@code truncated} says the page's body was cut at {@value #MAX_BODY_CHARS} characters, at a
 * paragraph break. Readers must not require the fields added after version 1's first ones.
 *
 * <p>In JSON (version 2) the sentences are not the text a second time: {@code sentenceSpans} holds one
 * {@code [start, end)} pair of offsets into {@code body} per sentence, counted in Unicode code points, so that
 * {@code body[start:end]} in any language is the sentence. A version-1 record, or one whose sentences are not all
 * found in its body in order, carries them as {@code sentences} instead.
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
        List<String> captions,
        boolean truncated) {

    public static final int SCHEMA_VERSION = 2;
    /** The longest body an article event carries; the producer cuts longer ones at a paragraph break. */
    public static final int MAX_BODY_CHARS = 200_000;

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

    /** An article that was not cut. */
    public ArticleEvent(int schemaVersion, String id, String url, SourceOrg source, Instant fetchedAt,
                        String publishedAt, String title, String body, String author, String category,
                        List<String> sentences, String displayTitle, List<String> captions) {
        this(schemaVersion, id, url, source, fetchedAt, publishedAt, title, body, author, category, sentences,
                displayTitle, captions, false);
    }

    /** The same article fetched at {@code time}. */
    public ArticleEvent withFetchedAt(Instant time) {
        return new ArticleEvent(schemaVersion, id, url, source, time, publishedAt, title, body, author, category,
                sentences, displayTitle, captions, truncated);
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

    /** The JSON form of the event: sentences as spans of the body where they can be. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Wire(int schemaVersion, String id, String url, SourceOrg source, Instant fetchedAt, String publishedAt,
                String title, String body, String author, String category, List<String> sentences,
                List<int[]> sentenceSpans, String displayTitle, List<String> captions, Boolean truncated) {
    }

    @JsonValue
    Wire wire() {
        List<int[]> spans = spans(body, sentences);
        return new Wire(schemaVersion, id, url, source, fetchedAt, publishedAt, title, body, author, category,
                spans == null ? sentences : null, spans, displayTitle, captions, truncated);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static ArticleEvent fromJson(Wire json) {
        if (json.body() == null) {
            throw new IllegalArgumentException("article event " + json.id() + " without a body");
        }
        List<String> sentences = json.sentences() != null || json.sentenceSpans() == null ? json.sentences()
                : sentencesAt(json.id(), json.body(), json.sentenceSpans());
        return new ArticleEvent(json.schemaVersion(), json.id(), json.url(), json.source(), json.fetchedAt(),
                json.publishedAt(), json.title(), json.body(), json.author(), json.category(), sentences,
                json.displayTitle(), json.captions(), Boolean.TRUE.equals(json.truncated()));
    }

    /**
     * Where each sentence is in {@code body}, in code points, each found after the one before; null when one is
     * not there.
     */
    static List<int[]> spans(String body, List<String> sentences) {
        List<int[]> spans = new ArrayList<>(sentences.size());
        int at = 0;
        int codePoints = 0;
        for (String sentence : sentences) {
            int start = body.indexOf(sentence, at);
            if (start < 0 || sentence.isEmpty()) {
                return null;
            }
            codePoints += body.codePointCount(at, start);
            int length = sentence.codePointCount(0, sentence.length());
            spans.add(new int[] {codePoints, codePoints + length});
            codePoints += length;
            at = start + sentence.length();
        }
        return spans;
    }

    /** The sentences that {@code spans} mark in {@code body}; a span that is not in the body is an error. */
    static List<String> sentencesAt(String id, String body, List<int[]> spans) {
        int total = body.codePointCount(0, body.length());
        List<String> sentences = new ArrayList<>(spans.size());
        int codePoints = 0;
        int at = 0;
        for (int[] span : spans) {
            if (span == null || span.length != 2 || span[0] < codePoints || span[1] < span[0] || span[1] > total) {
                throw new IllegalArgumentException("article event " + id + ": sentence span "
                        + (span == null ? "null" : Arrays.toString(span)) + " is not a range of its body, after "
                        + codePoints + " of " + total + " code points");
            }
            int start = body.offsetByCodePoints(at, span[0] - codePoints);
            int end = body.offsetByCodePoints(start, span[1] - span[0]);
            sentences.add(body.substring(start, end));
            codePoints = span[1];
            at = end;
        }
        return sentences;
    }
}
