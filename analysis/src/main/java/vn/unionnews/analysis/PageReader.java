package vn.unionnews.analysis;

import java.util.List;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.page.ArticleIds;
import vn.unionnews.page.PageException;
import vn.unionnews.page.PageParser;
import vn.unionnews.page.ParsedPage;
import vn.unionnews.page.RawPage;
import vn.unionnews.text.Datelines;
import vn.unionnews.text.SentenceSplitter;

/**
 * The producer's stage: a scraped page → its article event (body without boilerplate or captions, title, date,
 * source, sentences), keyed by a stable id. Thread-safe; build one per process and reuse it, so that it learns the
 * templates of the sites it reads.
 */
public final class PageReader {
    /** How much of a plain-text page is read: five times the longest body, room for its menus and captions. */
    static final int MAX_TEXT_PAGE_CHARS = 5 * ArticleEvent.MAX_BODY_CHARS;
    private final PageParser parser = new PageParser();

    /**
     * A page as an article event; throws {@link PageException} for a page that cannot be an article. A body longer than
     * {@link ArticleEvent#MAX_BODY_CHARS} is cut after its last whole paragraph within the limit (a first paragraph
     * longer than that at its last sentence or word break) and the event says {@code truncated}. A plain-text page
     * longer than {@value #MAX_TEXT_PAGE_CHARS} characters is read only that far (its body could not be kept
     * whole anyway), so that a 20 MB dump costs what a long report does.
     */
    public ArticleEvent read(RawPage page) {
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
        // A newspaper's dateline ("LCĐT – ") names the source: the sentence it opens starts after it.
        List<String> sentences = SentenceSplitter.split(body).stream().map(Datelines::strip).toList();
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

}
