package vn.unionnews.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * Reads {@code output} as any {@code read_committed} client would, from the beginning, without joining a
 * group or committing offsets: what the demo prints and what tests check exactly-once with.
 */
public final class OutputReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    /** One output record: key (article id), {@code event-type} header, JSON value. */
    public record OutputEvent(String key, String eventType, String json, int partition, long offset) {
    }

    public OutputReader(UnionNewsConfig config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "union-news-output-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        String topic = config.topics().output();
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Hands every committed output event to {@code handler} until it returns false or {@code timeout}
     * passes; returns whether the handler asked to stop (false means the time ran out).
     */
    public boolean read(Predicate<OutputEvent> handler, Duration timeout) {
        long start = System.nanoTime();
        long limit = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : timeout.toNanos();
        while (System.nanoTime() - start < limit) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                OutputEvent event = new OutputEvent(
                        r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                        EventHeaders.get(r.headers(), EventHeaders.EVENT_TYPE),
                        r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                        r.partition(), r.offset());
                if (!handler.test(event)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Interrupts a {@link #read} in progress from another thread. */
    public void wakeup() {
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
