package vn.unionnews.consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * Which alerts the consumer has raised, kept per input partition the way Kafka Streams keeps a task's state: the
 * keys ({@code <article id> <rule>}, or the spike rule) raised while processing input partition {@code p} of a
 * topic are written, in the same transaction as the alerts, to one partition of the compacted
 * {@code alerts-raised} topic reserved for it (one block of partitions per input topic, in the order given).
 * Only the owner of an input partition writes to its partition of {@code alerts-raised}, so an instance that is
 * assigned an input partition learns everything raised for it by reading that one partition to its last stable
 * offset, once the committed offsets of the input partition are stable (KIP-447: a predecessor's transaction has
 * then either committed or can no longer commit). Memory and start-up work grow with the alerts of the assigned
 * partitions, not with {@code output}.
 *
 * <p>Used by the consumer's poll thread only.
 */
final class RaisedAlerts {
    private final UnionNewsConfig config;
    private final String topic;
    /** Each input topic's first partition of {@code alerts-raised}. */
    private final Map<String, Integer> firstPartition;
    private final Map<TopicPartition, Set<String>> keys = new HashMap<>();

    private RaisedAlerts(UnionNewsConfig config, Map<String, Integer> firstPartition) {
        this.config = config;
        this.topic = config.topics().alertsRaised();
        this.firstPartition = Map.copyOf(firstPartition);
    }

    /**
     * The layout for the consumer's input topics as they are partitioned now; gives {@code alerts-raised} a
     * partition for every input partition if it has fewer.
     */
    static RaisedAlerts open(UnionNewsConfig config, KafkaConsumer<?, ?> consumer, List<String> inputs) {
        Map<String, Integer> first = new LinkedHashMap<>();
        int next = 0;
        for (String input : inputs) {
            first.put(input, next);
            next += consumer.partitionsFor(input, Duration.ofSeconds(30)).size();
        }
        TopicAdmin.ensurePartitions(config, config.topics().alertsRaised(), next);
        return new RaisedAlerts(config, first);
    }

    /** The key an alert is remembered by: an article raises each rule once, a spike is raised once. */
    static String key(String articleId, String rule) {
        return rule.startsWith(SummarizingConsumer.SPIKE_RULE_PREFIX) ? rule : articleId + ' ' + rule;
    }

    /**
     * Learns what was raised for newly assigned input partitions. Call it once their positions are known
     * ({@code consumer.position}), so that no earlier owner's transaction is still pending.
     */
    void load(Collection<TopicPartition> inputs, Duration deadline) {
        Map<Integer, TopicPartition> byPartition = new HashMap<>();
        for (TopicPartition input : inputs) {
            byPartition.put(partition(input), input);
            keys.put(input, new HashSet<>());
        }
        List<TopicPartition> own = byPartition.keySet().stream().map(p -> new TopicPartition(topic, p)).toList();
        try (TopicReader reader = new TopicReader(config, own)) {
            reader.readToEnd(event -> {
                Set<String> raised = keys.get(byPartition.get(event.partition()));
                if (event.key() != null && event.json() != null) {
                    raised.add(event.key());
                } else if (event.key() != null) {
                    raised.remove(event.key());
                }
            }, deadline);
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

    /** The record that remembers {@code key} for {@code input}, to send in the alert's transaction. */
    ProducerRecord<byte[], byte[]> record(TopicPartition input, String key, String articleId, String rule) {
        try {
            byte[] value = Json.mapper().writeValueAsBytes(Map.of("schemaVersion", 1, "articleId", articleId,
                    "rule", rule, "input", input.toString()));
            return new ProducerRecord<>(topic, partition(input), key.getBytes(StandardCharsets.UTF_8), value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int partition(TopicPartition input) {
        Integer first = firstPartition.get(input.topic());
        if (first == null) {
            throw new IllegalArgumentException("not an input topic of the consumer: " + input.topic());
        }
        return first + input.partition();
    }
}
