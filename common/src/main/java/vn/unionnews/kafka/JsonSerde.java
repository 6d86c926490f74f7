package vn.unionnews.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON (UTF-8) serde for the event records, usable by plain clients and by Kafka Streams.
 * A null value is a tombstone both ways; a value that cannot be read throws {@link SerializationException}
 * naming the topic and the type, which the stages turn into a DLQ record.
 */
public final class JsonSerde<T> implements Serde<T>, Serializer<T>, Deserializer<T> {
    private final Class<T> type;

    public JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot write " + type.getSimpleName() + " to " + topic + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        try {
            T value = Json.mapper().readValue(data, type);
            if (value == null) {
                throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic
                        + ": the value is JSON null");
            }
            return value;
        } catch (IOException e) {
            throw new SerializationException("Cannot read " + type.getSimpleName() + " from " + topic + ": "
                    + reason(e), e);
        }
    }

    /** The validation message of a record's constructor when that is what failed, else Jackson's own. */
    private static String reason(IOException e) {
        if (e.getCause() instanceof IllegalArgumentException invalid) {
            return invalid.getMessage();
        }
        return e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // the type is fixed at construction: nothing to configure
    }

    @Override
    public void close() {
        // stateless: nothing to release
    }

    @Override
    public Serializer<T> serializer() {
        return this;
    }

    @Override
    public Deserializer<T> deserializer() {
        return this;
    }
}
