package vn.unionnews.page;

import java.util.List;
import vn.unionnews.event.SourceOrg;

/** What page understanding found on a page: metadata and the clean body as paragraphs, in order. */
public record ParsedPage(
        String title,
        String publishedAt,
        SourceOrg source,
        String author,
        String category,
        List<String> paragraphs) {

    public ParsedPage {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The body as CONTRACT.md shows it: paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
