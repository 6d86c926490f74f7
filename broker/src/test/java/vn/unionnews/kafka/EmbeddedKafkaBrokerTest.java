package vn.unionnews.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {
    @TempDir
    Path dataDir;

    @Test
    void takenPortGivesOneClearLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            BrokerStartException e = assertThrows(BrokerStartException.class,
                    () -> EmbeddedKafkaBroker.start(dataDir, taken.getLocalPort()));
            assertTrue(e.getMessage().contains("Port " + taken.getLocalPort() + " is already in use"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void keepsItsDataAcrossARestartAndRunsTransactions() throws Exception {
        UnionNewsConfig config;
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            config = UnionNewsConfig.defaults(Map.of(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    UnionNewsConfig.TOPIC_PREFIX, "restart."));
            TopicAdmin.ensureTopics(config);
            Properties props = config.clientProperties("producer");
            props.put("transactional.id", "restart-test");
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                    new StringSerializer())) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(config.topics().articles(), 0, "a1", "kept"));
                producer.commitTransaction();
            }
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dataDir, 0)) {
            Properties props = config.with(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers())
                    .clientProperties("consumer");
            props.put("isolation.level", "read_committed");
            List<String> values = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer())) {
                TopicPartition partition = new TopicPartition(config.topics().articles(), 0);
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (values.isEmpty() && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                        values.add(r.value());
                    }
                }
            }
            assertEquals(List.of("kept"), values);
        }
    }
}
