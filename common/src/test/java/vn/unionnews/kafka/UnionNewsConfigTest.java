package vn.unionnews.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnionNewsConfigTest {
    @TempDir
    Path dir;

    private Path file(String content) throws IOException {
        Path file = dir.resolve("union-news.properties");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void usesTheDefaultsWhenNothingIsConfigured() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(), Map.of());

        assertEquals("localhost:9092", config.bootstrapServers());
        assertEquals("union-news.articles", config.topics().articles());
        assertEquals(3, config.getInt(UnionNewsConfig.TOPIC_PARTITIONS));
        assertEquals(3, config.getInt(UnionNewsConfig.SUMMARY_SENTENCES));
    }

    @Test
    void fileOverridesDefaultsEnvironmentOverridesFileAndFlagsOverrideAll() throws IOException {
        Path file = file("""
                # union-news.properties
                bootstrap.servers = broker-file:9092
                topic.prefix = file.
                topic.partitions = 6
                summary.sentences = 2
                producer.linger.ms = 20
                """);
        Map<String, String> env = Map.of(
                "UNION_NEWS_TOPIC_PREFIX", "env.",
                "UNION_NEWS_TOPIC_PARTITIONS", "9",
                "UNION_NEWS_BOOTSTRAP_SERVERS", "broker-env:9092");
        Map<String, String> flags = Map.of("topic.prefix", "flag.");

        UnionNewsConfig config = UnionNewsConfig.load(file, env, flags);

        assertEquals("flag.", config.get(UnionNewsConfig.TOPIC_PREFIX), "flags beat env and file");
        assertEquals(9, config.getInt(UnionNewsConfig.TOPIC_PARTITIONS), "env beats file");
        assertEquals("broker-env:9092", config.bootstrapServers(), "env beats file");
        assertEquals(2, config.getInt(UnionNewsConfig.SUMMARY_SENTENCES), "file beats defaults");
        assertEquals("20", config.get("producer.linger.ms"), "file-only keys survive");
        assertEquals("union-news-summarizer", config.get(UnionNewsConfig.CONSUMER_GROUP_ID), "defaults fill the rest");
        assertEquals("flag.dlq", config.topics().dlq());
    }

    @Test
    void mapsEnvironmentVariablesToDottedLowerCaseKeys() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(
                "UNION_NEWS_STREAMS_NUM_STREAM_THREADS", "4",
                "UNION_NEWS_SECURITY_PROTOCOL", "SASL_SSL"), Map.of());

        assertEquals("4", config.get("streams.num.stream.threads"));
        assertEquals("SASL_SSL", config.get("security.protocol"));
        assertEquals("4", config.clientProperties("streams").getProperty("num.stream.threads"));
    }

    @Test
    void ignoresEnvironmentVariablesOfOtherPrograms() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(
                "PATH", "/usr/bin",
                "KAFKA_HEAP_OPTS", "-Xmx1G",
                "UNION_NEWS_", "nothing after the prefix",
                "union_news_topic_prefix", "lower-case is not ours."), Map.of());

        assertEquals(UnionNewsConfig.DEFAULTS.size(), config.asMap().size(), () -> config.asMap().toString());
        assertEquals(Topics.DEFAULT_PREFIX, config.get(UnionNewsConfig.TOPIC_PREFIX));
    }

    @Test
    void producerPrefixedKeysGoToTheProducerOnlyWithoutThePrefix() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(), Map.of("producer.linger.ms", "5"));

        Properties producer = config.clientProperties("producer");
        assertEquals("5", producer.getProperty("linger.ms"));
        assertFalse(producer.containsKey("producer.linger.ms"));
        for (String other : new String[] {"consumer", "streams", "admin"}) {
            Properties props = config.clientProperties(other);
            assertFalse(props.containsKey("linger.ms"), other);
            assertFalse(props.containsKey("producer.linger.ms"), other);
        }
    }

    @Test
    void unprefixedKafkaKeysAndBootstrapServersGoToEveryClient() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of("UNION_NEWS_BOOTSTRAP_SERVERS", "kafka:29092"),
                Map.of("security.protocol", "SSL"));

        for (String client : new String[] {"producer", "consumer", "streams", "admin"}) {
            Properties props = config.clientProperties(client);
            assertEquals("SSL", props.getProperty("security.protocol"), client);
            assertEquals("kafka:29092", props.getProperty("bootstrap.servers"), client);
        }
    }

    @Test
    void streamsAndConsumerGetTheirOwnIdentities() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(), Map.of("streams.application.id", "union-news-test"));

        Properties streams = config.clientProperties("streams");
        assertEquals("union-news-test", streams.getProperty("application.id"));
        assertEquals(config.get(UnionNewsConfig.STREAMS_STATE_DIR), streams.getProperty("state.dir"));
        assertEquals("union-news-summarizer", config.clientProperties("consumer").getProperty("group.id"));
        assertNull(config.clientProperties("producer").getProperty("application.id"));
        assertNull(config.clientProperties("producer").getProperty("group.id"));
    }

    @Test
    void ownKeysAreNeverPassedToKafkaClients() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(), Map.of("topic.prefix", "test."));

        for (String client : new String[] {"producer", "consumer", "streams", "admin"}) {
            Properties props = config.clientProperties(client);
            for (String own : new String[] {"topic.prefix", "topic.partitions", "topic.replication.factor",
                    "instance.id", "summary.sentences", "streams.application.id", "consumer.group.id"}) {
                assertFalse(props.containsKey(own), client + " got " + own);
            }
            for (Object key : props.keySet()) {
                assertFalse(key.toString().startsWith("producer.") || key.toString().startsWith("consumer.")
                        || key.toString().startsWith("streams.") || key.toString().startsWith("admin."),
                        client + " got prefixed key " + key);
            }
        }
    }

    @Test
    void nonNumericPartitionsAreRejectedNamingTheKey() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of("UNION_NEWS_TOPIC_PARTITIONS", "three"), Map.of());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> config.getInt(UnionNewsConfig.TOPIC_PARTITIONS));

        assertTrue(e.getMessage().contains("topic.partitions"), e.getMessage());
        assertTrue(e.getMessage().contains("three"), e.getMessage());
    }

    @Test
    void missingConfigFileIsRejectedNamingTheFile() {
        Path missing = dir.resolve("missing.properties");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UnionNewsConfig.load(missing, Map.of(), Map.of()));

        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void readsTheFileAsUtf8AndTrimsValues() throws IOException {
        UnionNewsConfig config = UnionNewsConfig.load(file("client.id = bản-tin-công-đoàn   \n"), Map.of(), Map.of());

        assertEquals("bản-tin-công-đoàn", config.get("client.id"));
    }

    @Test
    void withReplacesOneValueAndLeavesTheOriginalAlone() {
        UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(), Map.of());

        UnionNewsConfig embedded = config.with(UnionNewsConfig.BOOTSTRAP_SERVERS, "localhost:39092");

        assertEquals("localhost:39092", embedded.bootstrapServers());
        assertEquals("localhost:9092", config.bootstrapServers());
    }
}
