package vn.unionnews.app;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "unsubscribe", description = "Delete an alert subscription (a tombstone in the subscriptions topic).")
final class UnsubscribeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Parameters(paramLabel = "ID", description = "The subscription id, as `subscriptions` lists it.")
    String id;

    @Override
    public Integer call() throws InterruptedException {
        UnionNewsConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        String topic = config.topics().subscriptions();
        if (!SubscriptionsCommand.live(config).containsKey(id)) {
            System.err.println("union-news: no subscription " + id + " in " + topic);
            return 1;
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(ReliableProducer.properties(config),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, id, null)).get();
            producer.flush();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot delete subscription " + id + " from " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        System.out.println("Unsubscribed " + id);
        return 0;
    }
}
