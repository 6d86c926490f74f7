package vn.unionnews.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.DeadLetter;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.RetractionEvent;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInputs;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/** The seeds through the whole pipeline on a real broker: producer → Streams → consumer → output. */
@ExtendWith(KafkaBrokerExtension.class)
class PipelineIntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final Path SEEDS = RepoPaths.find("seeds");

    @TempDir
    Path stateDir;

    private UnionNewsConfig config;
    private Pipeline pipeline;

    @BeforeEach
    void startPipeline(KafkaBroker broker) {
        String prefix = broker.uniquePrefix("pipeline");
        config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                UnionNewsConfig.TOPIC_PREFIX, prefix,
                UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams",
                UnionNewsConfig.STREAMS_STATE_DIR, stateDir.toString(),
                UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer"));
        TopicAdmin.ensureTopics(config);
        pipeline = Pipeline.start(config, 1, false, summary -> { });
    }

    @AfterEach
    void stopPipeline() throws InterruptedException {
        pipeline.close();
    }

    @Test
    void seedsGoEndToEndWithExactlyOneSummaryPerArticle() throws Exception {
        ArticlePublisher.Report first = publishSeeds();
        assertEquals(5, first.sent(), first.failures().toString());
        List<String> ids = first.sentIds();

        Map<String, List<SummaryEvent>> summaries = awaitSummaries(ids.size());
        assertEquals(Map.copyOf(countsOf(ids)), Map.copyOf(counts(summaries)), "one summary per seed, keyed by id");
        for (List<SummaryEvent> perId : summaries.values()) {
            SummaryEvent summary = perId.get(0);
            assertEquals("learned", summary.method());
            assertTrue(!summary.sentences().isEmpty() && summary.sentences().size() <= 3, summary.toString());
        }
        // Every organisation an article names counts it: the Lào Cai federation is named by four seeds, one of
        // them the newspaper's (001); the Điện Biên federation publishes 002.
        Map<String, Long> expected = Map.of("Liên đoàn Lao động tỉnh Lào Cai", 4L,
                "Liên đoàn Lao động tỉnh Điện Biên", 1L, "Báo Lào Cai", 1L);
        Map<String, Long> orgCounts = awaitOrgCounts(expected);

        ArticlePublisher.Report again = publishSeeds();
        assertEquals(ids.stream().sorted().toList(), again.sentIds().stream().sorted().toList(),
                "a re-scrape lands on the same keys");
        awaitNoLag(config.get(UnionNewsConfig.STREAMS_APPLICATION_ID), config.topics().articles(), 0);
        awaitNoLag(config.get(UnionNewsConfig.CONSUMER_GROUP_ID), config.topics().enriched(), 1);

        assertEquals(counts(summaries), counts(readSummaries(Duration.ofSeconds(3))),
                "re-producing the seeds adds no summary");
        assertEquals(orgCounts, orgCounts(), "re-producing the seeds changes no count");
    }

    /**
     * The documented JSON Lines fields in all their forms (with and without id, url, fetchedAt, title; a source the
     * data files know, one they do not, none; text and html): every record is sent, gets a fetchedAt, and is
     * summarised; none reaches the DLQ.
     */
    @Test
    void everyDocumentedFormOfAScrapedRecordIsSentAndSummarisedAndNoneDeadLettered() throws Exception {
        List<String> seeds;
        try (var files = Files.list(SEEDS)) {
            seeds = files.sorted().map(PipelineIntegrationTest::read).toList();
        }
        String[] sources = {"Liên đoàn Lao động tỉnh Lào Cai", "Báo Bình Dương", null};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            Map<String, Object> record = new LinkedHashMap<>();
            String text = seeds.get(i % seeds.size());
            if (i % 2 == 0) {
                record.put("id", "form-" + i);
            }
            if (i % 3 != 0) {
                record.put("url", "https://example.vn/bai-" + i);
            }
            if (i % 4 < 2) {
                record.put("fetchedAt", "2024-03-1" + (i % 10) + "T08:00:00+07:00");
            }
            if (sources[i % 3] != null) {
                record.put("source", sources[i % 3]);
            }
            if (i % 5 < 3) {
                record.put("title", "Công đoàn chăm lo cho người lao động, bản tin " + i);
            }
            if (i % 4 == 1 || i % 4 == 2) {
                record.put("html", "<html><head><meta property=\"og:site_name\" content=\"Báo Bình Dương\"></head>"
                        + "<body><nav><a href=\"/\">Trang chủ</a></nav><article>" + text.lines().filter(l -> !l.isBlank())
                        .map(l -> "<p>" + l.strip().replace("&", "&amp;").replace("<", "&lt;") + "</p>")
                        .collect(Collectors.joining()) + "</article></body></html>");
            } else {
                record.put("text", text);
            }
            lines.append(Json.mapper().writeValueAsString(record)).append('\n');
        }
        ArticlePublisher.Report report;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            report = publisher.publish(PageInputs.fromJsonLines("forms", new ByteArrayInputStream(
                    lines.toString().getBytes(StandardCharsets.UTF_8))), done -> { });
        }

        assertEquals(12, report.count(ArticlePublisher.Fate.SENT), report.failures().toString());
        Set<String> ids = new HashSet<>(report.sentIds());
        // Twelve articles on a few days may raise spike alerts too: only the summaries are counted here.
        Set<String> summarised = await().atMost(DEADLINE).until(() -> {
            Set<String> seen = new HashSet<>();
            try (TopicReader reader = new TopicReader(config)) {
                reader.readToEnd(event -> {
                    if (SummaryEvent.EVENT_TYPE.equals(event.eventType())) {
                        seen.add(event.key());
                    }
                }, DEADLINE);
            }
            return seen;
        }, seen -> seen.containsAll(ids));
        assertEquals(ids, summarised, "every article summarised, no other");
        try (TopicReader reader = new TopicReader(config, config.topics().articles())) {
            reader.readToEnd(event -> assertTrue(parse(event.json(), JsonNode.class).hasNonNull("fetchedAt"),
                    "the producer sets fetchedAt: " + event.key()), DEADLINE);
        }
        awaitNoLag(config.get(UnionNewsConfig.CONSUMER_GROUP_ID), config.topics().enriched(), 1);
        assertEquals(Map.of(), readDeadLetters(), "no valid record is dead-lettered");
    }

    /**
     * A tombstone in articles retracts the article: its counts leave the aggregates and the consumer writes one
     * retraction event; a second tombstone for it changes nothing.
     */
    @Test
    void aTombstoneRetractsTheArticleFromTheAggregatesAndTheOutputSaysSoOnce() throws Exception {
        ArticlePublisher.Report report = publishSeeds();
        awaitSummaries(report.sent());
        Map<String, Long> before = awaitOrgCounts(Map.of("Liên đoàn Lao động tỉnh Lào Cai", 4L));
        String retracted = report.outcomes().stream().filter(o -> o.input().endsWith("004_fd1b85fc1f218fe8.txt"))
                .findFirst().orElseThrow().articleId();
        Map<String, Long> expected = new HashMap<>(before);
        new ArticleAnalyzer(3).analyze(RawPage.ofContent(
                read(SEEDS.resolve("004_fd1b85fc1f218fe8.txt")))).organizations()
                .forEach(org -> expected.merge(org.name(), -1L, Long::sum));
        expected.values().removeIf(count -> count == 0);

        try (KafkaProducer<String, String> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(config.topics().articles(), retracted, null)).get();
            raw.send(new ProducerRecord<>(config.topics().articles(), retracted, null)).get();
        }

        assertEquals(expected, awaitOrgCounts(expected), "the retracted article's counts are gone");
        awaitNoLag(config.get(UnionNewsConfig.CONSUMER_GROUP_ID), config.topics().enriched(), 1);
        Map<String, Integer> retractions = new HashMap<>();
        try (TopicReader reader = new TopicReader(config)) {
            reader.readToEnd(event -> {
                if (RetractionEvent.EVENT_TYPE.equals(event.eventType())) {
                    retractions.merge(event.key(), 1, Integer::sum);
                    assertTrue(parse(event.json(), RetractionEvent.class).retracted());
                }
            }, DEADLINE);
        }
        assertEquals(Map.of(retracted, 1), retractions, "one retraction, for the article retracted");
        assertEquals(Map.of(), readDeadLetters(), "a tombstone is no error");
    }

    @Test
    void malformedRecordGoesToTheDlqAndThePipelineGoesOn() throws Exception {
        try (KafkaProducer<String, String> raw = rawProducer()) {
            raw.send(new ProducerRecord<>(config.topics().articles(), "broken-article", "{oops")).get();
            raw.send(new ProducerRecord<>(config.topics().enriched(), "broken-enriched", "[1,2")).get();
        }
        ArticlePublisher.Report report = publishSeeds();

        assertEquals(5, awaitSummaries(report.sent()).size(), "the records after the bad ones are processed");
        Map<String, DeadLetter> letters = awaitDeadLetters(2);
        DeadLetter streamsLetter = letters.get("broken-article");
        assertEquals("streams", streamsLetter.stage());
        assertEquals("{oops", streamsLetter.originalValueText());
        assertEquals("{oops", new String(java.util.Base64.getDecoder().decode(streamsLetter.originalValueBase64()),
                StandardCharsets.UTF_8));
        assertTrue(streamsLetter.error().contains("Cannot read ArticleEvent"), streamsLetter.error());
        DeadLetter consumerLetter = letters.get("broken-enriched");
        assertEquals("consumer", consumerLetter.stage());
        assertEquals(config.topics().enriched(), consumerLetter.topic());
        assertEquals("[1,2", consumerLetter.originalValueText());
    }

    /**
     * Four strike reports from one province, naming its federation, on one day, produced as one burst: the
     * aggregates of the federation and of the province show the spike once they hold three of them, whichever order
     * the stages see them in, and each spike is raised once, also when a fifth report comes after the consumer
     * restarted.
     */
    @Test
    void aBurstOfStrikeReportsRaisesOneSpikeAlert(@TempDir Path pages) throws Exception {
        String[] companies = {"Giày da Thuận Phát", "May mặc Phú Thịnh", "Điện tử Minh Long", "Gỗ Tân Thành",
                "Bao bì Hưng Phát"};
        for (int i = 0; i < companies.length; i++) {
            Files.writeString(pages.resolve("strike-" + i + ".txt"), strikeReport(companies[i], "1." + (200 + 100 * i)));
        }
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            List<Path> burst = IntStream.range(0, 4).mapToObj(i -> pages.resolve("strike-" + i + ".txt")).toList();
            assertEquals(4, publisher.publish(PageInputs.fromPaths(burst), done -> { }).sent());
        }
        String rule = "spike:disputes:Liên đoàn Lao động tỉnh Bình Dương:2024-03-15";
        String provinceRule = "spike:disputes:Bình Dương:2024-03-15";
        List<AlertEvent> spikes = await().atMost(DEADLINE).until(() -> alertsOf(rule), found -> !found.isEmpty());
        AlertEvent provinceSpike = await().atMost(DEADLINE).until(() -> alertsOf(provinceRule), found -> !found.isEmpty())
                .get(0);
        assertTrue(provinceSpike.reason().contains("article(s) about Bình Dương"), provinceSpike.reason());
        assertTrue(provinceSpike.summary().contains("Công ty TNHH"), "a spike's summary lists its articles' titles");
        assertTrue(spikes.get(0).reason().startsWith("3 disputes article(s)")
                || spikes.get(0).reason().startsWith("4 disputes article(s)"), spikes.get(0).reason());
        assertEquals(4L, readAlerts().stream().filter(a -> a.rule().equals("default:disputes")).count(),
                "each report raises the default dispute alert");

        pipeline.restartConsumers();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            assertEquals(1, publisher.publish(PageInputs.fromPaths(List.of(pages.resolve("strike-4.txt"))),
                    done -> { }).sent());
        }
        await().atMost(DEADLINE).until(() -> readAlerts().stream().filter(a -> a.rule().equals("default:disputes"))
                .count() == 5);
        awaitNoLag(config.get(UnionNewsConfig.CONSUMER_GROUP_ID), config.topics().orgStats(), 1);
        awaitNoLag(config.get(UnionNewsConfig.CONSUMER_GROUP_ID), config.topics().provinceStats(), 1);
        assertEquals(1, alertsOf(rule).size(), "a spike is raised once: " + alertsOf(rule));
        assertEquals(1, alertsOf(provinceRule).size(), "a province's spike is raised once: " + alertsOf(provinceRule));
    }

    private static String strikeReport(String company, String workers) {
        return """
                Công nhân Công ty TNHH %1$s đình công vì bị nợ lương

                Bình Dương, ngày 15/3/2024

                Sáng 15/3, khoảng %2$s công nhân Công ty TNHH %1$s ở tỉnh Bình Dương đồng loạt đình công, ngừng \
                việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

                Liên đoàn Lao động tỉnh Bình Dương đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa \
                phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp \
                lao động.

                Tại buổi đối thoại, công ty cam kết trả đủ tiền lương còn nợ trước cuối tháng, người lao động đồng \
                ý trở lại làm việc từ ca chiều cùng ngày.
                """.formatted(company, workers);
    }

    private List<AlertEvent> alertsOf(String rule) {
        return readAlerts().stream().filter(a -> a.rule().equals(rule)).toList();
    }

    private List<AlertEvent> readAlerts() {
        List<AlertEvent> alerts = new ArrayList<>();
        try (TopicReader reader = new TopicReader(config)) {
            reader.read(event -> {
                if (AlertEvent.EVENT_TYPE.equals(event.eventType())) {
                    alerts.add(parse(event.json(), AlertEvent.class));
                }
                return true;
            }, Duration.ofMillis(500));
        }
        return alerts;
    }

    private ArticlePublisher.Report publishSeeds() {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            return publisher.publish(PageInputs.fromPaths(List.of(SEEDS)), done -> { });
        }
    }

    private Map<String, List<SummaryEvent>> awaitSummaries(int articles) {
        return await().atMost(DEADLINE).until(() -> readSummaries(Duration.ofMillis(500)), seen -> seen.size() >= articles);
    }

    private Map<String, List<SummaryEvent>> readSummaries(Duration window) {
        Map<String, List<SummaryEvent>> byId = new HashMap<>();
        try (TopicReader reader = new TopicReader(config)) {
            reader.read(event -> {
                assertEquals(SummaryEvent.EVENT_TYPE, event.eventType());
                byId.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(parse(event.json(), SummaryEvent.class));
                return true;
            }, window);
        }
        return byId;
    }

    private Map<String, DeadLetter> awaitDeadLetters(int count) {
        return await().atMost(DEADLINE).until(this::readDeadLetters, letters -> letters.size() >= count);
    }

    /** The DLQ as a committed-read client sees it, keyed by the failed record's original key. */
    private Map<String, DeadLetter> readDeadLetters() {
        Map<String, DeadLetter> letters = new HashMap<>();
        try (TopicReader reader = new TopicReader(config, config.topics().dlq())) {
            reader.read(event -> {
                letters.put(event.key(), parse(event.json(), DeadLetter.class));
                return true;
            }, Duration.ofMillis(500));
        }
        return letters;
    }

    /**
     * Waits until the aggregates hold the expected counts and have not changed for two seconds (an article's
     * contributions to the organisations it names arrive one by one), then returns every organisation's count.
     */
    private Map<String, Long> awaitOrgCounts(Map<String, Long> expected) {
        Map<String, Long> last = new HashMap<>();
        await().atMost(DEADLINE).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            Map<String, Long> counts = orgCounts();
            boolean settled = counts.equals(last)
                    && expected.entrySet().stream().allMatch(e -> e.getValue().equals(counts.get(e.getKey())));
            last.clear();
            last.putAll(counts);
            return settled;
        });
        await().during(Duration.ofSeconds(2)).atMost(DEADLINE).ignoreExceptions().until(() -> orgCounts().equals(last));
        return orgCounts();
    }

    private Map<String, Long> orgCounts() {
        return pipeline.streams().localOrgStats().values().stream()
                .collect(Collectors.toMap(OrgStats::name, OrgStats::articleCount));
    }

    /**
     * Waits until a group has committed offsets up to the end of every partition of a topic. A topic written
     * in transactions ends with a commit marker, which no consumer commits past: {@code markers} is 1 there.
     */
    private void awaitNoLag(String groupId, String topic, int markers) {
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            await().atMost(DEADLINE).ignoreExceptions().until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null
                        && committed.get(e.getKey()).offset() >= e.getValue().offset() - markers));
            });
        }
    }

    private KafkaProducer<String, String> rawProducer() {
        Properties props = config.clientProperties("producer");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, Integer> countsOf(List<String> ids) {
        Map<String, Integer> counts = new HashMap<>();
        ids.forEach(id -> counts.merge(id, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> counts(Map<String, List<SummaryEvent>> byId) {
        Map<String, Integer> counts = new HashMap<>();
        byId.forEach((id, list) -> counts.put(id, list.size()));
        return counts;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (Exception e) {
            throw new AssertionError("Not a " + type.getSimpleName() + ": " + json, e);
        }
    }
}
