package vn.unionnews.page;

import java.util.List;
import vn.unionnews.event.SourceOrg;

/**
 * What page understanding found on a page: metadata, the clean body as paragraphs in order, and the photo
 * captions that were kept out of it. {@code displayTitle} is the title for display: the title itself, or its
 * sentence-case form when the page prints it in capitals.
 */
public record ParsedPage(
        String title,
        String displayTitle,
        String publishedAt,
        SourceOrg source,
        String author,
        String category,
        List<String> paragraphs,
        List<String> captions) {

    public ParsedPage {
        paragraphs = List.copyOf(paragraphs);
        captions = List.copyOf(captions);
    }

    /** The body as CONTRACT.md shows it: paragraphs separated by a blank line. */
    public String body() {
        return String.join("\n\n", paragraphs);
    }
}
