package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicTable;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "subscriptions", description = "List the live alert subscriptions (the compacted subscriptions topic, read to its end).")
final class SubscriptionsCommand implements Callable<Integer> {
    /** How long reading a topic to its end may take before a command gives up. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(30);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--json", description = "Print JSON Lines, one subscription record a line.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        UnionNewsConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        for (Subscription subscription : live(config).values()) {
            System.out.println(json ? Json.mapper().writeValueAsString(subscription)
                    : subscription.id() + " " + criteria(subscription));
        }
        return 0;
    }

    /**
     * The live subscriptions by id: the topic from its beginning to its end, the latest value per key winning
     * and a null value deleting. A value that cannot be read is logged and skipped.
     */
    static Map<String, Subscription> live(UnionNewsConfig config) {
        return TopicTable.snapshot(config, config.topics().subscriptions(), Subscription.class, READ_DEADLINE);
    }

    /** The criteria on one line, as {@code subscribe} and {@code subscriptions} print them. */
    static String criteria(Subscription s) {
        return "topics=" + s.topics() + " orgs=" + s.organizations() + " provinces=" + s.provinces()
                + " keywords=" + s.keywords() + " minScore=" + s.minScore() + " severity=" + s.severity();
    }
}
