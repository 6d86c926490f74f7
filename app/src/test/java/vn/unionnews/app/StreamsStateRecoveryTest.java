package vn.unionnews.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.streams.ArticleTopology;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * A Streams process killed while it created a store leaves a RocksDB directory with a write-ahead log and no
 * database: opening it fails ("wal_dir contains existing log file"). The app wipes such local state and restores it
 * from the changelogs instead of failing to start.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StreamsStateRecoveryTest {
    @Test
    void localStateThatCannotBeOpenedIsWipedAndTheAppRuns(KafkaBroker broker, @TempDir Path state) throws Exception {
        String prefix = broker.uniquePrefix("state-recovery");
        UnionNewsConfig config = UnionNewsConfig.defaults(Map.of(
                UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                UnionNewsConfig.TOPIC_PREFIX, prefix,
                UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams",
                UnionNewsConfig.STREAMS_STATE_DIR, state.toString(),
                UnionNewsConfig.HTTP_PORT, "0"));
        TopicAdmin.ensureTopics(config);
        Path store = state.resolve(prefix + "streams").resolve("0_0").resolve("rocksdb")
                .resolve(ArticleTopology.ARTICLE_DIGESTS_STORE);
        Files.createDirectories(store);
        Path halfMade = Files.writeString(store.resolve("000024.log"), "half a write-ahead log");

        try (ArticleStreams streams = new ArticleStreams(config).start()) {
            await("the app runs").atMost(Duration.ofSeconds(60)).until(streams::isRunning);
            assertFalse(Files.exists(halfMade), "the state that could not be opened was wiped");
        }
    }
}
