package vn.unionnews.analysis;

import java.util.List;
import java.util.function.Supplier;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.page.ArticleIds;
import vn.unionnews.page.PageException;
import vn.unionnews.page.PageParser;
import vn.unionnews.page.ParsedPage;
import vn.unionnews.page.RawPage;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.SentenceSplitter;

/**
 * The whole per-article analysis without Kafka, the very code the stages run: page → article event (producer),
 * article → enriched article (streams), enriched article → summary (consumer). {@code analyze} chains them.
 */
public final class ArticleAnalyzer {
    /** The error code of a page that made a step of the analysis fail: a bug, to be reported with the page. */
    public static final String UNREADABLE = "unreadable";
    /** How much of a plain-text page is read: five times the longest body, room for its menus and captions. */
    static final int MAX_TEXT_PAGE_CHARS = 5 * ArticleEvent.MAX_BODY_CHARS;
    private final PageParser parser = new PageParser();
    private final Enricher enricher = new Enricher();
    private final Alerter alerter = new Alerter();
    private final Summarizer summarizer;

    public ArticleAnalyzer(int summarySentences) {
        this(summarySentences, 0);
    }

    /** @param summaryWords an upper bound on summary length in syllables, 0 for none */
    public ArticleAnalyzer(int summarySentences, int summaryWords) {
        this.summarizer = Summarizers.standard(summarySentences, summaryWords);
    }

    /**
     * The producer's step; throws {@link PageException} for a page that cannot be an article. A body longer than
     * {@link ArticleEvent#MAX_BODY_CHARS} is cut after its last whole paragraph within the limit (a first paragraph
     * longer than that at its last sentence or word break) and the event says {@code truncated}. A plain-text page
     * longer than {@value #MAX_TEXT_PAGE_CHARS} characters is read only that far (its body could not be kept
     * whole anyway), so that a 20 MB dump costs what a long report does.
     */
    public ArticleEvent toArticle(RawPage page) {
        String text = page.text();
        boolean cutPage = text != null && text.length() > MAX_TEXT_PAGE_CHARS;
        ParsedPage parsed = parser.parse(cutPage ? page.withText(cut(text, MAX_TEXT_PAGE_CHARS)) : page);
        String body = parsed.body();
        String id = page.id() != null && !page.id().isBlank() ? page.id()
                : ArticleIds.forPage(page.url(), parsed.title(), body);
        boolean truncated = cutPage || body.length() > ArticleEvent.MAX_BODY_CHARS;
        if (truncated) {
            body = cut(body, ArticleEvent.MAX_BODY_CHARS);
        }
        List<String> sentences = SentenceSplitter.split(body);
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, page.url(), parsed.source(), page.fetchedAt(),
                parsed.publishedAt(), parsed.title(), body, parsed.author(), parsed.category(), sentences,
                parsed.displayTitle(), parsed.captions(), truncated);
    }

    /**
     * The longest start of {@code body} of at most {@code limit} characters that ends at a paragraph break, else
     * at a line break, else at a sentence end, else at a space, else at the limit (never inside a surrogate pair).
     */
    static String cut(String body, int limit) {
        int end = body.lastIndexOf("\n\n", limit);
        if (end <= 0) {
            end = body.lastIndexOf('\n', limit);
        }
        if (end <= 0) {
            end = Math.max(body.lastIndexOf(". ", limit - 1) + 1, 0);
        }
        if (end <= 0) {
            end = Math.max(body.lastIndexOf(' ', limit), 0);
        }
        if (end <= 0) {
            end = Character.isHighSurrogate(body.charAt(limit - 1)) ? limit - 1 : limit;
        }
        return body.substring(0, end).strip();
    }

    public EnrichedArticle enrich(ArticleEvent article) {
        return enricher.enrich(article);
    }

    public Summary summarize(EnrichedArticle article) {
        return summarizer.summarize(article.displayTitle(), article.sentences());
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
            List<AlertEvent> alerts = step("alerts", input, () -> alerter.alerts(enriched, summary, List.of()));
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
