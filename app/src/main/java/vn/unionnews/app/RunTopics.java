package vn.unionnews.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
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
            List<String> groups = List.of(config.get(UnionNewsConfig.CONSUMER_GROUP_ID),
                    config.get(UnionNewsConfig.STREAMS_APPLICATION_ID));
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
