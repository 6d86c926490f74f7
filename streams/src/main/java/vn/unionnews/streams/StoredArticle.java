package vn.unionnews.streams;

import java.time.Instant;
import java.util.List;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.TopicScore;

/**
 * What the {@value ArticleTopology#ARTICLES_STORE} store keeps of an enriched article: what the interactive
 * queries read (its title, day and topics), not the text. The fields carry {@link EnrichedArticle}'s JSON names,
 * so a value the store held before (a whole enriched article) reads as one.
 */
public record StoredArticle(String id, String displayTitle, String publishedAt, Instant fetchedAt,
                            List<TopicScore> topics) {
    public StoredArticle {
        topics = topics == null ? List.of() : List.copyOf(topics);
    }

    static StoredArticle of(EnrichedArticle article) {
        return new StoredArticle(article.id(), article.displayTitle(), article.publishedAt(), article.fetchedAt(),
                article.topics());
    }

    /** The day the article counts on, as in the aggregates ({@link OrgContribution#dayOf}). */
    public String day() {
        return OrgContribution.dayOf(publishedAt, fetchedAt);
    }
}
