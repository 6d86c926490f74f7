package vn.unionnews.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.TopicPartition;
import vn.unionnews.kafka.Cluster;
import vn.unionnews.kafka.EmbeddedKafkaBroker;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * The topics, groups and Streams state of one {@code load} or {@code chaos} run: a prefix of its own
 * ({@code <kind>-<random>.}), so a run never touches real data, and deleted again from a real cluster.
 */
final class RunTopics {
    /** How often {@link #awaitDrained} looks at the groups' offsets: two looks must agree. */
    private static final long DRAIN_POLL_MS = 500;

    private RunTopics() {
    }

    /** The body of a run: on {@code config}, the run's own topics on the cluster named {@code where}. */
    interface Body {
        int run(UnionNewsConfig config, String where) throws Exception;
    }

    /**
     * Runs {@code body} on topics of a run of its own ({@code <kind>-<random>.}) with a work directory of its own:
     * on the cluster {@code kafka} names, or on an embedded broker started for the run when it names none. Once
     * the cluster answers and the topics exist, {@code body} runs; afterwards the run's topics and groups are
     * deleted from a real cluster, the embedded broker is stopped, and the work directory is wiped.
     */
    static int run(KafkaOptions kafka, String kind, Body body) throws Exception {
        Path work = Files.createTempDirectory("union-news-" + kind);
        String prefix = kind + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        UnionNewsConfig config = isolate(kafka.config(), prefix, work.resolve("streams-state"));
        EmbeddedKafkaBroker broker = null;
        try {
            String where = config.bootstrapServers();
            if (!kafka.clusterGiven()) {
                broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0);
                config = config.with(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
                where = "an embedded broker";
            }
            Cluster.awaitReachable(config);
            TopicAdmin.ensureTopics(config);
            try {
                return body.run(config, where);
            } finally {
                if (broker == null) {
                    delete(config, prefix);
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            EmbeddedKafkaBroker.wipe(work);
        }
    }

    /** How many partitions of {@code topic} the members of a group have between them. */
    static long assigned(ConsumerGroupDescription group, String topic) {
        return group.members().stream().flatMap(member -> member.assignment().topicPartitions().stream())
                .filter(partition -> partition.topic().equals(topic)).count();
    }

    /**
     * Waits until the Streams app and the summarising consumers have read everything written to the topics they
     * read (the aggregates have taken every article, the consumers every change of them): committed offsets at the
     * end of every partition they have read, give or take the commit marker a transaction ends with, and unchanged
     * over two looks. False when that takes longer than {@code timeout}.
     */
    static boolean awaitDrained(UnionNewsConfig config, Duration timeout) throws InterruptedException {
        List<String> groups = List.of(config.get(UnionNewsConfig.STREAMS_APPLICATION_ID),
                config.get(UnionNewsConfig.CONSUMER_GROUP_ID));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            Map<TopicPartition, Long> before = Map.of();
            while (System.nanoTime() < deadline) {
                Map<TopicPartition, Long> committed = new HashMap<>();
                for (String group : groups) {
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                            .forEach((partition, offset) -> committed.put(partition, offset.offset()));
                }
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
                boolean atEnd = !committed.isEmpty() && ends.entrySet().stream()
                        .allMatch(end -> committed.get(end.getKey()) >= end.getValue().offset() - 1);
                if (atEnd && committed.equals(before)) {
                    return true;
                }
                before = committed;
                Thread.sleep(DRAIN_POLL_MS);
            }
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the groups' offsets: " + e.getCause().getMessage(), e);
        }
    }

    /** {@code config} on the run's topics, Streams application id, consumer group and state directory. */
    private static UnionNewsConfig isolate(UnionNewsConfig config, String prefix, Path stateDir) {
        return config.with(UnionNewsConfig.TOPIC_PREFIX, config.get(UnionNewsConfig.TOPIC_PREFIX) + prefix)
                .with(UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams")
                .with(UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer")
                .with(UnionNewsConfig.STREAMS_STATE_DIR, stateDir.toString());
    }

    /** Deletes what a run on a real cluster made: its topics (Streams' internal ones too) and its groups. */
    private static void delete(UnionNewsConfig config, String prefix) {
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            List<String> topics = admin.listTopics().names().get().stream().filter(name -> name.contains(prefix))
                    .toList();
            admin.deleteTopics(topics).all().get();
            // The run's groups: Streams', the consumers' and the baseline copy's all carry the prefix.
            List<String> groups = admin.listGroups().all().get().stream().map(GroupListing::groupId)
                    .filter(id -> id.contains(prefix)).toList();
            for (String group : groups) {
                // Static members stay in their group when they close: remove them, or the group is not empty.
                try {
                    admin.removeMembersFromConsumerGroup(group, new RemoveMembersFromConsumerGroupOptions()).all()
                            .get();
                } catch (ExecutionException e) {
                    // no members left, or the group is gone already
                }
            }
            admin.deleteConsumerGroups(groups).all().get();
        } catch (ExecutionException e) {
            System.err.println("union-news: could not delete the run's topics and groups (" + prefix + "*): "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The committed records of {@code topic}, those of {@code eventType} only unless it is null. */
    static long count(UnionNewsConfig config, String topic, String eventType) {
        AtomicLong count = new AtomicLong();
        try (TopicReader reader = new TopicReader(config, topic)) {
            reader.readToEnd(event -> {
                if (eventType == null || eventType.equals(event.eventType())) {
                    count.incrementAndGet();
                }
            }, Duration.ofSeconds(60));
        }
        return count.get();
    }
}
