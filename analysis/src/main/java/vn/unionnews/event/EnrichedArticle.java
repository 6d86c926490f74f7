package vn.unionnews.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The article with what the Streams topology learnt about it: what it writes to {@code articles.enriched}.
 * {@code provinces} are the provinces it is about (canonical names, see {@code OrganizationExtractor#provinces});
 * {@code truncated} is the article event's: the page's body was cut; {@code events} are, per alert topic the article
 * is about, whether it reports an event of it ({@link EventAssessment}), absent from an older enrichment. Its {@code sentences} are the text itself,
 * which the summariser reads.
 *
 * <p>In JSON (version 2), as in the article event, the sentences are not the text a second time:
 * {@code sentenceSpans} holds a {@code [start, end)} pair of code-point offsets into {@code body} per sentence, and
 * {@code sentences} is written only when they cannot all be found in the body in order.
 */
public record EnrichedArticle(
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
        List<TopicScore> topics,
        String primaryTopic,
        List<OrgMention> organizations,
        List<Metric> metrics,
        String displayTitle,
        List<String> captions,
        Map<String, List<String>> topicEvidence,
        List<String> provinces,
        boolean truncated,
        Map<String, EventAssessment> events) {

    public static final int SCHEMA_VERSION = 2;

    /** Topics, organisations and figures without their id, name or type are dropped: nothing can be said of them. */
    public EnrichedArticle {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("enriched article without an id");
        }
        source = source == null ? SourceOrg.UNKNOWN : source;
        sentences = Lists.copyOf(sentences);
        topics = Lists.copyOf(topics, topic -> topic.id() != null);
        organizations = Lists.copyOf(organizations, org -> org.name() != null);
        metrics = Lists.copyOf(metrics, metric -> metric.type() != null);
        displayTitle = displayTitle == null ? title : displayTitle;
        captions = Lists.copyOf(captions);
        topicEvidence = evidence(topicEvidence);
        provinces = Lists.copyOf(provinces);
        events = events == null ? null : assessments(events);
    }

    private static Map<String, EventAssessment> assessments(Map<String, EventAssessment> events) {
        Map<String, EventAssessment> kept = new LinkedHashMap<>();
        events.forEach((topic, event) -> {
            if (topic != null && event != null) {
                kept.put(topic, event);
            }
        });
        return Collections.unmodifiableMap(kept);
    }

    private static Map<String, List<String>> evidence(Map<String, List<String>> topicEvidence) {
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        if (topicEvidence != null) {
            topicEvidence.forEach((topic, phrases) -> {
                if (topic != null && phrases != null) {
                    evidence.put(topic, Lists.copyOf(phrases));
                }
            });
        }
        return Collections.unmodifiableMap(evidence);
    }

    /** The JSON form: sentences as spans of the body where they can be. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Wire(int schemaVersion, String id, String url, SourceOrg source, Instant fetchedAt, String publishedAt,
                String title, String body, String author, String category, List<String> sentences,
                List<int[]> sentenceSpans, List<TopicScore> topics, String primaryTopic,
                List<OrgMention> organizations, List<Metric> metrics, String displayTitle, List<String> captions,
                Map<String, List<String>> topicEvidence, List<String> provinces, Boolean truncated,
                Map<String, EventAssessment> events) {
    }

    @JsonValue
    Wire wire() {
        List<int[]> spans = body == null ? null : ArticleEvent.spans(body, sentences);
        return new Wire(schemaVersion, id, url, source, fetchedAt, publishedAt, title, body, author, category,
                spans == null ? sentences : null, spans, topics, primaryTopic, organizations, metrics, displayTitle,
                captions, topicEvidence, provinces, truncated, events);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EnrichedArticle fromJson(Wire json) {
        List<String> sentences = json.sentences() != null || json.sentenceSpans() == null || json.body() == null
                ? json.sentences() : ArticleEvent.sentencesAt(json.id(), json.body(), json.sentenceSpans());
        return new EnrichedArticle(json.schemaVersion(), json.id(), json.url(), json.source(), json.fetchedAt(),
                json.publishedAt(), json.title(), json.body(), json.author(), json.category(), sentences,
                json.topics(), json.primaryTopic(), json.organizations(), json.metrics(), json.displayTitle(),
                json.captions(), json.topicEvidence(), json.provinces(), Boolean.TRUE.equals(json.truncated()),
                json.events());
    }

    public static EnrichedArticle of(ArticleEvent article, List<TopicScore> topics, String primaryTopic,
                                     List<OrgMention> organizations, List<Metric> metrics) {
        return of(article, topics, primaryTopic, organizations, metrics, Map.of(), List.of(), null);
    }

    /**
     * @param topicEvidence per topic, what scored (the lexicon's phrases "đình công ×2", the model's terms), best
     *                      first
     * @param events        per alert topic the article is about, its event assessment; null when not assessed
     *                      (then the default alerts go by the topic's score alone)
     */
    public static EnrichedArticle of(ArticleEvent article, List<TopicScore> topics, String primaryTopic,
                                     List<OrgMention> organizations, List<Metric> metrics,
                                     Map<String, List<String>> topicEvidence, List<String> provinces,
                                     Map<String, EventAssessment> events) {
        return new EnrichedArticle(SCHEMA_VERSION, article.id(), article.url(), article.source(), article.fetchedAt(),
                article.publishedAt(), article.title(), article.body(), article.author(), article.category(),
                article.sentences(), topics, primaryTopic, organizations, metrics, article.displayTitle(),
                article.captions(), topicEvidence, provinces, article.truncated(), events);
    }
}
