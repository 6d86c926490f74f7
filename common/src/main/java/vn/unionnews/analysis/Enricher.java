package vn.unionnews.analysis;

import java.util.List;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.TopicScore;

/**
 * What the Streams topology adds to an article. At this stage: the source organisation as the one known
 * organisation and the topic {@code other}; classification, organisation and metric extraction plug in here.
 */
public final class Enricher {
    public static final String OTHER_TOPIC = "other";

    public EnrichedArticle enrich(ArticleEvent article) {
        List<OrgMention> organizations = article.source().name() == null ? List.of()
                : List.of(new OrgMention(article.source().name(), article.source().type(), 1));
        return EnrichedArticle.of(article, List.of(new TopicScore(OTHER_TOPIC, 0.0)), OTHER_TOPIC, organizations,
                List.of());
    }
}
