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
 * Reads one topic as any {@code read_committed} client would, from the beginning, without joining a group or
 * committing offsets: how the demo prints {@code output}, and how tests check {@code output} and {@code dlq}.
 */
public final class TopicReader implements AutoCloseable {
    private final KafkaConsumer<byte[], byte[]> consumer;

    /** One record: key (article id or original key), {@code event-type} header if any, JSON value. */
    public record Event(String key, String eventType, String json, int partition, long offset) {
    }

    /** A reader of the {@code output} topic. */
    public TopicReader(UnionNewsConfig config) {
        this(config, config.topics().output());
    }

    public TopicReader(UnionNewsConfig config, String topic) {
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "union-news-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /**
     * Hands every committed record to {@code handler} until it returns false or {@code timeout}
     * passes; returns whether the handler asked to stop (false means the time ran out).
     */
    public boolean read(Predicate<Event> handler, Duration timeout) {
        long start = System.nanoTime();
        long limit = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : timeout.toNanos();
        while (System.nanoTime() - start < limit) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                Event event = new Event(
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
