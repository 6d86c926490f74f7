package vn.unionnews.page;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import vn.unionnews.event.Digests;
import vn.unionnews.text.VietnameseText;

/**
 * Stable article ids, so that a re-scrape of a page lands on the same Kafka key: 16 hex digits of SHA-256
 * over the canonical URL when there is one (scheme and host lower-cased, fragment, tracking parameters and
 * trailing slash dropped), else over the normalised title and body.
 */
public final class ArticleIds {
    private static final int LENGTH = 16;

    private ArticleIds() {
    }

    public static String forPage(String url, String title, String body) {
        if (url != null && !url.isBlank()) {
            return hash("url:" + canonicalUrl(url));
        }
        return hash("text:" + fold(title == null ? "" : title) + "\n" + fold(body));
    }

    static String canonicalUrl(String url) {
        String trimmed = url.strip();
        try {
            URI uri = new URI(trimmed);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return trimmed;
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !p.toLowerCase(Locale.ROOT).startsWith("utm_")
                            && !p.toLowerCase(Locale.ROOT).startsWith("fbclid"))
                    .sorted()
                    .collect(Collectors.joining("&"));
            String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            scheme = scheme.equals("http") ? "https" : scheme;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "")
                    + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path
                    + (query == null || query.isEmpty() ? "" : "?" + query);
        } catch (URISyntaxException e) {
            return trimmed;
        }
    }

    /** Case, spacing and line breaks do not make a different article. */
    private static String fold(String text) {
        return VietnameseText.normalize(text).toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
    }

    private static String hash(String text) {
        return Digests.sha256Hex(text).substring(0, LENGTH);
    }
}
