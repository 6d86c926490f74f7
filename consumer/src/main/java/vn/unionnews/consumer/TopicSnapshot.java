package vn.unionnews.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * Reads a topic from the beginning to its current end as a {@code read_committed} client without a group: what
 * the committed records of a topic say right now (the subscriptions, the alerts already raised).
 */
public final class TopicSnapshot {
    private TopicSnapshot() {
    }

    /** Hands every committed record up to the topic's end to {@code each}; fails after {@code deadline}. */
    public static void readToEnd(UnionNewsConfig config, String topic, Consumer<ConsumerRecord<byte[], byte[]>> each,
                                 Duration deadline) {
        Properties props = new Properties();
        props.putAll(config.clientProperties("consumer"));
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, deadline).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, deadline);
            long stop = System.nanoTime() + deadline.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (System.nanoTime() > stop) {
                    throw new TimeoutException("Could not read " + topic + " to its end within " + deadline);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
