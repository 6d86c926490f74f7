package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
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

    @Test
    void restartAfterAProcessCrashMidTransactionKeepsSummariesAndAlertsExactlyOnce(KafkaBroker broker,
                                                                                 @TempDir Path tmp) throws Exception {
        Map<String, String> overrides = CrashFixture.ownTopics(broker, "process-crash", CrashFixture.QUICK_FAILOVER);
        overrides.put(UnionNewsConfig.INSTANCE_ID, "crashing");
        UnionNewsConfig config = UnionNewsConfig.defaults(overrides);
        TopicAdmin.ensureTopics(config);
        Map<String, Set<String>> expectedRules = CrashFixture.sendStrikeArticles(config, ARTICLES);

        Path log = tmp.resolve("crashing-consumer.log");
        long started = System.nanoTime();
        Process child = CrashFixture.startCrashingConsumer(overrides, ACKS_BEFORE_HALT, log);
        SummarizingConsumer restarted = null;
        Thread loop = null;
        try {
            CrashFixture.awaitHalt(child, CHILD_DEADLINE, log);

            // The halted transaction's records are on the broker, visible only to read_uncommitted readers.
            List<TopicReader.Event> committed = CrashFixture.readCommitted(config, config.topics().output());
            long summariesBefore = committed.stream()
                    .filter(e -> SummaryEvent.EVENT_TYPE.equals(e.eventType())).count();
            long uncommitted = CrashFixture.countUncommitted(config, config.topics().output());
            assertTrue(summariesBefore > 0 && summariesBefore < ARTICLES,
                    "the crash came after a committed transaction and before the end: " + summariesBefore);
            assertTrue(uncommitted > committed.size(), "records of the open transaction on the broker: "
                    + uncommitted + " written, " + committed.size() + " committed\n" + CrashFixture.tail(log));
            System.out.printf("ProcessCrashTest: child halted after %d ms; %d records written, %d committed"
                    + " (%d summaries)%n", (System.nanoTime() - started) / 1_000_000, uncommitted, committed.size(),
                    summariesBefore);
            long restartedAt = System.nanoTime();

            restarted = new SummarizingConsumer(config, summary -> { });
            loop = new Thread(restarted, "restarted-consumer");
            loop.start();
            AtomicReference<CrashFixture.Seen> seen = new AtomicReference<>();
            await("every article summarised").atMost(DEADLINE).until(() -> {
                seen.set(CrashFixture.seen(config));
                return seen.get().summaries().keySet().equals(expectedRules.keySet());
            });
            System.out.printf("ProcessCrashTest: restarted instance finished in %d ms%n",
                    (System.nanoTime() - restartedAt) / 1_000_000);

            CrashFixture.Seen once = CrashFixture.once(expectedRules);
            assertEquals(once.summaries(), seen.get().summaries(), "one summary per article");
            assertEquals(once.alerts(), seen.get().alerts(), "one alert per (article, rule), none lost");
            expectedRules.keySet().forEach(id ->
                    assertTrue(seen.get().alerts().containsKey(id + " default:disputes"), id));
            assertEquals(List.of(), CrashFixture.readCommitted(config, config.topics().dlq()), "nothing dead-lettered");
        } finally {
            child.destroyForcibly();
            if (restarted != null) {
                restarted.close();
                loop.join(30_000);
            }
        }
    }
}
