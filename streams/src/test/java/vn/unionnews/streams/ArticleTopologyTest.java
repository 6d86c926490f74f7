package vn.unionnews.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.DeadLetter;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.Metric;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;

class ArticleTopologyTest {
    private static final Topics TOPICS = new Topics("test.");
    private static final SourceOrg LAO_CAI = new SourceOrg("Liên đoàn Lao động tỉnh Lào Cai", "provincial_federation");
    private static final SourceOrg DIEN_BIEN = new SourceOrg("Liên đoàn Lao động tỉnh Điện Biên", "provincial_federation");

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, ArticleEvent> articles;
    private TestInputTopic<String, String> rawArticles;
    private TestOutputTopic<String, EnrichedArticle> enriched;
    private TestOutputTopic<String, OrgStats> orgStats;
    private TestOutputTopic<String, DeadLetter> deadLetters;

    @BeforeEach
    void startDriver() {
        startDriver(new Enricher()::enrich);
    }

    private void startDriver(ValueMapper<ArticleEvent, EnrichedArticle> enrich) {
        StreamsBuilder builder = new StreamsBuilder();
        ArticleTopology.build(builder, TOPICS, enrich);
        Properties props = ArticleStreams.properties(UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.TOPIC_PREFIX, TOPICS.prefix(),
                UnionNewsConfig.STREAMS_STATE_DIR, stateDir.toString())));
        driver = new TopologyTestDriver(builder.build(), props);
        articles = driver.createInputTopic(TOPICS.articles(), new StringSerializer(), ArticleTopology.ARTICLE_SERDE);
        rawArticles = driver.createInputTopic(TOPICS.articles(), new StringSerializer(), new StringSerializer());
        enriched = driver.createOutputTopic(TOPICS.enriched(), new StringDeserializer(), ArticleTopology.ENRICHED_SERDE);
        orgStats = driver.createOutputTopic(TOPICS.orgStats(), new StringDeserializer(), ArticleTopology.ORG_STATS_SERDE);
        deadLetters = driver.createOutputTopic(TOPICS.dlq(), new StringDeserializer(), JsonSerde.of(DeadLetter.class));
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static ArticleEvent article(String id, SourceOrg source, String body, Instant fetchedAt) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null, source, fetchedAt, "2020-01-21",
                "Kết quả 10 năm thực hiện phong trào thi đua “Dân vận khéo”", body, null, null,
                List.of(body), null, null);
    }

    private static ArticleEvent dated(String id, String publishedAt, String body) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null, LAO_CAI, Instant.EPOCH, publishedAt,
                "Công đoàn Lào Cai phát triển đoàn viên", body, null, null, List.of(body), null, null);
    }

    private OrgStats stats(String org) {
        KeyValueStore<String, OrgStats> store = driver.getKeyValueStore(ArticleTopology.ORG_STATS_STORE);
        return store.get(org);
    }

    private long articleCount(String org) {
        KeyValueStore<String, OrgStats> store = driver.getKeyValueStore(ArticleTopology.ORG_STATS_STORE);
        OrgStats stats = store.get(org);
        return stats == null ? 0 : stats.articleCount();
    }

    @Test
    void everyNewArticleIsEnrichedUnderItsId() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Kết nạp mới được 17.594 đoàn viên.", Instant.EPOCH));
        articles.pipeInput("a2", article("a2", DIEN_BIEN, "Thành lập mới 252 công đoàn cơ sở.", Instant.EPOCH));

        var records = enriched.readKeyValuesToMap();
        assertEquals(Map.of("a1", "Kết nạp mới được 17.594 đoàn viên.", "a2", "Thành lập mới 252 công đoàn cơ sở."),
                Map.of("a1", records.get("a1").body(), "a2", records.get("a2").body()));
        assertEquals(LAO_CAI.name(), records.get("a1").organizations().get(0).name());
        assertEquals(1, articleCount(LAO_CAI.name()));
        assertEquals(1, articleCount(DIEN_BIEN.name()));
    }

    @Test
    void aTombstoneRetractsTheArticleOnceAndTakesItOutOfTheAggregates() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Kết nạp mới được 17.594 đoàn viên.", Instant.EPOCH));
        articles.pipeInput("a2", article("a2", LAO_CAI, "Thành lập mới 252 công đoàn cơ sở.", Instant.EPOCH));
        articles.pipeInput("a3", article("a3", DIEN_BIEN, "Thành lập mới 12 công đoàn cơ sở.", Instant.EPOCH));
        enriched.readValuesToList();
        assertEquals(2, articleCount(LAO_CAI.name()));

        articles.pipeInput("a1", null);
        articles.pipeInput("a3", null);
        articles.pipeInput("a1", null);
        articles.pipeInput("never-seen", null);

        var out = enriched.readKeyValuesToList();
        assertEquals(List.of("a1", "a3"), out.stream().map(kv -> kv.key).toList(), "one retraction each, no others");
        assertTrue(out.stream().allMatch(kv -> kv.value == null), "retractions are tombstones in articles.enriched");
        OrgStats laoCai = stats(LAO_CAI.name());
        assertEquals(1, laoCai.articleCount());
        assertEquals(List.of("a2"), laoCai.recent().stream().map(OrgStats.ArticleRef::id).toList());
        assertEquals(1L, laoCai.daily().values().stream().mapToLong(day -> day.get(OrgStats.ALL_TOPICS)).sum());
        assertEquals(null, stats(DIEN_BIEN.name()), "an organisation left with no article leaves the table");
        KeyValueStore<String, Object> byId = driver.getKeyValueStore(ArticleTopology.ARTICLES_STORE);
        assertEquals(null, byId.get("a1"));
        assertTrue(orgStats.readKeyValuesToMap().containsKey(DIEN_BIEN.name()));
        assertTrue(deadLetters.isEmpty(), "a tombstone is no error");
    }

    @Test
    void aRetractedArticleSentAgainCountsAgain() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung bài viết.", Instant.EPOCH));
        articles.pipeInput("a1", null);
        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung bài viết.", Instant.EPOCH));

        assertEquals(3, enriched.readValuesToList().size());
        assertEquals(1, articleCount(LAO_CAI.name()));
    }

    @Test
    void anArticleWithoutDatesCountsOnItsRecordsDayEverywhere() {
        ArticleEvent undated = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "u1", null, LAO_CAI, null, null,
                "Công đoàn Lào Cai thăm hỏi công nhân", "Công đoàn thăm hỏi 120 công nhân khó khăn.", null, null,
                List.of("Công đoàn thăm hỏi 120 công nhân khó khăn."), null, null);
        articles.pipeInput("u1", undated, Instant.parse("2024-03-14T20:00:00Z"));
        articles.pipeInput("d1", dated("d1", "2024-03-02", "Kết nạp mới được 300 đoàn viên."));

        OrgStats laoCai = stats(LAO_CAI.name());
        assertEquals(2, laoCai.articleCount());
        assertEquals(Map.of("2024-03-02", 1L, "2024-03-15", 1L), laoCai.daily().entrySet().stream().collect(
                Collectors.toMap(Map.Entry::getKey, day -> day.getValue().get(OrgStats.ALL_TOPICS))),
                "the record's time, in Vietnam, is the undated article's day");
        assertEquals(2L, laoCai.monthly().get("2024-03").get(OrgStats.ALL_TOPICS), "months add up to the count");
        assertEquals(List.of("2024-03-15", "2024-03-02"),
                laoCai.recent().stream().map(OrgStats.ArticleRef::day).toList(), "every recent article has its day");
        assertEquals(Instant.parse("2024-03-14T20:00:00Z"), enriched.readValuesToList().get(0).fetchedAt());
    }

    @Test
    void unchangedRescrapeProducesNoNewEnrichedRecordAndNoNewCount() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung bài viết.", Instant.parse("2020-01-21T00:00:00Z")));
        assertEquals(1, enriched.readValuesToList().size());
        orgStats.readValuesToList();

        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung bài viết.", Instant.parse("2020-01-22T08:00:00Z")));

        assertTrue(enriched.isEmpty(), "an unchanged re-scrape must not reach articles.enriched");
        assertTrue(orgStats.isEmpty(), "an unchanged re-scrape must not change org-stats");
        assertEquals(1, articleCount(LAO_CAI.name()));
    }

    @Test
    void resentArticleReplacesItsEarlierCount() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Bản đầu tiên.", Instant.EPOCH));
        articles.pipeInput("a1", article("a1", LAO_CAI, "Bản đã đính chính.", Instant.EPOCH));

        List<EnrichedArticle> versions = enriched.readValuesToList();
        assertEquals(List.of("Bản đầu tiên.", "Bản đã đính chính."), versions.stream().map(EnrichedArticle::body).toList());
        assertEquals(1, articleCount(LAO_CAI.name()), "a correction replaces, never adds");
    }

    @Test
    void correctedSourceMovesTheArticleToTheOtherOrganisation() {
        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung.", Instant.EPOCH));
        articles.pipeInput("a1", article("a1", DIEN_BIEN, "Nội dung.", Instant.EPOCH));

        assertEquals(0, articleCount(LAO_CAI.name()));
        assertEquals(1, articleCount(DIEN_BIEN.name()));
        Map<String, OrgStats> latest = orgStats.readKeyValuesToMap();
        assertTrue(latest.containsKey(LAO_CAI.name()) && latest.get(LAO_CAI.name()) == null,
                "an organisation left with no article: a tombstone in org-stats");
        assertEquals(1, latest.get(DIEN_BIEN.name()).articleCount());
    }

    @Test
    void unreadableRecordIsSkippedAndTheNextOneProcessed() {
        rawArticles.pipeInput("bad", "{not json");
        rawArticles.pipeInput("no-id", "{\"schemaVersion\":1,\"body\":\"x\"}");
        articles.pipeInput("a1", article("a1", LAO_CAI, "Nội dung.", Instant.EPOCH));

        assertEquals(List.of("a1"), enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        assertEquals(1, articleCount(LAO_CAI.name()));
        // The DLQ records themselves are checked against a real broker in PipelineIntegrationTest.
    }

    @Test
    void anArticleFromASiteNoDataFileNamesIsEnrichedNotDeadLettered() {
        // A scraper's "source" names the site, but no data file gives its type; a caption list holds a null.
        String json = "{\"schemaVersion\":1,\"id\":\"bd1\",\"source\":{\"name\":\"Báo Bình Dương\",\"type\":null},"
                + "\"publishedAt\":\"2024-03-15\",\"body\":\"Năm 2023, Liên đoàn Lao động tỉnh Bình Dương đã kết nạp"
                + " mới được 12.500 đoàn viên.\",\"sentences\":[\"Năm 2023, Liên đoàn Lao động tỉnh Bình Dương đã kết nạp"
                + " mới được 12.500 đoàn viên.\"],\"captions\":[null]}";
        rawArticles.pipeInput("bd1", json);

        assertTrue(deadLetters.isEmpty(), () -> deadLetters.readValuesToList().toString());
        EnrichedArticle out = enriched.readValue();
        assertEquals(new SourceOrg("Báo Bình Dương", null), out.source());
        assertEquals(List.of(new Metric("new_members", 12500, "kết nạp mới được 12.500 đoàn viên",
                "Liên đoàn Lao động tỉnh Bình Dương")), out.metrics());
        assertEquals(1, articleCount("Báo Bình Dương"));
        assertEquals(12500.0, stats("Liên đoàn Lao động tỉnh Bình Dương").metricTotals().get("new_members"));
    }

    @Test
    void aRecordThatFailsInTheTopologyGoesToTheDlqWithStageExceptionAndOriginalBytes() {
        driver.close();
        startDriver(article -> {
            throw new NullPointerException();
        });
        String json = "{\"schemaVersion\":1,\"id\":\"a1\",\"body\":\"Nội dung.\"}";
        rawArticles.pipeInput("a1", json);

        assertTrue(enriched.isEmpty());
        var letter = deadLetters.readKeyValue();
        assertEquals("a1", letter.key);
        assertEquals("streams/enrich", letter.value.stage());
        assertEquals(TOPICS.articles(), letter.value.topic());
        assertEquals(0L, letter.value.offset());
        assertEquals(NullPointerException.class.getName(), letter.value.exception());
        assertEquals("NullPointerException", letter.value.error());
        assertTrue(letter.value.thrownAt().startsWith(ArticleTopologyTest.class.getName()), letter.value.thrownAt());
        assertEquals("a1", letter.value.originalKey());
        assertEquals(json, letter.value.originalValueText());
        assertEquals(json, new String(Base64.getDecoder().decode(letter.value.originalValueBase64()),
                StandardCharsets.UTF_8));
    }

    @Test
    void readersIgnoreFieldsTheyDoNotKnow() {
        String json = "{\"schemaVersion\":2,\"id\":\"a9\",\"body\":\"Nội dung.\",\"futureField\":{\"x\":1},"
                + "\"source\":{\"name\":\"Báo Lào Cai\",\"type\":\"media\",\"website\":\"x\"}}";
        rawArticles.pipeInput("a9", json);

        EnrichedArticle out = enriched.readValue();
        assertEquals("a9", out.id());
        assertEquals("Báo Lào Cai", out.source().name());
    }

    @Test
    void onlyTheContributionsAreRepartitionedNeverAWholeArticle() {
        StreamsBuilder builder = new StreamsBuilder();
        ArticleTopology.build(builder, TOPICS, new Enricher()::enrich);
        Set<String> repartitions = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : builder.build().describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink && sink.topic().endsWith("-repartition")) {
                    repartitions.add(sink.topic());
                }
            }
        }
        assertEquals(Set.of("articles-keyed-by-id-repartition", "contributions-table-repartition",
                "contributions-by-org-repartition", "province-contributions-table-repartition",
                "contributions-by-province-repartition"), repartitions,
                "the articles table reads the enriched articles where they are: no articles-table-repartition");

        articles.pipeInput("a1", article("a1", LAO_CAI, "Kết nạp mới được 17.594 đoàn viên, được Tổng LĐLĐ Việt"
                + " Nam tặng Cờ thi đua.", Instant.EPOCH));
        Set<String> written = driver.producedTopicNames().stream().filter(t -> t.endsWith("-repartition"))
                .collect(Collectors.toSet());
        assertTrue(written.stream().anyMatch(t -> t.endsWith("contributions-by-org-repartition")), written.toString());
        for (String topic : written) {
            List<String> values = driver.createOutputTopic(topic, new StringDeserializer(), new StringDeserializer())
                    .readValuesToList();
            assertTrue(topic.endsWith("contributions-table-repartition") || topic.contains("by-")
                    ? values.stream().allMatch(v -> v == null || !v.contains("\"sentences\""))
                    : values.isEmpty(), topic + " carries " + values);
        }
        assertTrue(written.stream().noneMatch(t -> t.endsWith("articles-keyed-by-id-repartition")),
                "an article under its id is not repartitioned");
    }

    @Test
    void anArticleWithoutAKeyIsKeyedByItsId() {
        articles.pipeInput((String) null, article("a1", LAO_CAI, "Kết nạp mới được 17.594 đoàn viên.", Instant.EPOCH));

        assertEquals(List.of("a1"), enriched.readKeyValuesToList().stream().map(kv -> kv.key).toList());
        assertEquals(1, articleCount(LAO_CAI.name()));
    }

    @Test
    void theArticlesStoreKeepsWhatTheQueriesReadNotTheText() {
        String body = "Năm 2019, LĐLĐ tỉnh đã kết nạp mới được 17.594 đoàn viên. ".repeat(20);
        articles.pipeInput("a1", dated("a1", "2020-01-21T08:00:00+07:00", body));

        KeyValueStore<String, StoredArticle> byId = driver.getKeyValueStore(ArticleTopology.ARTICLES_STORE);
        StoredArticle stored = byId.get("a1");
        assertEquals("a1", stored.id());
        assertEquals("2020-01-21", stored.day());
        assertEquals("Công đoàn Lào Cai phát triển đoàn viên", stored.displayTitle());
        assertTrue(stored.topics().stream().anyMatch(t -> t.id().equals("membership")), stored.topics().toString());
        byte[] bytes = ArticleTopology.STORED_SERDE.serialize(TOPICS.articles(), stored);
        assertTrue(bytes.length < 500 && !new String(bytes, StandardCharsets.UTF_8).contains("17.594"),
                new String(bytes, StandardCharsets.UTF_8));
        EnrichedArticle whole = enriched.readValue();
        assertEquals(stored, ArticleTopology.STORED_SERDE.deserialize(TOPICS.articles(),
                ArticleTopology.ENRICHED_SERDE.serialize(TOPICS.enriched(), whole)),
                "a whole enriched article, as the store held before, reads as what the store keeps");
    }

    @Test
    void theAggregatesAreCachedBetweenCommits() {
        for (String store : List.of(ArticleTopology.ORG_STATS_STORE, ArticleTopology.PROVINCE_STATS_STORE)) {
            assertTrue(cached(driver.getAllStateStores().get(store)), store + " writes through its record cache");
        }
        for (String store : List.of(ArticleTopology.CONTRIBUTIONS_STORE, ArticleTopology.ARTICLES_STORE)) {
            assertTrue(!cached(driver.getAllStateStores().get(store)),
                    store + ", a key or two per article, leaves the cache to the aggregates");
        }
        Properties props = ArticleStreams.properties(UnionNewsConfig.defaults(Map.of()));
        assertTrue(Long.parseLong(props.getProperty(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG)) > 0);
    }

    /** Whether one of the store's layers is Streams' record cache (its class is internal: known by its name). */
    private static boolean cached(StateStore store) {
        for (StateStore layer = store; layer instanceof WrappedStateStore<?, ?, ?> wrapped; layer = wrapped.wrapped()) {
            if (layer.getClass().getSimpleName().startsWith("Caching")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aggregatesTopicsFiguresCoMentionsAndDaysPerOrganisation() {
        articles.pipeInput("a1", dated("a1", "2020-01-21T08:00:00+07:00", "Năm 2019, LĐLĐ tỉnh đã kết nạp mới được"
                + " 17.594 đoàn viên, được Tổng LĐLĐ Việt Nam tặng Cờ thi đua xuất sắc."));

        OrgStats laoCai = stats(LAO_CAI.name());
        assertEquals(1, laoCai.articleCount());
        assertTrue(laoCai.topics().containsKey("membership"), laoCai.topics().toString());
        assertEquals(17594.0, laoCai.metricTotals().get("new_members"));
        assertEquals(Map.of("Tổng Liên đoàn Lao động Việt Nam", 1L), laoCai.coMentions());
        assertEquals("2020-01-21", laoCai.firstSeen());
        assertEquals(1L, laoCai.daily().get("2020-01-21").get(OrgStats.ALL_TOPICS));
        assertEquals(List.of("a1"), laoCai.recent().stream().map(OrgStats.ArticleRef::id).toList());
        assertEquals(1, stats("Tổng Liên đoàn Lao động Việt Nam").articleCount(), "a named organisation counts too");
    }

    @Test
    void aCorrectionReplacesFiguresAndTakesBackOrganisationsItNoLongerNames() {
        articles.pipeInput("a1", dated("a1", "2020-01-21", "LĐLĐ tỉnh đã kết nạp mới được 17.594 đoàn viên,"
                + " được Tổng LĐLĐ Việt Nam tặng Cờ thi đua."));
        articles.pipeInput("a1", dated("a1", "2020-01-21", "LĐLĐ tỉnh đã kết nạp mới được 17.595 đoàn viên."));

        OrgStats laoCai = stats(LAO_CAI.name());
        assertEquals(1, laoCai.articleCount());
        assertEquals(17595.0, laoCai.metricTotals().get("new_members"), "the corrected figure, not the sum");
        assertEquals(Map.of(), laoCai.coMentions());
        assertEquals(0, articleCount("Tổng Liên đoàn Lao động Việt Nam"));
    }

    @Test
    void aLateArticleLandsInItsOwnDayAndMonth() {
        articles.pipeInput("a1", dated("a1", "2020-01-21", "LĐLĐ tỉnh đã kết nạp mới được 120 đoàn viên."));
        articles.pipeInput("a2", dated("a2", "2020-01-22", "LĐLĐ tỉnh đã kết nạp mới được 80 đoàn viên."));
        articles.pipeInput("old", dated("old", "2019-12-30", "LĐLĐ tỉnh đã kết nạp mới được 40 đoàn viên."));

        OrgStats laoCai = stats(LAO_CAI.name());
        assertEquals(List.of("2019-12-30", "2020-01-21", "2020-01-22"), List.copyOf(laoCai.daily().keySet()));
        assertEquals("2019-12-30", laoCai.firstSeen());
        assertEquals("2020-01-22", laoCai.lastSeen());
        assertEquals(2L, laoCai.monthly().get("2020-01").get(OrgStats.ALL_TOPICS));
        assertEquals(1L, laoCai.monthly().get("2019-12").get(OrgStats.ALL_TOPICS));
        assertEquals(240.0, laoCai.metricTotals().get("new_members"));
        assertEquals(List.of("a2", "a1", "old"), laoCai.recent().stream().map(OrgStats.ArticleRef::id).toList());
    }

    @Test
    void provincesCountTheArticlesAboutThemAndACorrectionMovesOne() {
        articles.pipeInput("a1", dated("a1", "2020-01-21", "LĐLĐ tỉnh đã kết nạp mới được 120 đoàn viên."));
        articles.pipeInput("a2", dated("a2", "2020-01-21", "Sáng 21/1, công nhân một doanh nghiệp ở tỉnh Bình Dương"
                + " ngừng việc tập thể vì bị nợ lương."));
        articles.pipeInput("a3", dated("a3", "2020-01-22", "Sáng 22/1, công nhân một doanh nghiệp ở tỉnh Bình Dương"
                + " ngừng việc tập thể vì bị nợ lương."));
        articles.pipeInput("a3", dated("a3", "2020-01-22", "Sáng 22/1, công nhân một doanh nghiệp ở tỉnh Đồng Nai"
                + " ngừng việc tập thể vì bị nợ lương."));

        KeyValueStore<String, OrgStats> provinces = driver.getKeyValueStore(ArticleTopology.PROVINCE_STATS_STORE);
        assertEquals(3, provinces.get("Lào Cai").articleCount(), "the Lào Cai federation publishes all three");
        assertEquals(OrgContribution.PROVINCE, provinces.get("Lào Cai").type());
        assertEquals(1, provinces.get("Bình Dương").articleCount(), "a3 was corrected to Đồng Nai");
        assertEquals(1, provinces.get("Đồng Nai").articleCount());
        assertEquals(Map.of("2020-01-21", 1L), provinces.get("Bình Dương").daily().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get(OrgStats.ALL_TOPICS))));
        assertEquals(List.of("Lào Cai", "Bình Dương"), enrichedOf("a2").provinces());
        assertEquals(null, stats("Bình Dương"), "provinces are not organisations");
        var changes = driver.createOutputTopic(TOPICS.provinceStats(), new StringDeserializer(),
                ArticleTopology.ORG_STATS_SERDE).readKeyValuesToMap();
        assertEquals(1, changes.get("Đồng Nai").articleCount(), "province-stats carries the changes");
    }

    private EnrichedArticle enrichedOf(String id) {
        return enriched.readKeyValuesToMap().get(id);
    }
}
