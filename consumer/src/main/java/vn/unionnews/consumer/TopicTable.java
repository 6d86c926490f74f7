package vn.unionnews.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * A compacted topic as a live table: a thread follows the topic (every partition, from the beginning, no group,
 * read_committed) and keeps the latest value per key, a null value deleting it. The alert subscriptions and the
 * organisations' aggregates are read this way: a subscription added or removed applies to the next article,
 * without restarting anything. An unreadable record is logged and skipped.
 */
public final class TopicTable<V> implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTable.class);

    private final String topic;
    private final JsonSerde<V> serde;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, V> current = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public TopicTable(UnionNewsConfig config, String topic, Class<V> type) {
        this.topic = topic;
        this.serde = JsonSerde.of(type);
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The values in force now. */
    public Collection<V> values() {
        return List.copyOf(current.values());
    }

    /** The value of {@code key} now, or null. */
    public V get(String key) {
        return current.get(key);
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                consumer.poll(Duration.ofMillis(500)).forEach(this::apply);
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        String id = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        if (id == null) {
            LOG.warn("Record without a key at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            current.remove(id);
            return;
        }
        try {
            current.put(id, serde.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Unreadable record {} in {} skipped: {}", id, topic, e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
