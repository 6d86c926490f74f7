package vn.unionnews.event;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What one article contributes to one organisation's aggregates: the value of the Streams topology's
 * per-(organisation, article) table, added to {@link OrgStats} and subtracted again when the article is replaced
 * or stops naming the organisation. {@code day} is the article's publication date (else its fetch date), ISO
 * {@code yyyy-MM-dd}, or null when neither is known; {@code metrics} are the figures attributed to this
 * organisation; {@code coMentioned} the other organisations the article names.
 */
public record OrgContribution(
        int schemaVersion,
        String organization,
        String type,
        String articleId,
        String title,
        String day,
        String primaryTopic,
        List<String> topics,
        List<Metric> metrics,
        List<String> coMentioned) {

    public static final int SCHEMA_VERSION = 1;
    /** The type of a province's aggregates in {@code province-stats}. */
    public static final String PROVINCE = "province";

    /**
     * What {@code article} contributes to each organisation it names: its topics, the day it counts on, the
     * figures attributed to that organisation, and the other organisations named with it.
     */
    public static List<OrgContribution> of(EnrichedArticle article) {
        String day = dayOf(article);
        List<String> topicIds = article.topics().stream().map(TopicScore::id).toList();
        List<String> names = article.organizations().stream().map(OrgMention::name).toList();
        List<OrgContribution> contributions = new ArrayList<>();
        for (OrgMention org : article.organizations()) {
            List<Metric> own = article.metrics().stream().filter(m -> org.name().equals(m.organization())).toList();
            List<String> others = names.stream().filter(name -> !name.equals(org.name())).toList();
            contributions.add(new OrgContribution(SCHEMA_VERSION, org.name(), org.type(), article.id(),
                    article.displayTitle(), day, article.primaryTopic(), topicIds, own, others));
        }
        return contributions;
    }

    /**
     * What {@code article} contributes to each province it is about ({@link EnrichedArticle#provinces}), type
     * {@value #PROVINCE}: its topics and day, no figures (they belong to organisations), and the organisations it
     * names as co-mentioned.
     */
    public static List<OrgContribution> ofProvinces(EnrichedArticle article) {
        String day = dayOf(article);
        List<String> topicIds = article.topics().stream().map(TopicScore::id).toList();
        List<String> names = article.organizations().stream().map(OrgMention::name).toList();
        return article.provinces().stream().map(province -> new OrgContribution(SCHEMA_VERSION, province, PROVINCE,
                article.id(), article.displayTitle(), day, article.primaryTopic(), topicIds, List.of(), names)).toList();
    }

    /** The publication day (when it is a date), else the fetch day in Vietnam, else null. */
    public static String dayOf(EnrichedArticle article) {
        return dayOf(article.publishedAt(), article.fetchedAt());
    }

    /** The day of {@code published} (when it is a date), else the day of {@code fetchedAt} in Vietnam, else null. */
    public static String dayOf(String published, Instant fetchedAt) {
        if (published != null && published.length() >= 10 && OrgStats.day(published.substring(0, 10)) != null) {
            return published.substring(0, 10);
        }
        return fetchedAt == null ? null : fetchedAt.atOffset(ZoneOffset.ofHours(7)).toLocalDate().toString();
    }

    public OrgContribution {
        topics = Lists.copyOf(topics);
        metrics = Lists.copyOf(metrics, metric -> metric.type() != null);
        coMentioned = Lists.copyOf(coMentioned);
    }
}
