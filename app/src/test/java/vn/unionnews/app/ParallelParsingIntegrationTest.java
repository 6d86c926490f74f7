package vn.unionnews.app;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * The producer parses pages on several threads and still sends them in input order, so each key's versions
 * arrive in the order scraped; and a site's pages are parsed in order on one thread, so what it learns of the
 * site's template, and so every article, is what one thread gives.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ParallelParsingIntegrationTest {
    private static final int SITES = 5;
    private static final int VERSIONS = 3;

    @Test
    void pagesParsedOnSeveralThreadsAreSentInInputOrderAndReadAsOneThreadReadsThem(KafkaBroker broker) {
        List<PageInput> inputs = pages();

        Map<String, List<String>> parallel = publishAndRead(broker, inputs, 4);
        Map<String, List<String>> serial = publishAndRead(broker, inputs, 1);

        assertEquals(serial, parallel, "four threads give each key the bodies one thread gives, in the same order");
        for (List<String> bodies : parallel.values()) {
            assertEquals(VERSIONS, bodies.size(), bodies.toString());
            for (int version = 0; version < VERSIONS; version++) {
                assertTrue(bodies.get(version).contains("Bản cập nhật số " + version), bodies.toString());
            }
        }
    }

    /** Every seed on every site, each page scraped {@value #VERSIONS} times, the versions far apart. */
    private static List<PageInput> pages() {
        List<String> seeds = new ArrayList<>();
        try (var files = Files.list(RepoPaths.find("seeds"))) {
            for (Path file : files.sorted().toList()) {
                seeds.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<PageInput> inputs = new ArrayList<>();
        for (int version = 0; version < VERSIONS; version++) {
            for (int site = 0; site < SITES; site++) {
                for (int seed = 0; seed < seeds.size(); seed++) {
                    String text = revised(seeds.get(seed), version);
                    String id = "site" + site + "-seed" + seed;
                    inputs.add(PageInput.of(id + "@" + version, new RawPage(id, "https://lanes" + site
                            + ".example.vn/bai-" + seed, null, null, null, text, null)));
                }
            }
        }
        return inputs;
    }

    /** The page with its first long paragraph (the body's) telling the version. */
    private static String revised(String page, int version) {
        List<String> lines = new ArrayList<>(page.lines().toList());
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > 200) {
                lines.set(i, lines.get(i) + " Bản cập nhật số " + version + " của bài viết đã bổ sung thông tin mới.");
                break;
            }
        }
        return String.join("\n", lines);
    }

    /** Publishes {@code inputs} on topics of their own, parsing on {@code threads}; each key's bodies in order. */
    private static Map<String, List<String>> publishAndRead(KafkaBroker broker, List<PageInput> inputs, int threads) {
        UnionNewsConfig config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                UnionNewsConfig.TOPIC_PREFIX, broker.uniquePrefix("lanes"),
                UnionNewsConfig.PARSE_THREADS, String.valueOf(threads)));
        TopicAdmin.ensureTopics(config, config.topics().producers());
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            ArticlePublisher.Report report = publisher.publish(inputs, done -> { });
            assertEquals(inputs.stream().map(PageInput::origin).toList(),
                    report.outcomes().stream().map(ArticlePublisher.Outcome::input).toList(),
                    "the report lists the inputs in input order");
            assertEquals(inputs.size(), report.sent(), report.failures().toString());
        }
        Map<String, List<String>> bodies = new LinkedHashMap<>();
        try (TopicReader reader = new TopicReader(config, config.topics().articles())) {
            reader.readToEnd(event -> bodies.computeIfAbsent(event.key(), key -> new ArrayList<>())
                    .add(body(event.json())), Duration.ofSeconds(60));
        }
        return bodies;
    }

    private static String body(String json) {
        try {
            JsonNode article = Json.mapper().readTree(json);
            return article.path("body").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
