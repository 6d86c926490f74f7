package vn.unionnews.event;

/** One union topic (an id from TAXONOMY.md) and how strongly the article is about it, in [0, 1]. */
public record TopicScore(String id, double score) {
}
