package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Two instances started with the same {@code instance.id} share a {@code transactional.id} and a
 * {@code group.instance.id}: the newer one fences the older, which stops with the reason (so {@code union-news consume} exits 1) instead of writing anything
 * twice, and the newer one finishes the work: every article summarised once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class DuplicateInstanceIdTest {
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @Test
    void theOlderOfTwoInstancesWithOneIdStopsAndNothingIsWrittenTwice(KafkaBroker broker) throws Exception {
        UnionNewsConfig config = UnionNewsConfig.defaults(CrashFixture.ownTopics(broker, "same-id", Map.of(
                UnionNewsConfig.INSTANCE_ID, "same",
                "consumer." + ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2")));
        TopicAdmin.ensureTopics(config);
        SummarizingConsumer older = new SummarizingConsumer(config, summary -> { });
        SummarizingConsumer newer = new SummarizingConsumer(config, summary -> { });
        Thread olderLoop = new Thread(older, "older");
        Thread newerLoop = new Thread(newer, "newer");
        try {
            olderLoop.start();
            Map<String, Set<String>> expected = new TreeMap<>(CrashFixture.sendStrikeArticles(config, 0, 6));
            await("the older instance summarises").atMost(DEADLINE)
                    .until(() -> CrashFixture.seen(config).summaries().keySet().equals(expected.keySet()));

            // The same instance id is the same static group member too: the newer one takes its place.
            newerLoop.start();
            expected.putAll(CrashFixture.sendStrikeArticles(config, 6, 24));
            olderLoop.join(DEADLINE.toMillis());
            assertTrue(!olderLoop.isAlive(), "the fenced instance stopped");
            // Replaced as a static member and fenced as a producer, it stops with the error that reached it first:
            // the fencing itself, or the transaction the broker refused once its id had moved on.
            assertTrue(older.failure().orElse(null) instanceof KafkaException,
                    "stopped with Kafka's reason: " + older.failure());

            AtomicReference<CrashFixture.Seen> seen = new AtomicReference<>();
            await("the newer instance finishes the work").atMost(DEADLINE).until(() -> {
                seen.set(CrashFixture.seen(config));
                return seen.get().summaries().keySet().equals(expected.keySet());
            });
            CrashFixture.Seen once = CrashFixture.once(expected);
            assertEquals(once.summaries(), seen.get().summaries(), "one summary per article");
            assertEquals(once.alerts(), seen.get().alerts(), "one alert per (article, rule)");
            assertTrue(newer.failure().isEmpty(), "the newer instance runs on");
        } finally {
            older.close();
            newer.close();
            olderLoop.join(30_000);
            newerLoop.join(30_000);
        }
    }
}
