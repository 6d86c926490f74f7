package vn.unionnews.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.InvalidPartitionsException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The start-up admin step: creates the topics of CONTRACT.md that do not exist yet; existing ones are kept. */
public final class TopicAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(TopicAdmin.class);
    private static final Duration LEADER_DEADLINE = Duration.ofSeconds(30);

    private TopicAdmin() {
    }

    /** Creates the missing topics and returns the names it created. */
    public static List<String> ensureTopics(UnionNewsConfig config) {
        return ensureTopics(config, config.topics().all());
    }

    /** Creates those of {@code specs} that are missing (a stage creates the topics it needs, no others). */
    public static List<String> ensureTopics(UnionNewsConfig config, List<Topics.Spec> specs) {
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            return ensureTopics(admin, specs, config.getInt(UnionNewsConfig.TOPIC_PARTITIONS),
                    (short) config.getInt(UnionNewsConfig.TOPIC_REPLICATION_FACTOR));
        }
    }

    /** {@code replication} of -1 leaves the replication factor to the broker's default. */
    public static List<String> ensureTopics(Admin admin, Topics topics, int partitions, short replication) {
        return ensureTopics(admin, topics.all(), partitions, replication);
    }

    private static List<String> ensureTopics(Admin admin, List<Topics.Spec> specs, int partitions,
                                             short replication) {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topics.Spec spec : specs) {
            NewTopic topic = new NewTopic(spec.name(), Optional.of(partitions * spec.partitionsFactor()),
                    replication < 0 ? Optional.empty() : Optional.of(replication));
            if (spec.compacted()) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            wanted.add(topic);
        }
        List<String> created = new ArrayList<>();
        admin.createTopics(wanted).values().forEach((name, future) -> {
            try {
                future.get();
                created.add(name);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Cannot create topic " + name + ": " + e.getCause().getMessage(),
                            e.getCause());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating topic " + name, e);
            }
        });
        if (!created.isEmpty()) {
            awaitLeaders(admin, created);
            LOG.info("Created topics {}", created);
        }
        return created;
    }

    /**
     * Gives {@code topic} at least {@code partitions} partitions, adding the missing ones (existing records stay
     * where they are), and waits until they are served.
     */
    public static void ensurePartitions(UnionNewsConfig config, String topic, int partitions) {
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            int current = partitionCount(admin, topic);
            if (current < partitions) {
                try {
                    admin.createPartitions(Map.of(topic, NewPartitions.increaseTo(partitions))).all().get();
                    LOG.info("Topic {} has {} partitions instead of {}", topic, partitions, current);
                } catch (ExecutionException e) {
                    // Another instance starting at the same time may have added them first.
                    if (!(e.getCause() instanceof InvalidPartitionsException)
                            || partitionCount(admin, topic) < partitions) {
                        throw e;
                    }
                }
                awaitLeaders(admin, List.of(topic));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot give topic " + topic + " " + partitions + " partitions: "
                    + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while adding partitions to " + topic, e);
        }
    }

    private static int partitionCount(Admin admin, String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    /**
     * Waits until the leader of every partition of the new topics serves it: it answers a list-offsets request,
     * which its replica manager handles. Producing earlier can hit NOT_LEADER_OR_FOLLOWER on one batch while the
     * next is accepted, after which an idempotent producer retries the first with OUT_OF_ORDER_SEQUENCE_NUMBER
     * until it times out and its records are lost (KAFKA-15591).
     */
    private static void awaitLeaders(Admin admin, List<String> topics) {
        long deadline = System.nanoTime() + LEADER_DEADLINE.toNanos();
        while (true) {
            try {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions().forEach(
                        p -> partitions.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
                admin.listOffsets(partitions).all().get();
                return;
            } catch (ExecutionException e) {
                // unknown topic or not leader yet, while the new metadata spreads: ask again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the leaders of " + topics, e);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Topics " + topics + " are not served after " + LEADER_DEADLINE);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
