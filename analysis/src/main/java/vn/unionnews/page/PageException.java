package vn.unionnews.page;

/** A page that cannot be an article; {@code code} is the stable error code of CONTRACT.md's error object. */
public final class PageException extends RuntimeException {
    private final String code;

    public PageException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
