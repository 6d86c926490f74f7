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
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * The live set of alert subscriptions: a thread follows the compacted {@code subscriptions} topic (every
 * partition, from the beginning, no group) and keeps the latest value per id, a null value deleting it. A
 * subscription added or removed is applied to the next article, without restarting anything. An unreadable
 * subscription is logged and skipped.
 */
public final class SubscriptionsView implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionsView.class);
    private static final JsonSerde<Subscription> SUBSCRIPTION = JsonSerde.of(Subscription.class);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Subscription> current = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    public SubscriptionsView(UnionNewsConfig config) {
        this.topic = config.topics().subscriptions();
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The subscriptions in force now. */
    public Collection<Subscription> current() {
        return List.copyOf(current.values());
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
            LOG.warn("Subscription without a key at {}-{}@{} skipped", record.topic(), record.partition(), record.offset());
            return;
        }
        if (record.value() == null) {
            current.remove(id);
            return;
        }
        try {
            current.put(id, SUBSCRIPTION.deserialize(record.topic(), record.value()));
        } catch (RuntimeException e) {
            LOG.warn("Unreadable subscription {} skipped: {}", id, e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
