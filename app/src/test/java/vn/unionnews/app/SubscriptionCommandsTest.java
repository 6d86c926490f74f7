package vn.unionnews.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/** subscribe, unsubscribe, subscriptions and alerts against a real broker, each test on its own topics. */
@ExtendWith(KafkaBrokerExtension.class)
class SubscriptionCommandsTest {
    private String bootstrapServers;
    private String prefix;

    @BeforeEach
    void freshTopics(KafkaBroker broker) {
        bootstrapServers = broker.bootstrapServers();
        prefix = broker.uniquePrefix("subscriptions");
    }

    private CliRun run(String command, String... args) {
        return CliRun.of(Stream.concat(Stream.of(command, "--bootstrap-servers", bootstrapServers, "--topic-prefix",
                prefix), Stream.of(args)).toArray(String[]::new));
    }

    @Test
    void aNewSubscriptionIsListed() throws Exception {
        CliRun subscribed = run("subscribe", "--id", "sub-disputes", "--topic", "disputes", "--topic", "safety",
                "--province", "Lào Cai", "--keyword", "đình công", "--severity", "critical");
        assertEquals(0, subscribed.exitCode(), subscribed.err());
        assertTrue(subscribed.lines().get(0).startsWith("Subscribed sub-disputes: topics=[disputes, safety]"),
                subscribed.out());
        JsonNode written = Json.mapper().readTree(subscribed.lines().get(1));
        assertEquals(1, written.path("schemaVersion").asInt());
        assertEquals("critical", written.path("severity").asText());

        CliRun listed = run("subscriptions");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(List.of("sub-disputes topics=[disputes, safety] orgs=[] provinces=[Lào Cai] keywords=[đình công]"
                + " minScore=0.35 severity=critical"), listed.lines());

        CliRun asJson = run("subscriptions", "--json");
        assertEquals(written, Json.mapper().readTree(asJson.lines().get(0)));
    }

    @Test
    void aGeneratedIdIsSubHex() {
        CliRun subscribed = run("subscribe", "--org", "Liên đoàn Lao động tỉnh Lào Cai");
        assertEquals(0, subscribed.exitCode(), subscribed.err());
        assertTrue(subscribed.lines().get(0).matches("Subscribed sub-[0-9a-f]{8}: .*"), subscribed.out());
    }

    @Test
    void anUnsubscribedIdIsNoLongerListed() {
        run("subscribe", "--id", "sub-keep", "--keyword", "tai nạn lao động");
        run("subscribe", "--id", "sub-drop", "--topic", "welfare");

        CliRun unsubscribed = run("unsubscribe", "sub-drop");
        assertEquals(0, unsubscribed.exitCode(), unsubscribed.err());

        CliRun listed = run("subscriptions");
        assertEquals(List.of("sub-keep"), listed.lines().stream().map(line -> line.split(" ")[0]).toList());
    }

    @Test
    void unsubscribingAnUnknownIdExitsOne() {
        run("subscribe", "--id", "sub-known", "--topic", "welfare");

        CliRun unsubscribed = run("unsubscribe", "sub-unknown");
        assertEquals(1, unsubscribed.exitCode());
        assertEquals(1, unsubscribed.err().lines().count(), unsubscribed.err());
        assertTrue(unsubscribed.err().contains("sub-unknown"), unsubscribed.err());
        assertEquals(1, run("subscriptions").lines().size(), "nothing was written");
    }

    @Test
    void aSubscriptionWithoutCriteriaExitsTwo() {
        CliRun subscribed = run("subscribe", "--severity", "critical");
        assertEquals(2, subscribed.exitCode());
        assertEquals(1, subscribed.err().lines().count(), subscribed.err());
        assertTrue(run("subscriptions").lines().isEmpty());
    }

    @Test
    void anUnknownTopicExitsTwo() {
        CliRun subscribed = run("subscribe", "--topic", "strikes");
        assertEquals(2, subscribed.exitCode());
        assertTrue(subscribed.err().contains("unknown topic 'strikes'"), subscribed.err());
        assertTrue(run("subscriptions").lines().isEmpty());
    }

    @Test
    void alertsPrintsOnlyTheAlertEventsAndFiltersByTopic() throws Exception {
        UnionNewsConfig config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, bootstrapServers, UnionNewsConfig.TOPIC_PREFIX, prefix));
        TopicAdmin.ensureTopics(config);
        AlertEvent strike = new AlertEvent(AlertEvent.SCHEMA_VERSION, "a1", "collective-dispute", "disputes",
                "critical", "đình công tại Công ty TNHH Giày Việt", "Hơn 2.000 công nhân ngừng việc tập thể",
                "Công đoàn đã phối hợp giải quyết.");
        AlertEvent accident = new AlertEvent(AlertEvent.SCHEMA_VERSION, "a2", "workplace-accident", "safety",
                "warning", "tai nạn lao động", "Liên đoàn Lao động tỉnh Lào Cai thăm hỏi công nhân bị tai nạn",
                "LĐLĐ tỉnh trao hỗ trợ cho gia đình.");
        try (KafkaProducer<String, String> producer = rawProducer()) {
            send(producer, config.topics().output(), "a1", AlertEvent.EVENT_TYPE, Json.mapper().writeValueAsString(strike));
            send(producer, config.topics().output(), "a0", "summary",
                    "{\"schemaVersion\":1,\"articleId\":\"a0\",\"title\":\"Đại hội Công đoàn cơ sở\"}");
            send(producer, config.topics().output(), "a2", AlertEvent.EVENT_TYPE, Json.mapper().writeValueAsString(accident));
        }

        CliRun all = run("alerts");
        assertEquals(0, all.exitCode(), all.err());
        assertEquals(Stream.of(AlertsCommand.block(strike), AlertsCommand.block(accident)).sorted().toList(),
                blocks(all.out()), "both alerts, not the summary");
        assertTrue(all.lines().contains("[critical] disputes — Hơn 2.000 công nhân ngừng việc tập thể"), all.out());
        assertTrue(all.lines().contains("  rule: workplace-accident"), all.out());

        assertEquals(List.of(AlertsCommand.block(accident)), blocks(run("alerts", "--topic", "safety").out()));
        assertEquals(List.of(AlertsCommand.block(accident)), blocks(run("alerts", "--org", "lào cai").out()));
        assertEquals(List.of(), blocks(run("alerts", "--topic", "welfare").out()));
    }

    /**
     * {@code alerts --follow} in its own JVM, as a user runs it: it prints the alerts already there, then new ones
     * as they are committed (filtered), and a SIGTERM (what Ctrl-C sends the JVM through its shutdown hook)
     * stops it cleanly within seconds.
     */
    @Test
    void alertsFollowPrintsNewAlertsAsTheyComeUntilStopped(@TempDir Path dir) throws Exception {
        UnionNewsConfig config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, bootstrapServers, UnionNewsConfig.TOPIC_PREFIX, prefix));
        TopicAdmin.ensureTopics(config);
        AlertEvent before = new AlertEvent(AlertEvent.SCHEMA_VERSION, "f1", "default:disputes", "disputes",
                "critical", "topic disputes scored 0.95 (đình công)", "Công nhân ngừng việc tập thể", "Tóm tắt một.");
        AlertEvent accident = new AlertEvent(AlertEvent.SCHEMA_VERSION, "f2", "default:safety", "safety",
                "warning", "topic safety scored 0.80 (tai nạn lao động)", "Tai nạn tại công trường", "Tóm tắt hai.");
        AlertEvent after = new AlertEvent(AlertEvent.SCHEMA_VERSION, "f3", "sub-arrears", "disputes",
                "warning", "keyword “nợ lương”", "Công ty nợ lương hai tháng", "Tóm tắt ba.");
        try (KafkaProducer<String, String> producer = rawProducer()) {
            send(producer, config.topics().output(), "f1", AlertEvent.EVENT_TYPE, Json.mapper().writeValueAsString(before));
        }
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process follow = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnionNews.class.getName(), "alerts", "--follow",
                "--topic", "disputes", "--bootstrap-servers", bootstrapServers, "--topic-prefix", prefix)
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(out).contains(before.title()));
            try (KafkaProducer<String, String> producer = rawProducer()) {
                send(producer, config.topics().output(), "f2", AlertEvent.EVENT_TYPE, Json.mapper().writeValueAsString(accident));
                send(producer, config.topics().output(), "f3", AlertEvent.EVENT_TYPE, Json.mapper().writeValueAsString(after));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(out).contains(after.title()));
            assertTrue(follow.isAlive(), "--follow keeps reading");

            follow.destroy();
            assertTrue(follow.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops --follow");
            assertEquals(Stream.of(AlertsCommand.block(before), AlertsCommand.block(after)).sorted().toList(),
                    blocks(Files.readString(out)), "the disputes alerts, old and new, not the safety one");
            assertTrue(!Files.readString(err).contains("Exception"), Files.readString(err));
        } finally {
            follow.destroyForcibly();
        }
    }

    /** The printed alert blocks, sorted: records with different keys may land on different partitions. */
    private static List<String> blocks(String out) {
        return Stream.of(out.split("\n(?=\\[)")).map(String::strip).filter(b -> !b.isEmpty()).sorted().toList();
    }

    private KafkaProducer<String, String> rawProducer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, String eventType,
            String json) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        EventHeaders.put(record.headers(), EventHeaders.EVENT_TYPE, eventType);
        producer.send(record).get();
    }
}
