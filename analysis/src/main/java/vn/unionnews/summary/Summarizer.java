package vn.unionnews.summary;

import java.util.List;

/** An extractive summariser: picks some of an article's sentences and returns them in article order. */
public interface Summarizer {
    /**
     * @param title     the article's title, or null
     * @param sentences the article's sentences, in order
     */
    Summary summarize(String title, List<String> sentences);
}
