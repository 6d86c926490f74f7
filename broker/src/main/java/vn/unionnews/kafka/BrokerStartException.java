package vn.unionnews.kafka;

/** The embedded broker could not start; the message is one line a user can act on. */
public final class BrokerStartException extends RuntimeException {
    public BrokerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
