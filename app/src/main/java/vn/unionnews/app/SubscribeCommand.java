package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.SubscriptionStore;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "subscribe", description = {"Add or replace an alert subscription.",
        "Writes a record of the compacted subscriptions topic."})
final class SubscribeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--id", paramLabel = "ID", description = "The subscription id; an existing id is replaced. Default: sub-<8 hex>.")
    String id;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "A taxonomy topic id (repeatable), e.g. disputes.")
    List<String> topics = new ArrayList<>();

    @Option(names = "--org", paramLabel = "ORG", description = "An organisation name, any part of its canonical name (repeatable).")
    List<String> organizations = new ArrayList<>();

    @Option(names = "--province", paramLabel = "PROVINCE", description = "A province named in the article (repeatable).")
    List<String> provinces = new ArrayList<>();

    @Option(names = "--keyword", paramLabel = "WORD", description = "A word or phrase in the title or body (repeatable).")
    List<String> keywords = new ArrayList<>();

    @Option(names = "--min-score", paramLabel = "X", description = "The least topic score that counts, 0 to 1. Default: 0.35.")
    double minScore = Subscription.DEFAULT_MIN_SCORE;

    @Option(names = "--severity", paramLabel = "info|warning|critical", description = "The alerts' severity. Default: warning.")
    String severity = "warning";

    @Override
    public Integer call() throws JsonProcessingException {
        Subscription subscription = subscription();
        UnionNewsConfig config = kafka.connect();
        TopicAdmin.ensureTopics(config, config.topics().subscriptionsOnly());
        try (SubscriptionStore store = new SubscriptionStore(config)) {
            store.put(subscription);
        }
        System.out.println("Subscribed " + subscription.id() + ": " + SubscriptionsCommand.criteria(subscription));
        System.out.println(Json.mapper().writeValueAsString(subscription));
        return 0;
    }

    /** The subscription the options describe; a user error throws with the offending value in the message. */
    private Subscription subscription() {
        if (topics.isEmpty() && organizations.isEmpty() && provinces.isEmpty() && keywords.isEmpty()) {
            throw new IllegalArgumentException("a subscription needs at least one of --topic, --org, --province, --keyword");
        }
        return new Subscription(Subscription.SCHEMA_VERSION, id != null ? id : Subscription.newId(), topics,
                organizations, provinces, keywords, minScore, severity).checked();
    }
}
