package vn.unionnews.page;

import java.time.Instant;

/**
 * A page as a scraper hands it over (CONTRACT.md's JSON Lines input): {@code text} or {@code html} is
 * required; {@code title} given means the page's title is known; {@code source} is the scraper's name for
 * the site, a hint only.
 */
public record RawPage(String id, String url, Instant fetchedAt, String source, String title, String text,
                      String html) {

    /** A plain-text page, or HTML when it starts with '<'. */
    public static RawPage ofContent(String content) {
        boolean html = content.stripLeading().startsWith("<");
        return new RawPage(null, null, null, null, null, html ? null : content, html ? content : null);
    }

    public RawPage withFetchedAt(Instant time) {
        return new RawPage(id, url, time, source, title, text, html);
    }

    public RawPage withText(String newText) {
        return new RawPage(id, url, fetchedAt, source, title, newText, html);
    }

    public RawPage withId(String newId) {
        return new RawPage(newId, url, fetchedAt, source, title, text, html);
    }
}
