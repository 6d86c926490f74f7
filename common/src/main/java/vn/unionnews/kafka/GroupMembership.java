package vn.unionnews.kafka;

import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How our group members recover from a restart, the Kafka way: static membership (KIP-345), so that an instance
 * restarted with the same id takes its partitions back without a rebalance, and a session timeout short enough
 * that a member gone for good is replaced within seconds, long enough for a JVM to restart inside it. Every value
 * is a default the configuration can override.
 */
public final class GroupMembership {
    /**
     * {@code session.timeout.ms}: a restarted static member is back well within it (its partitions wait for it,
     * nobody else's move); a member gone for good hands its partitions over after it. Kafka's default is 45 s.
     */
    public static final String SESSION_TIMEOUT_MS = "10000";
    /** {@code heartbeat.interval.ms}: a third of the session timeout, as Kafka advises. */
    public static final String HEARTBEAT_INTERVAL_MS = "3000";
    /**
     * {@code transaction.timeout.ms}: how long {@code read_committed} readers wait behind a dead instance's open
     * transaction when no instance with its id comes back to abort it. Kafka's default is 60 s; Streams' is 10 s.
     */
    public static final String TRANSACTION_TIMEOUT_MS = "10000";

    private GroupMembership() {
    }

    /**
     * Makes a consumer a static member with {@code groupInstanceId} and gives it the session timeouts above, unless
     * the configuration sets them. The timeouts are the client's only under the classic group protocol; under
     * KIP-848's {@code consumer} protocol the broker owns them.
     */
    public static void staticMember(Properties consumer, String groupInstanceId) {
        consumer.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, groupInstanceId);
        timeouts(consumer);
    }

    /** The session timeouts above, unless the configuration sets them or the group protocol is the broker's. */
    public static void timeouts(Properties consumer) {
        Object protocol = consumer.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        if (protocol == null || "classic".equalsIgnoreCase(protocol.toString().trim())) {
            consumer.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, SESSION_TIMEOUT_MS);
            consumer.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, HEARTBEAT_INTERVAL_MS);
        }
    }
}
