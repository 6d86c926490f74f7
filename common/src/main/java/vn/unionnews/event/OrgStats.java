package vn.unionnews.event;

/**
 * One organisation's aggregates, keyed by its canonical name: the value of {@code org-stats}. Every field is
 * kept by adding an article's contribution and subtracting it again when the article is replaced.
 */
public record OrgStats(
        int schemaVersion,
        String name,
        String type,
        long articleCount) {

    public static final int SCHEMA_VERSION = 1;

    public static OrgStats empty() {
        return new OrgStats(SCHEMA_VERSION, null, null, 0);
    }

    /** This organisation with one more article published by it. */
    public OrgStats plus(String orgName, EnrichedArticle article) {
        String knownType = type != null ? type : article.source().type();
        return new OrgStats(SCHEMA_VERSION, orgName, knownType, articleCount + 1);
    }

    /** This organisation with the contribution of a replaced article taken back. */
    public OrgStats minus(String orgName, EnrichedArticle article) {
        return new OrgStats(SCHEMA_VERSION, orgName, type, Math.max(0, articleCount - 1));
    }
}
