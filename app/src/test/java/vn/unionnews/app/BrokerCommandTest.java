package vn.unionnews.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code union-news broker} in a JVM of its own: a real broker that admin clients, producers and consumers use, that
 * stops on SIGTERM through its shutdown hook, and whose data outlives it; a taken port is one line and exit 1.
 */
class BrokerCommandTest {
    private static final Duration STARTED = Duration.ofSeconds(60);

    @Test
    void servesClientsUntilTerminatedAndKeepsItsDataForTheNextStart(@TempDir Path tmp) throws Exception {
        int port = freePort();
        Path data = tmp.resolve("broker-data");
        String bootstrap = "localhost:" + port;
        String topic = "broker-command-test";

        Process broker = startBroker(port, data, tmp.resolve("first.log"));
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Collection<Node> nodes = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS);
            assertEquals(1, nodes.size(), nodes.toString());
            assertEquals(port, nodes.iterator().next().port());
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            try (KafkaProducer<String, String> producer = producer(bootstrap)) {
                producer.send(new ProducerRecord<>(topic, "vn-1", "Công đoàn cơ sở")).get(30, TimeUnit.SECONDS);
            }
            assertEquals(List.of("vn-1=Công đoàn cơ sở"), readAll(bootstrap, topic));
        } finally {
            broker.destroy();
        }
        assertTrue(broker.waitFor(60, TimeUnit.SECONDS), "SIGTERM stops the broker");

        Process again = startBroker(port, data, tmp.resolve("second.log"));
        try {
            assertEquals(List.of("vn-1=Công đoàn cơ sở"), readAll(bootstrap, topic), "the record outlives a restart");
        } finally {
            again.destroyForcibly();
            again.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTakenPortIsOneLineAndExitOne(@TempDir Path tmp) throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            CliRun run = CliRun.of("broker", "--port", String.valueOf(taken.getLocalPort()), "--data-dir",
                    tmp.toString());

            assertEquals(1, run.exitCode(), run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("union-news: Port " + taken.getLocalPort() + " is already in use"),
                    run.err());
            assertEquals("", run.out());
        }
    }

    /** The broker command in a child JVM, once it has printed that it listens. */
    private static Process startBroker(int port, Path data, Path log) throws IOException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnionNews.class.getName(),
                "broker", "--port", String.valueOf(port), "--data-dir", data.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        String line = "Kafka broker listening on localhost:" + port + " (data in " + data.toAbsolutePath()
                + "); Ctrl-C stops.";
        try {
            await("the broker's listening line").atMost(STARTED).until(() -> {
                assertTrue(child.isAlive(), () -> "the broker exited with status " + child.exitValue() + ", log " + log);
                return Files.readString(log, StandardCharsets.UTF_8).contains(line);
            });
        } catch (RuntimeException | AssertionError e) {
            child.destroyForcibly();
            throw e;
        }
        return child;
    }

    private static KafkaProducer<String, String> producer(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    /** Every record of the topic's one partition, as "key=value". */
    private static List<String> readAll(String bootstrap, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
            await("the topic read to its end").atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(r.key() + "=" + r.value());
                }
                return consumer.position(partition) >= end;
            });
        }
        return records;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
