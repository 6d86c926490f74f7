package vn.unionnews.event;

import java.time.Instant;

/**
 * A record a stage could not process, written to {@code dlq} under its original key: where it came from, why it
 * failed ({@code error} the messages, {@code exception} the class, {@code thrownAt} the code that threw it: the only
 * clue an exception without a message leaves), and its original bytes (Base64, plus the UTF-8 text when the bytes
 * are valid UTF-8). {@code originalValueBytes} is the length of the original value: when the value is too large for
 * a record of its own beside the rest, the text is left out, and if need be the Base64 too (the input, a file or a
 * partition and offset, still holds it). {@code thrownAt} and {@code originalValueBytes} were added after version
 * 1's first fields, so readers must not require them.
 */
public record DeadLetter(
        int schemaVersion,
        String stage,
        String topic,
        int partition,
        long offset,
        String error,
        String exception,
        String originalKey,
        String originalValueBase64,
        String originalValueText,
        Instant failedAt,
        String thrownAt,
        Integer originalValueBytes) {

    public static final int SCHEMA_VERSION = 1;
}
