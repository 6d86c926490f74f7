package vn.unionnews.analysis;

import java.util.Collection;
import java.util.List;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.Subscription;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summary;

/**
 * The consumer's stage: what an enriched article puts in the output, its summary and the alerts it raises
 * (the default rules and the subscriptions it matches, {@link Alerter}). Raising an alert once per article and
 * rule is the caller's part. The two steps are public apart too, so that a caller can tell which one failed.
 */
public record ArticleOutputs(Summary summary, List<AlertEvent> alerts) {
    private static final Alerter ALERTER = new Alerter();

    public ArticleOutputs {
        alerts = List.copyOf(alerts);
    }

    public static ArticleOutputs of(EnrichedArticle article, Summarizer summarizer,
                                    Collection<Subscription> subscriptions) {
        Summary summary = summary(article, summarizer);
        return new ArticleOutputs(summary, alerts(article, summary, subscriptions));
    }

    /** The article's summary, of its display title and its sentences. */
    public static Summary summary(EnrichedArticle article, Summarizer summarizer) {
        return summarizer.summarize(article.displayTitle(), article.sentences());
    }

    /** The alerts the article with this summary raises. */
    public static List<AlertEvent> alerts(EnrichedArticle article, Summary summary,
                                          Collection<Subscription> subscriptions) {
        return ALERTER.alerts(article, summary, subscriptions);
    }
}
