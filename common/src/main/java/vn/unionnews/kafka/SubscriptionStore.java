package vn.unionnews.kafka;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import vn.unionnews.event.Subscription;

/**
 * The alert subscriptions in their compacted topic (key = id, a null value deletes), as the CLI and the HTTP API
 * read and write them. Reads go to the topic's end at the moment, so a writer reads its own writes.
 */
public final class SubscriptionStore implements AutoCloseable {
    private static final Duration DEADLINE = Duration.ofSeconds(30);
    private static final JsonSerde<Subscription> SERDE = JsonSerde.of(Subscription.class);

    private final UnionNewsConfig config;
    private final String topic;
    /** Opened at the first write: listing needs no producer. */
    private KafkaProducer<String, byte[]> producer;

    public SubscriptionStore(UnionNewsConfig config) {
        this.config = config;
        this.topic = config.topics().subscriptions();
    }

    /** The live subscriptions by id; a value that cannot be read is logged and skipped. */
    public Map<String, Subscription> live() {
        return TopicTable.snapshot(config, topic, Subscription.class, DEADLINE);
    }

    /** Adds or replaces a subscription; returns once the broker has it. */
    public void put(Subscription subscription) {
        send(subscription.id(), SERDE.serialize(topic, subscription));
    }

    /** Deletes a subscription (a tombstone); returns once the broker has it. */
    public void delete(String id) {
        send(id, null);
    }

    private void send(String id, byte[] value) {
        try {
            producer().send(new ProducerRecord<>(topic, id, value)).get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new KafkaException("Cannot write subscription " + id + " to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Cannot write subscription " + id + " to " + topic + " within " + DEADLINE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptException(e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(ReliableProducer.properties(config), new StringSerializer(),
                    new ByteArraySerializer());
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
