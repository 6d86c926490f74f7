package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.SubscriptionStore;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "subscriptions", description = {"List the live alert subscriptions.",
        "Reads the compacted subscriptions topic to its end."})
final class SubscriptionsCommand implements Callable<Integer> {
    /** How long reading a topic to its end may take before a command gives up. */
    static final Duration READ_DEADLINE = Duration.ofSeconds(30);

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--json", description = "Print JSON Lines, one subscription record a line.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        UnionNewsConfig config = kafka.connect();
        TopicAdmin.ensureTopics(config, config.topics().subscriptionsOnly());
        try (SubscriptionStore store = new SubscriptionStore(config)) {
            for (Subscription subscription : store.live().values()) {
                System.out.println(json ? Json.mapper().writeValueAsString(subscription)
                        : subscription.id() + " " + criteria(subscription));
            }
        }
        return 0;
    }

    /** The criteria on one line, as {@code subscribe} and {@code subscriptions} print them. */
    static String criteria(Subscription s) {
        return "topics=" + s.topics() + " orgs=" + s.organizations() + " provinces=" + s.provinces()
                + " keywords=" + s.keywords() + " minScore=" + s.minScore() + " severity=" + s.severity();
    }
}
