package vn.unionnews.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.apache.kafka.clients.producer.ProducerRecord;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.DeadLetter;

/** Builds the DLQ record for a value a stage could not process: keyed by the original key, JSON value. */
public final class DeadLetters {
    private static final JsonSerde<DeadLetter> SERDE = JsonSerde.of(DeadLetter.class);

    private DeadLetters() {
    }

    /** Where the failed record came from. */
    public record Origin(String stage, String topic, int partition, long offset) {
    }

    public static ProducerRecord<byte[], byte[]> record(String dlqTopic, Origin origin, byte[] key, byte[] value,
                                                        Throwable error) {
        DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, origin.stage(), origin.topic(),
                origin.partition(), origin.offset(), StageFailure.messages(error), error.getClass().getName(),
                key == null ? null : new String(key, StandardCharsets.UTF_8),
                value == null ? null : Base64.getEncoder().encodeToString(value),
                utf8OrNull(value), Instant.now(), StageFailure.thrownAt(error));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(dlqTopic, key, SERDE.serialize(dlqTopic, letter));
        EventHeaders.put(record.headers(), EventHeaders.STAGE, origin.stage());
        return record;
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
