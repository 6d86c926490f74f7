package vn.unionnews.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicTable;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInputs;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.streams.ArticleTopology;
import vn.unionnews.streams.OrgStatsApi;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Two Streams instances of one application on a real broker, each serving the HTTP API: a question sent to one
 * is answered with the data the other holds, and a listing gathers both instances' parts.
 */
@ExtendWith(KafkaBrokerExtension.class)
class InteractiveQueriesIntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String LAO_CAI = "Liên đoàn Lao động tỉnh Lào Cai";

    @TempDir
    Path stateDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private UnionNewsConfig config;
    private final Pipeline[] pipelines = new Pipeline[2];
    private final ArticleStreams[] instances = new ArticleStreams[2];
    private final OrgStatsApi[] apis = new OrgStatsApi[2];

    @BeforeEach
    void startTwoInstances(KafkaBroker broker) throws IOException {
        String prefix = broker.uniquePrefix("iq");
        config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                UnionNewsConfig.TOPIC_PREFIX, prefix,
                UnionNewsConfig.TOPIC_PARTITIONS, "4",
                UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams"));
        TopicAdmin.ensureTopics(config);
        for (int i = 0; i < 2; i++) {
            int port = freePort();
            UnionNewsConfig instance = config
                    .with(UnionNewsConfig.STREAMS_STATE_DIR, stateDir.resolve("instance-" + i).toString())
                    .with(UnionNewsConfig.HTTP_PORT, String.valueOf(port));
            pipelines[i] = Pipeline.start(instance, 0, true, summary -> { });
            instances[i] = pipelines[i].streams();
            apis[i] = pipelines[i].api().orElseThrow();
        }
    }

    @AfterEach
    void stopInstances() throws InterruptedException {
        for (Pipeline pipeline : pipelines) {
            if (pipeline != null) {
                pipeline.close();
            }
        }
    }

    @Test
    void anyInstanceAnswersForAnOrganisationTheOtherHolds() throws Exception {
        List<String> sent;
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            sent = publisher.publish(PageInputs.fromPaths(List.of(RepoPaths.find("seeds"))), done -> { }).sentIds();
        }
        assertEquals(5, sent.size());
        // Every article has reached the aggregates once each sent id is among some organisation's articles.
        // The listing sent to the first instance must come to equal what both instances hold together.
        Set<String> names = new HashSet<>();
        await().atMost(DEADLINE).ignoreExceptions().until(() -> {
            if (!bothRunning() || !localArticleIds().containsAll(sent)
                    || get(0, "/api/orgs/" + encode(LAO_CAI)).path("articleCount").asLong() != 4) {
                return false;
            }
            names.clear();
            get(0, "/api/orgs?limit=1000").forEach(row -> names.add(row.path("name").asText()));
            return names.equals(localNames());
        });
        assertTrue(names.size() > localNames(0).size(), "the first instance alone holds fewer organisations");

        // An organisation whose aggregates live on the second instance, asked of the first.
        String remote = names.stream().filter(name -> ownerIs(1, name)).findFirst().orElseThrow(
                () -> new AssertionError("no organisation is held by the second instance: " + names));
        assertFalse(instances[0].localOrgStats().containsKey(remote), "the first instance does not hold " + remote);
        JsonNode answer = get(0, "/api/orgs/" + encode(remote));
        OrgStats held = instances[1].localOrgStats().get(remote);
        assertEquals(remote, answer.path("name").asText());
        assertEquals(held.articleCount(), answer.path("articleCount").asLong());
        assertEquals(held.coMentions().size() > 0, answer.path("mostCoMentioned").size() > 0);
        assertEquals(held.recent().size(), get(0, "/api/orgs/" + encode(remote) + "/articles").size());
        assertEquals(404, status(0, "/api/orgs/" + encode("Không có tổ chức này")));

        // Provinces the same way, from either instance: four seeds are about Lào Cai, one about Điện Biên.
        for (int i = 0; i < 2; i++) {
            int instance = i;
            JsonNode provinces = await().atMost(DEADLINE).ignoreExceptions().until(
                    () -> get(instance, "/api/provinces?sort=name"), rows -> rows.size() == 2);
            assertEquals("Lào Cai", provinces.get(1).path("name").asText());
            assertEquals(4, provinces.get(1).path("articleCount").asLong());
            assertEquals(1, get(instance, "/api/provinces/" + encode("Điện Biên")).path("articleCount").asLong());
        }
        assertEquals(404, status(1, "/api/provinces/" + encode(LAO_CAI)), "an organisation is not a province");

        // The dashboard is one page over these endpoints: each one it reads answers JSON.
        HttpResponse<String> page = http.send(request(1, "/"), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("<title>Union News Stream"), page.body());
        for (String path : List.of("/api/orgs?", "/api/orgs/", "/api/provinces?limit=100",
                "/api/topics?granularity=month", "/api/subscriptions", "/health")) {
            assertTrue(page.body().contains("\"" + path), "the dashboard reads " + path);
        }
        assertTrue(get(1, "/api/orgs?type=provincial_federation&limit=50").size() > 0);
        assertTrue(get(1, "/api/provinces?limit=100").size() > 0);
        assertTrue(get(1, "/api/topics?granularity=month").size() > 0);
        assertTrue(get(1, "/health").has("state"));
    }

    @Test
    void subscriptionsAreWrittenAndReadOverHttpOnAnyInstance() throws Exception {
        HttpResponse<String> created = send(0, "POST", "/api/subscriptions",
                "{\"topics\": [\"disputes\"], \"provinces\": [\"Lào Cai\"], \"keywords\": \"nợ lương\"}");
        assertEquals(201, created.statusCode(), created.body());
        JsonNode subscription = Json.mapper().readTree(created.body());
        String id = subscription.path("id").asText();
        assertTrue(id.matches("sub-[0-9a-f]{8}"), id);
        assertEquals("/api/subscriptions/" + id, created.headers().firstValue("Location").orElse(""));
        assertEquals(Subscription.DEFAULT_MIN_SCORE, subscription.path("minScore").asDouble());
        assertEquals("warning", subscription.path("severity").asText());

        // The other instance reads its writes from the topic, as the CLI and the consumers do.
        assertEquals(List.of("nợ lương"), Json.mapper().convertValue(get(1, "/api/subscriptions/" + id).path("keywords"),
                List.class));
        assertEquals(Set.of(id), TopicTable.snapshot(config, config.topics().subscriptions(), Subscription.class,
                DEADLINE).keySet());

        HttpResponse<String> replaced = send(1, "PUT", "/api/subscriptions/" + id,
                "{\"topics\": [\"safety\"], \"severity\": \"critical\"}");
        assertEquals(200, replaced.statusCode(), replaced.body());
        assertEquals(409, send(0, "POST", "/api/subscriptions", "{\"id\": \"" + id + "\", \"topics\": [\"safety\"]}")
                .statusCode(), "POST never replaces");
        JsonNode listed = get(0, "/api/subscriptions");
        assertEquals(1, listed.size());
        assertEquals("critical", listed.get(0).path("severity").asText());
        assertEquals(0, listed.get(0).path("provinces").size(), "a PUT replaces the whole subscription");

        for (String bad : List.of("{\"topics\": [\"strikes\"]}", "{\"severity\": \"urgent\", \"topics\": [\"safety\"]}",
                "{\"topics\": [\"safety\"], \"minScore\": 2}", "{\"topics\": [\"safety\"], \"minScore\": true}",
                "{\"keywords\": \"\"}", "{\"id\": \"a/b\", \"topics\": [\"safety\"]}", "{}", "[1]", "not json")) {
            HttpResponse<String> refused = send(0, "POST", "/api/subscriptions", bad);
            assertEquals(400, refused.statusCode(), bad + " → " + refused.body());
            assertTrue(Json.mapper().readTree(refused.body()).path("error").asText().length() > 10, refused.body());
        }

        HttpResponse<String> typo = send(0, "POST", "/api/subscriptions",
                "{\"topics\": [\"disputes\"], \"keyword\": [\"nợ lương\"]}");
        assertEquals(400, typo.statusCode(), typo.body());
        assertTrue(Json.mapper().readTree(typo.body()).path("error").asText().contains("unknown field 'keyword'"),
                typo.body());
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()), new StringSerializer(),
                new StringSerializer())) {
            raw.send(new ProducerRecord<>(config.topics().subscriptions(), "sub-typo",
                    "{\"schemaVersion\": 1, \"id\": \"sub-typo\", \"topics\": [\"disputes\"], \"keyword\": [\"x\"]}"))
                    .get();
        }
        assertEquals(Set.of(id), TopicTable.snapshot(config, config.topics().subscriptions(), Subscription.class,
                Duration.ofSeconds(30)).keySet(), "the topic's reader refuses the unknown field too");

        HttpRequest plainText = HttpRequest.newBuilder(URI.create("http://localhost:" + apis[0].port()
                        + "/api/subscriptions")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"topics\": [\"safety\"]}")).build();
        assertEquals(415, http.send(plainText, HttpResponse.BodyHandlers.discarding()).statusCode(),
                "a form another site could post is refused");
        HttpResponse<String> created2 = send(0, "PUT", "/api/subscriptions/sub-lao-cai-safety",
                "{\"topics\": \"safety\", \"provinces\": \"Lào Cai\"}");
        assertEquals(201, created2.statusCode(), "a PUT of a new id creates it: " + created2.body());
        assertEquals(204, send(1, "DELETE", "/api/subscriptions/sub-lao-cai-safety", null).statusCode());

        assertEquals(204, send(1, "DELETE", "/api/subscriptions/" + id, null).statusCode());
        assertEquals(404, send(0, "DELETE", "/api/subscriptions/" + id, null).statusCode());
        assertEquals(404, status(0, "/api/subscriptions/" + id));
        assertEquals(0, get(1, "/api/subscriptions").size());
    }

    private HttpResponse<String> send(int instance, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + apis[instance].port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Set<String> localNames(int instance) {
        return instances[instance].localOrgStats().keySet();
    }

    private Set<String> localNames() {
        Set<String> names = new HashSet<>();
        for (ArticleStreams instance : instances) {
            names.addAll(instance.localOrgStats().keySet());
        }
        return names;
    }

    private Set<String> localArticleIds() {
        Set<String> ids = new HashSet<>();
        for (ArticleStreams instance : instances) {
            instance.localOrgStats().values().forEach(stats -> stats.recent().forEach(ref -> ids.add(ref.id())));
        }
        return ids;
    }

    private boolean bothRunning() {
        return instances[0].kafkaStreams().state() == KafkaStreams.State.RUNNING
                && instances[1].kafkaStreams().state() == KafkaStreams.State.RUNNING;
    }

    private boolean ownerIs(int instance, String org) {
        KeyQueryMetadata owner = instances[0].kafkaStreams().queryMetadataForKey(ArticleTopology.ORG_STATS_STORE, org,
                Serdes.String().serializer());
        return owner.activeHost().equals(instances[instance].applicationServer());
    }

    private JsonNode get(int instance, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request(instance, path), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.mapper().readTree(response.body());
    }

    private int status(int instance, String path) throws IOException, InterruptedException {
        return http.send(request(instance, path), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest request(int instance, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + apis[instance].port() + path)).GET().build();
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
