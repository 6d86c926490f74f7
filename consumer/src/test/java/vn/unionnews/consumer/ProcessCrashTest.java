package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Exactly once for summaries and alerts across a real process crash: a consumer JVM
 * ({@link CrashingConsumerMain}) is halted after it has committed at least one transaction and while its next
 * one is open with records already on the broker (no abort, no close). A restarted instance with the same
 * instance id (so the same {@code transactional.id}) must abort what the dead one left open and finish the work,
 * so that {@code read_committed} readers of {@code output} see exactly one summary per article and exactly one
 * alert per (article, rule), every strike article with its {@code default:disputes} alert, and nothing in the DLQ.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProcessCrashTest {
    private static final int ARTICLES = 40;
    /** Output records of the open transaction acknowledged by the broker before the child halts. */
    private static final int ACKS_BEFORE_HALT = 3;
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(45);
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final String[] TRADES = {"Giày da", "May mặc", "Điện tử", "Chế biến gỗ", "Bao bì"};
    private static final String[] NAMES = {"Thuận Phát", "Hòa Bình", "Tân Tiến", "Phú Cường", "Minh Long",
        "Hưng Thịnh", "Đại Việt", "Sao Mai"};
    private static final String STRIKE = """
            Công nhân %1$s đình công đòi trả nợ lương

            Sáng %3$d/3, khoảng %2$s công nhân %1$s ở tỉnh Bình Dương đồng loạt đình công, ngừng việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

            Liên đoàn Lao động tỉnh Bình Dương đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp lao động.

            Tại buổi đối thoại, %1$s cam kết trả đủ tiền lương còn nợ trước ngày 30/3, người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày.
            """;

    @Test
    void restartAfterAProcessCrashMidTransactionKeepsSummariesAndAlertsExactlyOnce(KafkaBroker broker,
                                                                                 @TempDir Path tmp) throws Exception {
        String prefix = broker.uniquePrefix("process-crash");
        Map<String, String> overrides = Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                UnionNewsConfig.TOPIC_PREFIX, prefix,
                UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer",
                UnionNewsConfig.INSTANCE_ID, "crashing",
                // Small transactions, so the crash falls between committed ones; the dead member leaves the group
                // after the broker's least session timeout instead of the default 45 s.
                "consumer." + ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "4",
                "consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000",
                "consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");
        UnionNewsConfig config = UnionNewsConfig.defaults(overrides);
        TopicAdmin.ensureTopics(config);
        Map<String, Set<String>> expectedRules = sendStrikeArticles(config);

        Path log = tmp.resolve("crashing-consumer.log");
        long started = System.nanoTime();
        Process child = startCrashingConsumer(overrides, log);
        SummarizingConsumer restarted = null;
        Thread loop = null;
        try {
            try {
                await("the child halts mid-transaction").atMost(CHILD_DEADLINE).until(() -> !child.isAlive());
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
            }
            assertEquals(CrashingConsumerMain.HALT_STATUS, child.exitValue(), () -> "child exit status\n" + tail(log));

            // The halted transaction's records are on the broker, visible only to read_uncommitted readers.
            List<TopicReader.Event> committed = readCommitted(config, config.topics().output());
            long summariesBefore = committed.stream()
                    .filter(e -> SummaryEvent.EVENT_TYPE.equals(e.eventType())).count();
            long uncommitted = countUncommitted(config, config.topics().output());
            assertTrue(summariesBefore > 0 && summariesBefore < ARTICLES,
                    "the crash came after a committed transaction and before the end: " + summariesBefore);
            assertTrue(uncommitted > committed.size(), "records of the open transaction on the broker: "
                    + uncommitted + " written, " + committed.size() + " committed\n" + tail(log));
            System.out.printf("ProcessCrashTest: child halted after %d ms; %d records written, %d committed"
                    + " (%d summaries)%n", (System.nanoTime() - started) / 1_000_000, uncommitted, committed.size(),
                    summariesBefore);
            long restartedAt = System.nanoTime();

            restarted = new SummarizingConsumer(config, summary -> { });
            loop = new Thread(restarted, "restarted-consumer");
            loop.start();
            Map<String, Integer> summaries = new TreeMap<>();
            Map<String, Integer> alerts = new TreeMap<>();
            await("every article summarised").atMost(DEADLINE).until(() -> {
                count(readCommitted(config, config.topics().output()), summaries, alerts);
                return summaries.keySet().equals(expectedRules.keySet());
            });
            System.out.printf("ProcessCrashTest: restarted instance finished in %d ms%n",
                    (System.nanoTime() - restartedAt) / 1_000_000);

            Map<String, Integer> once = expectedRules.keySet().stream()
                    .collect(Collectors.toMap(id -> id, id -> 1, (a, b) -> a, TreeMap::new));
            assertEquals(once, summaries, "one summary per article");
            Map<String, Integer> alertsOnce = new TreeMap<>();
            expectedRules.forEach((id, rules) -> rules.forEach(rule -> alertsOnce.put(id + " " + rule, 1)));
            assertEquals(alertsOnce, alerts, "one alert per (article, rule), none lost");
            expectedRules.keySet().forEach(id -> assertTrue(alerts.containsKey(id + " default:disputes"), id));
            assertEquals(List.of(), readCommitted(config, config.topics().dlq()), "nothing dead-lettered");
        } finally {
            child.destroyForcibly();
            if (restarted != null) {
                restarted.close();
                loop.join(30_000);
            }
        }
    }

    /** The strike articles, each a different company and figures; returns each id's expected alert rules. */
    private static Map<String, Set<String>> sendStrikeArticles(UnionNewsConfig config) throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ReliableProducer.properties(config),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < ARTICLES; i++) {
                String company = "Công ty TNHH " + TRADES[i / NAMES.length] + " " + NAMES[i % NAMES.length];
                String workers = String.format("%d.%03d", 1 + i / 10, (i % 10) * 100 + 50);
                String page = String.format(STRIKE, company, workers, 1 + i % 28);
                EnrichedArticle article = ANALYZER.enrich(ANALYZER.toArticle(
                        new RawPage("strike-" + i, null, null, null, null, page, null)));
                Set<String> rules = new Alerter().alerts(article, ANALYZER.summarize(article), List.of()).stream()
                        .map(AlertEvent::rule).collect(Collectors.toCollection(TreeSet::new));
                assertTrue(rules.contains("default:disputes"), article.id() + " raises " + rules);
                expected.put(article.id(), rules);
                producer.send(new ProducerRecord<>(config.topics().enriched(),
                        article.id().getBytes(StandardCharsets.UTF_8), ENRICHED.serialize("", article))).get();
            }
        }
        return expected;
    }

    private static Process startCrashingConsumer(Map<String, String> overrides, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile", "log4j2-test.xml"),
                CrashingConsumerMain.class.getName(),
                String.valueOf(ACKS_BEFORE_HALT)));
        overrides.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Summaries per article id and alerts per "id rule" in {@code events}. */
    private static void count(List<TopicReader.Event> events, Map<String, Integer> summaries,
                              Map<String, Integer> alerts) {
        summaries.clear();
        alerts.clear();
        for (TopicReader.Event event : events) {
            JsonNode json = json(event);
            if (SummaryEvent.EVENT_TYPE.equals(event.eventType())) {
                summaries.merge(json.path("articleId").asText(), 1, Integer::sum);
            } else if (AlertEvent.EVENT_TYPE.equals(event.eventType())) {
                alerts.merge(json.path("articleId").asText() + " " + json.path("rule").asText(), 1, Integer::sum);
            }
        }
    }

    private static JsonNode json(TopicReader.Event event) {
        try {
            return Json.mapper().readTree(event.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<TopicReader.Event> readCommitted(UnionNewsConfig config, String topic) {
        List<TopicReader.Event> events = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config, topic)) {
            reader.readToEnd(events::add, Duration.ofSeconds(30));
        }
        return events;
    }

    /** Every record of {@code topic}, open and aborted transactions' included. */
    private static long countUncommitted(UnionNewsConfig config, String topic) {
        Properties props = config.clientProperties("consumer");
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            long count = 0;
            long stop = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertTrue(System.nanoTime() < stop, "read " + topic + " to its end in time");
                count += consumer.poll(Duration.ofMillis(200)).count();
            }
            return count;
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 6000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
