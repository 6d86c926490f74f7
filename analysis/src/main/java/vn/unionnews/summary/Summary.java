package vn.unionnews.summary;

import java.util.List;

/** An extractive summary: sentences of the article, in article order, and the summariser's name. */
public record Summary(String method, List<String> sentences) {
    public Summary {
        sentences = List.copyOf(sentences);
    }

    public String text() {
        return String.join(" ", sentences);
    }
}
