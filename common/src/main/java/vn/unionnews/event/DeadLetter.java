package vn.unionnews.event;

import java.time.Instant;

/**
 * A record a stage could not process, written to {@code dlq} under its original key: where it came from, why it
 * failed ({@code error} the messages, {@code exception} the class, {@code thrownAt} the code that threw it: the only
 * clue an exception without a message leaves), and its original bytes (Base64, plus the UTF-8 text when the bytes
 * are valid UTF-8). {@code thrownAt} was added after version 1's first fields, so readers must not require it.
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
        String thrownAt) {

    public static final int SCHEMA_VERSION = 1;
}
