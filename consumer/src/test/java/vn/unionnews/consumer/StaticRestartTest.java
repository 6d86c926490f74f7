package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Static membership (KIP-345): a consumer killed mid-transaction and restarted with the same {@code instance.id}
 * takes its partitions back at once. The session timeout here is a minute, and the dead member never left the
 * group: a dynamic member joining in its place would wait for that minute to pass before any rebalance could
 * finish, so finishing the work well inside it shows that no rebalance waited on the dead one.
 */
@ExtendWith(KafkaBrokerExtension.class)
class StaticRestartTest {
    private static final int ARTICLES = 30;
    private static final Duration CHILD_DEADLINE = Duration.ofSeconds(45);
    /** Half the session timeout: a restart that had to wait out the dead member's session would miss it. */
    private static final Duration WITHIN_SESSION = Duration.ofSeconds(30);

    @Test
    void aRestartedInstanceTakesItsPartitionsBackWithoutWaitingOutTheSession(KafkaBroker broker, @TempDir Path tmp)
            throws Exception {
        Map<String, String> overrides = CrashFixture.ownTopics(broker, "static-restart", Map.of(
                "consumer." + ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "4",
                "consumer." + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "60000",
                "consumer." + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000"));
        overrides.put(UnionNewsConfig.INSTANCE_ID, "static");
        UnionNewsConfig config = UnionNewsConfig.defaults(overrides);
        assertEquals(config.get(UnionNewsConfig.CONSUMER_GROUP_ID) + "-static", SummarizingConsumer
                .consumerProperties(config).get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), "a static member");
        TopicAdmin.ensureTopics(config);
        Map<String, Set<String>> expectedRules = CrashFixture.sendStrikeArticles(config, ARTICLES);

        Path log = tmp.resolve("killed-consumer.log");
        Process child = CrashFixture.startCrashingConsumer(overrides, 3, log);
        SummarizingConsumer restarted = null;
        Thread loop = null;
        try {
            CrashFixture.awaitHalt(child, CHILD_DEADLINE, log);
            long restartedAt = System.nanoTime();
            restarted = new SummarizingConsumer(config, summary -> { });
            loop = new Thread(restarted, "restarted-static-consumer");
            loop.start();

            AtomicReference<CrashFixture.Seen> seen = new AtomicReference<>();
            await("the restarted instance finishes the work within the dead one's session").atMost(WITHIN_SESSION)
                    .until(() -> {
                        seen.set(CrashFixture.seen(config));
                        return seen.get().summaries().keySet().equals(expectedRules.keySet());
                    });
            System.out.printf("StaticRestartTest: restarted instance finished %d articles in %d ms%n", ARTICLES,
                    (System.nanoTime() - restartedAt) / 1_000_000);
            CrashFixture.Seen once = CrashFixture.once(expectedRules);
            assertEquals(once.summaries(), seen.get().summaries(), "one summary per article");
            assertEquals(once.alerts(), seen.get().alerts(), "one alert per (article, rule)");
            assertTrue(restarted.failure().isEmpty(), "the restarted instance runs on: " + restarted.failure());
        } finally {
            child.destroyForcibly();
            if (restarted != null) {
                restarted.close();
                loop.join(30_000);
            }
        }
    }
}
