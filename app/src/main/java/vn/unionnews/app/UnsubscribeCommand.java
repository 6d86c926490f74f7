package vn.unionnews.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.SubscriptionStore;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "unsubscribe", description = {"Delete an alert subscription.",
        "Writes a tombstone to the subscriptions topic."})
final class UnsubscribeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "ID", description = "The subscription id, as `subscriptions` lists it.")
    String id;

    @Override
    public Integer call() {
        UnionNewsConfig config = kafka.connect();
        TopicAdmin.ensureTopics(config, config.topics().subscriptionsOnly());
        try (SubscriptionStore store = new SubscriptionStore(config)) {
            if (!store.live().containsKey(id)) {
                System.err.println("union-news: no subscription " + id + " in " + config.topics().subscriptions());
                return 1;
            }
            store.delete(id);
        }
        System.out.println("Unsubscribed " + id);
        return 0;
    }
}
