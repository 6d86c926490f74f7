package vn.unionnews.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "topics", description = {"Create the topics that do not exist yet.",
        "Every stage also does this at start-up."})
final class TopicsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() {
        UnionNewsConfig config = kafka.connect();
        var created = TopicAdmin.ensureTopics(config);
        for (Topics.Spec spec : config.topics().all()) {
            System.out.printf("%s%s%s%n", spec.name(), spec.compacted() ? " (compacted)" : "",
                    created.contains(spec.name()) ? " created" : "");
        }
        return 0;
    }
}
