package vn.unionnews.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.TimeoutException;
import vn.unionnews.analysis.SpikeAlerts;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * Which alerts the consumer has raised, kept per input partition as Kafka Streams keeps a task's state: in the
 * compacted {@code alerts-raised} topic, one partition per input partition, written only by its owner.
 *
 * <p>The keys ({@code <article id> <rule>}, or the spike rule) raised while processing input partition {@code p}
 * go, in the alerts' transaction, to the partition reserved for it (one block of partitions per input topic, in
 * the order given). An instance assigned an input partition reads its one partition to the end, waiting for a
 * predecessor's transaction there to commit or abort. Used by the consumer's poll thread only.
 */
final class RaisedAlerts implements AutoCloseable {
    private final UnionNewsConfig config;
    private final String topic;
    /** Each input topic's partitions of {@code alerts-raised}. */
    private final Map<String, Block> blocks;
    private final Map<TopicPartition, Set<String>> keys = new HashMap<>();
    private final Admin admin;

    /** An input topic's {@code size} partitions from {@code first} on. */
    private record Block(int first, int size) {
    }

    private RaisedAlerts(UnionNewsConfig config, Map<String, Block> blocks) {
        this.config = config;
        this.topic = config.topics().alertsRaised();
        this.blocks = Map.copyOf(blocks);
        this.admin = Admin.create(config.clientProperties("admin"));
    }

    /**
     * The layout for the consumer's input topics as they are partitioned now; gives {@code alerts-raised} a
     * partition for every input partition if it has fewer.
     */
    static RaisedAlerts open(UnionNewsConfig config, KafkaConsumer<?, ?> consumer, List<String> inputs) {
        Map<String, Block> blocks = new HashMap<>();
        int next = 0;
        for (String input : inputs) {
            Block block = new Block(next, consumer.partitionsFor(input, Duration.ofSeconds(30)).size());
            blocks.put(input, block);
            next += block.size();
        }
        TopicAdmin.ensurePartitions(config, config.topics().alertsRaised(), next);
        return new RaisedAlerts(config, blocks);
    }

    /** The key an alert is remembered by: an article raises each rule once, a spike is raised once. */
    static String key(String articleId, String rule) {
        return rule.startsWith(SpikeAlerts.RULE_PREFIX) ? rule : articleId + ' ' + rule;
    }

    /**
     * Learns what was raised for newly assigned input partitions: reads their partitions of {@code alerts-raised}
     * up to the high watermark, so past any transaction a predecessor left open there, once it has ended.
     */
    void load(Collection<TopicPartition> inputs, Duration deadline) {
        Map<Integer, TopicPartition> byPartition = new HashMap<>();
        for (TopicPartition input : inputs) {
            byPartition.put(partition(input), input);
            keys.put(input, new HashSet<>());
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        byPartition.keySet().forEach(p -> latest.put(new TopicPartition(topic, p), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        try {
            admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)
                            .timeoutMs((int) deadline.toMillis())).all().get()
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
        } catch (ExecutionException e) {
            throw new TimeoutException("Cannot find the end of " + latest.keySet() + ": " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
        try (TopicReader reader = new TopicReader(config, ends.keySet())) {
            reader.readTo(ends, event -> {
                Set<String> raised = keys.get(byPartition.get(event.partition()));
                if (event.key() != null && event.json() != null) {
                    raised.add(event.key());
                } else if (event.key() != null) {
                    raised.remove(event.key());
                }
            }, deadline);
        }
    }

    /** Whether the input topics have more partitions than this layout has room for (they were repartitioned). */
    void checkLayout(Collection<TopicPartition> inputs) {
        for (TopicPartition input : inputs) {
            Block block = blocks.get(input.topic());
            if (block != null && input.partition() >= block.size()) {
                throw new IllegalStateException(input.topic() + " has more partitions than the " + block.size()
                        + " it had when this consumer started: restart the consumers (alerts already raised for the"
                        + " moved articles may be raised once more)");
            }
        }
    }

    /** Forgets revoked or lost input partitions: their next owner loads them. */
    void forget(Collection<TopicPartition> inputs) {
        inputs.forEach(keys::remove);
    }

    boolean contains(TopicPartition input, String key) {
        Set<String> raised = keys.get(input);
        return raised != null && raised.contains(key);
    }

    /** Remembers keys whose transaction has committed. */
    void addAll(TopicPartition input, Collection<String> raised) {
        keys.computeIfAbsent(input, p -> new HashSet<>()).addAll(raised);
    }

    /** The record that remembers {@code alert} for {@code input}, to send in the alert's transaction. */
    ProducerRecord<byte[], byte[]> record(TopicPartition input, AlertEvent alert) {
        String key = key(alert.articleId(), alert.rule());
        try {
            byte[] value = Json.mapper().writeValueAsBytes(Map.of("schemaVersion", 1, "articleId", alert.articleId(),
                    "rule", alert.rule(), "input", input.toString()));
            return new ProducerRecord<>(topic, partition(input), key.getBytes(StandardCharsets.UTF_8), value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the raised alert " + key + " as JSON", e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }

    private int partition(TopicPartition input) {
        Block block = blocks.get(input.topic());
        if (block == null) {
            throw new IllegalArgumentException("not an input topic of the consumer: " + input.topic());
        }
        return block.first() + input.partition();
    }
}
