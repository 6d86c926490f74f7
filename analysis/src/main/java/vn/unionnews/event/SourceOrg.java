package vn.unionnews.event;

/**
 * The organisation that published a page: canonical name and a type id from TAXONOMY.md; either may be null when
 * unknown (a site no data file names has a name but no type), and a blank one is unknown.
 */
public record SourceOrg(String name, String type) {
    public static final SourceOrg UNKNOWN = new SourceOrg(null, null);

    public SourceOrg {
        name = name == null || name.isBlank() ? null : name;
        type = type == null || type.isBlank() ? null : type;
    }

    /** The aggregate key for this source: its name, or a fixed placeholder when unknown. */
    public String keyOrUnknown() {
        return name == null ? "(unknown source)" : name;
    }
}
