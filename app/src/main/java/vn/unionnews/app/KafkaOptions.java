package vn.unionnews.app;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;
import vn.unionnews.kafka.Cluster;
import vn.unionnews.kafka.UnionNewsConfig;

/** The options every Kafka-facing command shares; they are the last layer of {@link UnionNewsConfig}. */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,…]",
            description = "Kafka brokers (bootstrap.servers). Default: localhost:9092, or the embedded broker for demo.")
    String bootstrapServers;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Kafka-style properties file; environment UNION_NEWS_* and flags override it.")
    Path configFile;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", description = "Topic name prefix (topic.prefix). Default: union-news.")
    String topicPrefix;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS",
            description = "How long to wait at start for the cluster to answer before failing (connect.timeout.ms)."
                    + " Default: 15.")
    Integer connectTimeoutSeconds;

    @Option(names = {"-D", "--property"}, paramLabel = "KEY=VALUE",
            description = "Any configuration key, e.g. -D topic.partitions=6 or -D producer.linger.ms=50.")
    Map<String, String> properties = new LinkedHashMap<>();

    /**
     * Whether a cluster was named (flag, {@code -D}, environment or properties file) rather than left to the
     * default: the demo and the load generator start an embedded broker only when none was.
     */
    boolean clusterGiven() {
        if (bootstrapServers != null || properties.containsKey(UnionNewsConfig.BOOTSTRAP_SERVERS)
                || System.getenv(UnionNewsConfig.ENV_PREFIX + "BOOTSTRAP_SERVERS") != null) {
            return true;
        }
        return configFile != null
                && UnionNewsConfig.readProperties(configFile).containsKey(UnionNewsConfig.BOOTSTRAP_SERVERS);
    }

    UnionNewsConfig config() {
        Map<String, String> flags = new LinkedHashMap<>(properties);
        if (bootstrapServers != null) {
            flags.put(UnionNewsConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (topicPrefix != null) {
            flags.put(UnionNewsConfig.TOPIC_PREFIX, topicPrefix);
        }
        if (connectTimeoutSeconds != null) {
            if (connectTimeoutSeconds <= 0) {
                throw new IllegalArgumentException("--connect-timeout must be a positive number of seconds, got "
                        + connectTimeoutSeconds);
            }
            flags.put(UnionNewsConfig.CONNECT_TIMEOUT_MS, String.valueOf(connectTimeoutSeconds * 1000L));
        }
        return UnionNewsConfig.load(configFile, System.getenv(), flags);
    }

    /** The configuration, once the cluster it names has answered ({@link Cluster#awaitReachable}). */
    UnionNewsConfig connect() {
        UnionNewsConfig config = config();
        Cluster.awaitReachable(config);
        return config;
    }
}
