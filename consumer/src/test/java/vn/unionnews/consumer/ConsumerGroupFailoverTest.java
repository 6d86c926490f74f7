package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Three consumer instances share the work through the consumer group, and one of them dies for good: a JVM of its
 * own ({@link CrashingConsumerMain}) halted mid-transaction and never restarted. Its partitions move to the two
 * survivors, whose {@code transactional.id}s differ from the dead one's, so nobody fences it: the broker aborts its
 * open transaction after {@code transaction.timeout.ms}, and until then the survivors cannot read the offsets it
 * left pending (KIP-447), so they neither skip nor repeat its articles. {@code read_committed} readers see every
 * article's summary once and each of its alerts once.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ConsumerGroupFailoverTest {
    private static final int ARTICLES = 45;
    private static final int ACKS_BEFORE_HALT = 3;
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    @Test
    void theSurvivorsFinishADeadInstancesWorkExactlyOnce(KafkaBroker broker, @TempDir Path tmp) throws Exception {
        Map<String, String> shared = CrashFixture.ownTopics(broker, "failover", CrashFixture.QUICK_FAILOVER);
        String group = shared.get(UnionNewsConfig.CONSUMER_GROUP_ID);
        UnionNewsConfig config = UnionNewsConfig.defaults(shared);
        TopicAdmin.ensureTopics(config);

        Map<String, AtomicInteger> committedBy = new HashMap<>();
        List<SummarizingConsumer> survivors = new ArrayList<>();
        List<Thread> loops = new ArrayList<>();
        Path log = tmp.resolve("dying-consumer.log");
        Process dying = null;
        try {
            for (String instance : List.of("a", "b")) {
                AtomicInteger count = new AtomicInteger();
                committedBy.put(instance, count);
                SummarizingConsumer consumer = new SummarizingConsumer(config.with(UnionNewsConfig.INSTANCE_ID, instance),
                        summary -> count.incrementAndGet());
                survivors.add(consumer);
                Thread loop = new Thread(consumer, "survivor-" + instance);
                loops.add(loop);
                loop.start();
            }
            Map<String, String> dyingOverrides = new HashMap<>(shared);
            dyingOverrides.put(UnionNewsConfig.INSTANCE_ID, "dying");
            dyingOverrides.put("producer." + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
            dying = CrashFixture.startCrashingConsumer(dyingOverrides, ACKS_BEFORE_HALT, log);
            CrashFixture.awaitEachMemberOwnsAnArticlePartition(config, group, 3, DEADLINE);

            Map<String, Set<String>> expectedRules = CrashFixture.sendStrikeArticles(config, ARTICLES);
            CrashFixture.awaitHalt(dying, DEADLINE, log);
            long died = System.nanoTime();

            AtomicReference<CrashFixture.Seen> seen = new AtomicReference<>();
            await("the survivors summarise every article").atMost(DEADLINE).until(() -> {
                seen.set(CrashFixture.seen(config));
                return seen.get().summaries().keySet().equals(expectedRules.keySet());
            });
            System.out.printf("ConsumerGroupFailoverTest: survivors done %d ms after the death; committed by a %d,"
                    + " b %d, the dead one %d%n", (System.nanoTime() - died) / 1_000_000, committedBy.get("a").get(),
                    committedBy.get("b").get(), ARTICLES - committedBy.get("a").get() - committedBy.get("b").get());

            CrashFixture.Seen once = CrashFixture.once(expectedRules);
            assertEquals(once.summaries(), seen.get().summaries(), "one summary per article, none lost");
            assertEquals(once.alerts(), seen.get().alerts(), "one alert per (article, rule), none lost");
            int bySurvivors = committedBy.get("a").get() + committedBy.get("b").get();
            assertTrue(committedBy.get("a").get() > 0 && committedBy.get("b").get() > 0,
                    "both survivors did a share: " + committedBy);
            assertTrue(bySurvivors < ARTICLES, "the dead instance committed its first transactions: survivors "
                    + bySurvivors + " of " + ARTICLES);
            assertEquals(List.of(), CrashFixture.readCommitted(config, config.topics().dlq()), "nothing dead-lettered");
        } finally {
            if (dying != null) {
                dying.destroyForcibly();
            }
            survivors.forEach(SummarizingConsumer::close);
            for (Thread loop : loops) {
                loop.join(30_000);
            }
        }
    }
}
