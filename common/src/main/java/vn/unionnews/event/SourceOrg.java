package vn.unionnews.event;

/** The organisation that published a page: canonical name and a type id from TAXONOMY.md; both may be null when unknown. */
public record SourceOrg(String name, String type) {
    public static final SourceOrg UNKNOWN = new SourceOrg(null, null);

    /** The aggregate key for this source: its name, or a fixed placeholder when unknown. */
    public String keyOrUnknown() {
        return name == null || name.isBlank() ? "(unknown source)" : name;
    }
}
