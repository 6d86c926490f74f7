package vn.unionnews.analysis;

import java.util.List;
import java.util.function.Supplier;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.page.PageException;
import vn.unionnews.page.RawPage;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;

/**
 * The whole per-article analysis without Kafka, the very code the stages run: page → article event (producer),
 * article → enriched article (streams), enriched article → summary (consumer). {@code analyze} chains them.
 */
public final class ArticleAnalyzer {
    /** The error code of a page that made a step of the analysis fail: a bug, to be reported with the page. */
    public static final String UNREADABLE = "unreadable";
    private final PageReader reader = new PageReader();
    private final Enricher enricher = new Enricher();
    private final Summarizer summarizer;

    public ArticleAnalyzer(int summarySentences) {
        this(summarySentences, 0);
    }

    /** @param summaryWords an upper bound on summary length in syllables, 0 for none */
    public ArticleAnalyzer(int summarySentences, int summaryWords) {
        this.summarizer = Summarizers.standard(summarySentences, summaryWords);
    }

    /** The producer's step: {@link PageReader#read}. */
    public ArticleEvent toArticle(RawPage page) {
        return reader.read(page);
    }

    public EnrichedArticle enrich(ArticleEvent article) {
        return enricher.enrich(article);
    }

    public Summary summarize(EnrichedArticle article) {
        return ArticleOutputs.summary(article, summarizer);
    }

    /**
     * Everything at once, as {@code union-news analyze} prints it; never throws. A page that is not an article gets
     * its error code; a step that fails gets {@value #UNREADABLE}, with a message naming the step, the page or
     * article, and the exception.
     */
    public Analysis analyze(RawPage page) {
        ArticleEvent article;
        try {
            article = step("parse", page.id() != null ? "page " + page.id() : page.url(), () -> toArticle(page));
        } catch (PageException e) {
            return Analysis.failed(page.id(), e.code(), e.getMessage());
        } catch (StageFailure e) {
            return Analysis.failed(page.id(), UNREADABLE, e.getMessage());
        }
        String input = "article " + article.id();
        try {
            EnrichedArticle enriched = step("enrich", input, () -> enrich(article));
            Summary summary = step("summarise", input, () -> summarize(enriched));
            List<AlertEvent> alerts = step("alerts", input, () -> ArticleOutputs.alerts(enriched, summary, List.of()));
            return new Analysis(article.id(), article.title(), article.displayTitle(), article.publishedAt(),
                    article.source(), article.author(), article.category(), article.body(), article.sentences(),
                    article.captions(), enriched.topics(), enriched.primaryTopic(), enriched.topicEvidence(),
                    enriched.organizations(), enriched.provinces(), enriched.metrics(),
                    new Analysis.SummaryView(summary.method(), summary.sentences(), summary.text()), alerts,
                    article.truncated(), null);
        } catch (StageFailure e) {
            return Analysis.failed(article.id(), UNREADABLE, e.getMessage());
        }
    }

    /**
     * One step of {@link #analyze}: what it returns, a {@link PageException} as it is, any other failure as a
     * {@link StageFailure}. A stack overflow is a page nested too deep for a recursive step, not a broken JVM.
     */
    private static <T> T step(String stage, String input, Supplier<T> step) {
        try {
            return step.get();
        } catch (PageException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError e) {
            throw new StageFailure(stage, input, e);
        }
    }
}
