package vn.unionnews.event;

/** An organisation named in an article: canonical name, type from TAXONOMY.md, number of mentions. */
public record OrgMention(String name, String type, int mentions) {
}
