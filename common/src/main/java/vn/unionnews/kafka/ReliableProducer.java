package vn.unionnews.kafka;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;

/** The producer settings every stage writes with: the user's producer properties, idempotent, acks=all, zstd. */
public final class ReliableProducer {
    private ReliableProducer() {
    }

    /** Compression defaults to zstd (overridable); idempotence and {@code acks=all} are not negotiable. */
    public static Properties properties(UnionNewsConfig config) {
        Properties props = new Properties();
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "zstd");
        props.putAll(config.clientProperties("producer"));
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        return props;
    }
}
