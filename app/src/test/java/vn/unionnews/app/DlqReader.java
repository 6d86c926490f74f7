package vn.unionnews.app;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import vn.unionnews.event.DeadLetter;
import vn.unionnews.kafka.UnionNewsConfig;

/** Reads the whole DLQ topic as a committed-read client, keyed by the failed record's original key. */
final class DlqReader {
    private DlqReader() {
    }

    static Map<String, DeadLetter> readAll(UnionNewsConfig config) {
        Properties props = config.clientProperties("consumer");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Map<String, DeadLetter> letters = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            String topic = config.topics().dlq();
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r ->
                        letters.put(r.key(), PipelineIntegrationTest.parse(r.value(), DeadLetter.class)));
            }
        }
        return letters;
    }
}
