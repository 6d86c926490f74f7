package vn.unionnews.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Record headers the stages write: {@code event-type} on output records, {@code stage} on DLQ records. */
public final class EventHeaders {
    public static final String EVENT_TYPE = "event-type";
    public static final String STAGE = "stage";

    private EventHeaders() {
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The header's last value as UTF-8 text, or null when absent. */
    public static String get(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
