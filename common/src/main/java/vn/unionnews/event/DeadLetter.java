package vn.unionnews.event;

import java.time.Instant;

/**
 * A record a stage could not process, written to {@code dlq} under its original key: where it came from,
 * why it failed, and its original bytes (Base64, plus the UTF-8 text when the bytes are valid UTF-8).
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
        Instant failedAt) {

    public static final int SCHEMA_VERSION = 1;
}
