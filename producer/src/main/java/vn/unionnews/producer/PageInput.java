package vn.unionnews.producer;

import vn.unionnews.page.RawPage;

/**
 * One page to publish and where it came from ({@code seeds/000.txt}, {@code stdin:12}), or the reason it
 * could not even be read as a page, with its original bytes.
 */
public record PageInput(String origin, RawPage page, String readError, byte[] originalBytes) {

    public static PageInput of(String origin, RawPage page) {
        return new PageInput(origin, page, null, null);
    }

    public static PageInput unreadable(String origin, String reason, byte[] originalBytes) {
        return new PageInput(origin, null, reason, originalBytes);
    }
}
