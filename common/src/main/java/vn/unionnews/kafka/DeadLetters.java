package vn.unionnews.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.DeadLetter;

/** Builds the DLQ record for a value a stage could not process: keyed by the original key, JSON value. */
public final class DeadLetters {
    private static final JsonSerde<DeadLetter> SERDE = JsonSerde.of(DeadLetter.class);
    /** Kafka's default {@code max.request.size}. */
    public static final int DEFAULT_MAX_REQUEST_SIZE = 1024 * 1024;
    /** What a record needs besides its value within {@code max.request.size}: key, headers, batch overhead. */
    public static final int RECORD_OVERHEAD = 16 * 1024;

    private DeadLetters() {
    }

    /** Where the failed record came from. */
    public record Origin(String stage, String topic, int partition, long offset) {
    }

    /** The DLQ record, at most a default {@code max.request.size} (1 MiB) large. */
    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, Origin origin, byte[] key, byte[] value,
                                                        Throwable error) {
        return record(dlqTopic, origin, key, value, error, DEFAULT_MAX_REQUEST_SIZE);
    }

    /**
     * The DLQ record, with the original value as it came (Base64, and as text when it is valid UTF-8), unless that
     * would make it larger than {@code maxRecordBytes} (the writing producer's {@code max.request.size}): then
     * without the text, and if need be without the Base64; {@code originalValueBytes} tells the value's length.
     */
    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, Origin origin, byte[] key, byte[] value,
                                                        Throwable error, int maxRecordBytes) {
        String base64 = value == null ? null : Base64.getEncoder().encodeToString(value);
        String text = utf8OrNull(value);
        byte[] letter = serialize(dlqTopic, origin, key, value, error, base64, text);
        int budget = maxRecordBytes - RECORD_OVERHEAD;
        if (letter.length > budget && text != null) {
            letter = serialize(dlqTopic, origin, key, value, error, base64, null);
        }
        if (letter.length > budget) {
            letter = serialize(dlqTopic, origin, key, value, error, null, null);
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, key, letter);
        EventHeaders.put(record.headers(), EventHeaders.STAGE, origin.stage());
        return record;
    }

    /**
     * The {@code max.request.size} of a producer configured by {@code configs}: its {@code producer.}-prefixed key
     * (Streams' form), else the plain key, else Kafka's default.
     */
    public static int maxRequestSize(Map<?, ?> configs) {
        Object size = configs.get("producer." + ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        if (size == null) {
            size = configs.get(ProducerConfig.MAX_REQUEST_SIZE_CONFIG);
        }
        return size == null ? DEFAULT_MAX_REQUEST_SIZE : Integer.parseInt(size.toString().trim());
    }

    private static byte[] serialize(String dlqTopic, Origin origin, byte[] key, byte[] value, Throwable error,
                                    String base64, String text) {
        return SERDE.serialize(dlqTopic, new DeadLetter(DeadLetter.SCHEMA_VERSION, origin.stage(), origin.topic(),
                origin.partition(), origin.offset(), StageFailure.messages(error), error.getClass().getName(),
                key == null ? null : new String(key, StandardCharsets.UTF_8), base64, text, Instant.now(),
                StageFailure.thrownAt(error), value == null ? null : value.length));
    }

    private static String utf8OrNull(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
