package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Alerts on a real broker: a subscription written to the compacted topic while the consumer runs applies to the
 * next article; default rules fire for a strike; each (article, rule) is raised once, also when the article
 * comes again corrected and after the consumer restarts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class AlertsIntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final JsonSerde<Subscription> SUBSCRIPTION = JsonSerde.of(Subscription.class);
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final String STRIKE = """
            Công nhân Công ty TNHH Giày da Thuận Phát đình công đòi trả nợ lương

            Sáng 15/3, khoảng 2.300 công nhân Công ty TNHH Giày da Thuận Phát ở tỉnh Bình Dương đồng loạt đình công, ngừng việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

            Liên đoàn Lao động tỉnh Bình Dương đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp lao động.

            Tại buổi đối thoại, công ty cam kết trả đủ tiền lương còn nợ trước ngày 30/3, người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày.
            """;

    private UnionNewsConfig config;
    private SummarizingConsumer consumer;
    private Thread loop;

    @BeforeEach
    void start(KafkaBroker broker) {
        config = UnionNewsConfig.defaults(CrashFixture.ownTopics(broker, "alerts", Map.of()));
        TopicAdmin.ensureTopics(config);
        startConsumer();
    }

    private void startConsumer() {
        startConsumer(config);
    }

    private void startConsumer(UnionNewsConfig instance) {
        consumer = new SummarizingConsumer(instance, summary -> { });
        loop = new Thread(consumer, "alerting-consumer");
        loop.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        consumer.close();
        loop.join(30_000);
    }

    @Test
    void subscriptionsApplyLiveAndEveryAlertIsRaisedOnce() throws Exception {
        Subscription arrears = new Subscription(Subscription.SCHEMA_VERSION, "sub-arrears", List.of("disputes"),
                List.of(), List.of("Bình Dương"), List.of("nợ lương"), Subscription.DEFAULT_MIN_SCORE, "critical");
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(config.topics().subscriptions(), bytes(arrears.id()),
                    SUBSCRIPTION.serialize("", arrears))).get();
        }
        EnrichedArticle strike = enriched(STRIKE);

        // The consumer follows subscriptions live: send the article until the subscription's alert appears.
        await().atMost(DEADLINE).until(() -> {
            send(strike);
            return alertRules(strike.id()).contains("sub-arrears");
        });
        List<String> rules = alertRules(strike.id());
        assertTrue(rules.contains("default:disputes"), rules.toString());
        assertEquals(rules.stream().distinct().count(), rules.size(), "an (article, rule) raised twice: " + rules);
        JsonNode alert = alerts(strike.id()).stream().filter(a -> a.path("rule").asText().equals("sub-arrears"))
                .findFirst().orElseThrow();
        assertEquals("critical", alert.path("severity").asText());
        assertTrue(alert.path("reason").asText().contains("nợ lương"), alert.toString());
        assertTrue(!alert.path("summary").asText().isBlank(), "an alert carries the summary");

        // A corrected version, before and after a restart: a new summary each time, never a second alert.
        int summaries = summaries(strike.id());
        int partition = send(enriched(STRIKE.replace("2.300", "2.350")));
        await().atMost(DEADLINE).until(() -> summaries(strike.id()) == summaries + 1);
        consumer.close();
        loop.join(30_000);
        // Another instance takes over: what was raised is in Kafka, not in the dead instance.
        Map<String, String> other = new HashMap<>(config.asMap());
        other.put(UnionNewsConfig.INSTANCE_ID, "another");
        startConsumer(UnionNewsConfig.defaults(other));
        send(enriched(STRIKE.replace("2.300", "2.400")));
        await().atMost(DEADLINE).until(() -> summaries(strike.id()) == summaries + 2);
        assertEquals(rules.size(), alertRules(strike.id()).size(), "alerts after the corrections: " + alertRules(strike.id()));

        // Remembered in alerts-raised, in the partition of the article's input partition (the first block).
        Map<String, Integer> remembered = new TreeMap<>();
        try (TopicReader reader = new TopicReader(config, config.topics().alertsRaised())) {
            reader.readToEnd(event -> remembered.put(event.key(), event.partition()), DEADLINE);
        }
        Map<String, Integer> expected = new TreeMap<>();
        rules.forEach(rule -> expected.put(strike.id() + " " + rule, partition));
        assertEquals(expected, remembered);
    }

    private EnrichedArticle enriched(String page) {
        RawPage raw = new RawPage("strike-1", null, null, null, null, page, null);
        return ANALYZER.enrich(ANALYZER.toArticle(raw));
    }

    /** Returns the partition of {@code articles.enriched} the article went to. */
    private int send(EnrichedArticle article) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            return producer.send(new ProducerRecord<>(config.topics().enriched(), bytes(article.id()),
                    ENRICHED.serialize("", article))).get().partition();
        }
    }

    private List<JsonNode> events(String id, String type) {
        List<JsonNode> found = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config)) {
            reader.read(event -> {
                if (event.key().equals(id) && type.equals(event.eventType())) {
                    try {
                        found.add(Json.mapper().readTree(event.json()));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return true;
            }, Duration.ofMillis(800));
        }
        return found;
    }

    private List<JsonNode> alerts(String id) {
        return events(id, "alert");
    }

    private List<String> alertRules(String id) {
        return alerts(id).stream().map(a -> a.path("rule").asText()).toList();
    }

    private int summaries(String id) {
        return events(id, "summary").size();
    }

    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(ReliableProducer.properties(config), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
