package vn.unionnews.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * The topics, groups and Streams state of one {@code load} or {@code chaos} run: a prefix of its own
 * ({@code <kind>-<random>.}), so a run never touches real data, and deleted again from a real cluster.
 */
final class RunTopics {
    private RunTopics() {
    }

    static String newPrefix(String kind) {
        return kind + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }

    /** {@code config} on the run's topics, Streams application id, consumer group and state directory. */
    static UnionNewsConfig isolate(UnionNewsConfig config, String prefix, Path stateDir) {
        return config.with(UnionNewsConfig.TOPIC_PREFIX, config.get(UnionNewsConfig.TOPIC_PREFIX) + prefix)
                .with(UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams")
                .with(UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer")
                .with(UnionNewsConfig.STREAMS_STATE_DIR, stateDir.toString());
    }

    /** Deletes what a run on a real cluster made: its topics (Streams' internal ones too) and its groups. */
    static void delete(UnionNewsConfig config, String prefix) {
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
