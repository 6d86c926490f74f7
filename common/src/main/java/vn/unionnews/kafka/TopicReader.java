package vn.unionnews.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads one topic as any {@code read_committed} client would, from the beginning, without joining a group or
 * committing offsets: how the demo prints {@code output}, how tests check {@code output} and {@code dlq}, and
 * how the compacted topics are read as tables ({@link TopicTable}).
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

    /** A reader of every partition of {@code topic}. */
    public TopicReader(UnionNewsConfig config, String topic) {
        consumer = newConsumer(config);
        try {
            assign(consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList());
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    /** A reader of these partitions only. */
    public TopicReader(UnionNewsConfig config, Collection<TopicPartition> partitions) {
        consumer = newConsumer(config);
        assign(partitions);
    }

    private static KafkaConsumer<byte[], byte[]> newConsumer(UnionNewsConfig config) {
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "union-news-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private void assign(Collection<TopicPartition> partitions) {
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
                if (!handler.test(event(r))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Hands every committed record up to the topic's end as it is now to {@code handler}: what the topic says
     * at this moment (the live subscriptions, the alerts already raised). Fails after {@code deadline}.
     */
    public void readToEnd(Consumer<Event> handler, Duration deadline) {
        readTo(consumer.endOffsets(consumer.assignment(), deadline), handler, deadline);
    }

    /**
     * Hands every committed record before the offsets {@code ends} to {@code handler}. Past the last stable offset,
     * this waits for open transactions there to end (committed or aborted). Fails after {@code deadline}.
     */
    public void readTo(Map<TopicPartition, Long> ends, Consumer<Event> handler, Duration deadline) {
        Set<TopicPartition> partitions = ends.keySet();
        long stop = System.nanoTime() + deadline.toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > stop) {
                throw new TimeoutException("Could not read " + partitions + " to offsets " + ends + " within "
                        + deadline);
            }
            consumer.poll(Duration.ofMillis(200)).forEach(r -> handler.accept(event(r)));
        }
    }

    private static Event event(ConsumerRecord<byte[], byte[]> r) {
        return new Event(
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                EventHeaders.get(r.headers(), EventHeaders.EVENT_TYPE),
                r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8),
                r.partition(), r.offset());
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
