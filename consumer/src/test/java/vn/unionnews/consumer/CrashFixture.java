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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.core.ConditionTimeoutException;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.testkit.KafkaBroker;

/**
 * What the crash tests share: strike articles that each raise {@code default:disputes}, a consumer in a JVM of its
 * own that {@link CrashingConsumerMain} halts mid-transaction, and counting what {@code read_committed} readers see.
 */
final class CrashFixture {
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final String[] TRADES = {"Giày da", "May mặc", "Điện tử", "Chế biến gỗ", "Bao bì", "Cơ khí"};
    private static final String[] NAMES = {"Thuận Phát", "Hòa Bình", "Tân Tiến", "Phú Cường", "Minh Long",
        "Hưng Thịnh", "Đại Việt", "Sao Mai"};
    private static final String STRIKE = """
            Công nhân %1$s đình công đòi trả nợ lương

            Sáng %3$d/3, khoảng %2$s công nhân %1$s ở tỉnh Bình Dương đồng loạt đình công, ngừng việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

            Liên đoàn Lao động tỉnh Bình Dương đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp lao động.

            Tại buổi đối thoại, %1$s cam kết trả đủ tiền lương còn nợ trước ngày 30/3, người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày.
            """;

    /**
     * Small transactions, so a crash falls between committed ones, and a dead member leaves the group after the
     * broker's least session timeout instead of the default 45 s.
     */
    static final Map<String, String> QUICK_FAILOVER = Map.of(
            "consumer." + ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "4",
            "consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "6000",
            "consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "1000");

    /** Summaries per article id and alerts per "id rule", as a {@code read_committed} reader sees them. */
    record Seen(Map<String, Integer> summaries, Map<String, Integer> alerts) {
    }

    private CrashFixture() {
    }

    /** Configuration for a test of its own on {@code broker}: its topic prefix and consumer group, and {@code more}. */
    static Map<String, String> ownTopics(KafkaBroker broker, String test, Map<String, String> more) {
        String prefix = broker.uniquePrefix(test);
        Map<String, String> overrides = new HashMap<>(more);
        overrides.put(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        overrides.put(UnionNewsConfig.TOPIC_PREFIX, prefix);
        overrides.put(UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer");
        return overrides;
    }

    /**
     * Writes {@code count} enriched strike articles (each a different company and figures) to
     * {@code articles.enriched}, all at once; returns each id's expected alert rules.
     */
    static Map<String, Set<String>> sendStrikeArticles(UnionNewsConfig config, int count) throws Exception {
        return sendStrikeArticles(config, 0, count);
    }

    /** The same for the articles numbered {@code first} to {@code first + count - 1}. */
    static Map<String, Set<String>> sendStrikeArticles(UnionNewsConfig config, int first, int count) throws Exception {
        Map<String, Set<String>> expected = new TreeMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ReliableProducer.properties(config),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = first; i < first + count; i++) {
                String company = "Công ty TNHH " + TRADES[i / NAMES.length % TRADES.length] + " "
                        + NAMES[i % NAMES.length] + (i < TRADES.length * NAMES.length ? "" : " " + (i + 1));
                String workers = String.format("%d.%03d", 1 + i / 10, (i % 10) * 100 + 50);
                String page = String.format(STRIKE, company, workers, 1 + i % 28);
                EnrichedArticle article = ANALYZER.enrich(ANALYZER.toArticle(
                        new RawPage("strike-" + i, null, null, null, null, page, null)));
                Set<String> rules = new Alerter().alerts(article, ANALYZER.summarize(article), List.of()).stream()
                        .map(AlertEvent::rule).collect(Collectors.toCollection(TreeSet::new));
                assertTrue(rules.contains("default:disputes"), article.id() + " raises " + rules);
                expected.put(article.id(), rules);
                producer.send(new ProducerRecord<>(config.topics().enriched(),
                        article.id().getBytes(StandardCharsets.UTF_8), ENRICHED.serialize("", article)));
            }
            producer.flush();
        }
        return expected;
    }

    /** Each id once as a summary, each (id, rule) once as an alert. */
    static Seen once(Map<String, Set<String>> expectedRules) {
        Map<String, Integer> summaries = new TreeMap<>();
        Map<String, Integer> alerts = new TreeMap<>();
        expectedRules.forEach((id, rules) -> {
            summaries.put(id, 1);
            rules.forEach(rule -> alerts.put(id + " " + rule, 1));
        });
        return new Seen(summaries, alerts);
    }

    /**
     * Starts {@link CrashingConsumerMain} with {@code overrides}, halting after {@code acksBeforeHalt} records of
     * a transaction after its first committed one; its output goes to {@code log}.
     */
    static Process startCrashingConsumer(Map<String, String> overrides, int acksBeforeHalt, Path log)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dlog4j2.configurationFile=" + System.getProperty("log4j2.configurationFile", "log4j2-test.xml"),
                CrashingConsumerMain.class.getName(),
                String.valueOf(acksBeforeHalt)));
        overrides.forEach((key, value) -> command.add(key + "=" + value));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Waits until {@code child} has halted mid-transaction, as {@link CrashingConsumerMain} does; fails with its log. */
    static void awaitHalt(Process child, Duration deadline, Path log) {
        try {
            await("the consumer JVM halts mid-transaction").atMost(deadline).until(() -> !child.isAlive());
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "\n" + tail(log), e);
        }
        assertEquals(CrashingConsumerMain.HALT_STATUS, child.exitValue(), () -> "exit status\n" + tail(log));
    }

    /** What a {@code read_committed} reader of {@code output} sees now. */
    static Seen seen(UnionNewsConfig config) {
        Map<String, Integer> summaries = new TreeMap<>();
        Map<String, Integer> alerts = new TreeMap<>();
        for (TopicReader.Event event : readCommitted(config, config.topics().output())) {
            JsonNode json = json(event);
            if (SummaryEvent.EVENT_TYPE.equals(event.eventType())) {
                summaries.merge(json.path("articleId").asText(), 1, Integer::sum);
            } else if (AlertEvent.EVENT_TYPE.equals(event.eventType())) {
                alerts.merge(json.path("articleId").asText() + " " + json.path("rule").asText(), 1, Integer::sum);
            }
        }
        return new Seen(summaries, alerts);
    }

    private static JsonNode json(TopicReader.Event event) {
        try {
            return Json.mapper().readTree(event.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<TopicReader.Event> readCommitted(UnionNewsConfig config, String topic) {
        List<TopicReader.Event> events = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config, topic)) {
            reader.readToEnd(events::add, Duration.ofSeconds(30));
        }
        return events;
    }

    /** Every record of {@code topic}, open and aborted transactions' included. */
    static long countUncommitted(UnionNewsConfig config, String topic) {
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

    /** The last lines of a child's log, for a failure message. */
    static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 6000));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Until the group has {@code members} members, each assigned partitions of {@code articles.enriched}. */
    static void awaitEachMemberOwnsAnArticlePartition(UnionNewsConfig config, String group, int members,
                                                      Duration deadline) {
        String enriched = config.topics().enriched();
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            await("the group has " + members + " members sharing the article partitions").atMost(deadline)
                    .until(() -> {
                        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                                .describedGroups().get(group).get();
                        List<MemberDescription> current = List.copyOf(description.members());
                        return current.size() == members && current.stream().allMatch(member ->
                                member.assignment().topicPartitions().stream()
                                        .anyMatch(p -> p.topic().equals(enriched)));
                    });
        }
    }
}
