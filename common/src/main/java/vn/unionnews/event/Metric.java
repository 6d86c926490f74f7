package vn.unionnews.event;

/** A quantity the article reports: metric type from TAXONOMY.md, its value and the text it was read from. */
public record Metric(String type, double value, String text, String organization) {
}
