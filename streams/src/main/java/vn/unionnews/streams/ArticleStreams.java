package vn.unionnews.streams;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.ProcessorStateException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.OrgStats;
import vn.unionnews.kafka.GroupMembership;
import vn.unionnews.kafka.UnionNewsConfig;

/** The Streams application: the topology with its configuration, started and closed as one. */
public final class ArticleStreams implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ArticleStreams.class);
    /** The record cache, shared by the stream threads. */
    static final long CACHE_MAX_BYTES = 10L * 1024 * 1024;
    /**
     * Exactly-once's 100 ms would write a busy organisation's aggregates ten times a second; a second keeps the
     * results as fresh for dashboards and alerts, with a tenth of the writes.
     */
    static final long COMMIT_INTERVAL_MS = 250;
    private final Topology topology;
    private final Properties props;
    private volatile KafkaStreams streams;
    private final HostInfo applicationServer;
    private final UnionNewsConfig config;

    public ArticleStreams(UnionNewsConfig config) {
        this.config = config;
        StreamsBuilder builder = new StreamsBuilder();
        ArticleTopology.build(builder, config.topics(), new Enricher()::enrich);
        Properties props = properties(config);
        this.applicationServer = HostInfo.buildFromEndpoint(props.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG));
        this.topology = builder.build(props);
        this.props = props;
        this.streams = newKafkaStreams();
    }

    private KafkaStreams newKafkaStreams() {
        KafkaStreams created = new KafkaStreams(topology, props);
        created.setUncaughtExceptionHandler(e -> StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                .REPLACE_THREAD);
        return created;
    }

    /**
     * Exactly-once v2, String keys, the DLQ handlers, {@code application.server} = {@code http.host:http.port}
     * (where other instances reach this one's HTTP API), a record cache of {@value #CACHE_MAX_BYTES} bytes and a
     * commit every {@value #COMMIT_INTERVAL_MS} ms (the cache coalesces the updates of a key between commits),
     * one stream thread per core, zstd for what
     * Streams writes (as the other stages write), and whatever {@code streams.*} and client-wide properties the
     * configuration holds, which override these ({@code streams.application.id} is {@code application.id},
     * {@code streams.num.stream.threads}, {@code streams.producer.compression.type}); static
     * membership when {@code instance.id} is given, and {@link GroupMembership}'s session timeouts. Exactly-once
     * gives its producers {@code transaction.timeout.ms} 10 s already.
     */
    public static Properties properties(UnionNewsConfig config) {
        Properties props = new Properties();
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class.getName());
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.DLQ_TOPIC_CONFIG, config.topics().dlq());
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG,
                config.get(UnionNewsConfig.TOPIC_REPLICATION_FACTOR));
        props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, String.valueOf(CACHE_MAX_BYTES));
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(COMMIT_INTERVAL_MS));
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(Runtime.getRuntime().availableProcessors()));
        props.put(StreamsConfig.APPLICATION_SERVER_CONFIG,
                config.get(UnionNewsConfig.HTTP_HOST) + ":" + config.get(UnionNewsConfig.HTTP_PORT));
        props.putAll(config.clientProperties("streams"));
        if (!props.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
            props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "zstd");
        }
        if (config.isSet(UnionNewsConfig.INSTANCE_ID)) {
            props.putIfAbsent(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, staticId(config));
        }
        GroupMembership.timeouts(props);
        return props;
    }

    /**
     * {@code <application.id>-<instance.id>}: the static membership of an instance started with an id
     * ({@code --instance-id}); Streams makes each of its threads a member of its own by adding the thread's number.
     */
    static String staticId(UnionNewsConfig config) {
        return config.get(UnionNewsConfig.STREAMS_APPLICATION_ID) + "-" + config.get(UnionNewsConfig.INSTANCE_ID);
    }

    /**
     * Starts the app. Local state that cannot be opened (a process killed while it created a store leaves a
     * half-made RocksDB directory) is wiped and restored from the changelog topics, which exactly-once keeps
     * complete, instead of the app failing to start.
     */
    public ArticleStreams start() {
        try {
            streams.start();
        } catch (ProcessorStateException e) {
            LOG.warn("Local state in {} cannot be opened ({}): wiping it, to restore it from the changelogs",
                    props.getProperty(StreamsConfig.STATE_DIR_CONFIG), StageFailure.messages(e));
            streams.close(Duration.ofSeconds(30));
            streams.cleanUp();
            streams = newKafkaStreams();
            streams.start();
        }
        return this;
    }

    public KafkaStreams kafkaStreams() {
        return streams;
    }

    /** The configuration this app runs with. */
    public UnionNewsConfig config() {
        return config;
    }

    /** Where other instances reach this one: its {@code application.server}. */
    public HostInfo applicationServer() {
        return applicationServer;
    }

    /** The per-organisation aggregates held by this instance, by canonical name (an interactive query). */
    public Map<String, OrgStats> localOrgStats() {
        ReadOnlyKeyValueStore<String, OrgStats> store = streams.store(StoreQueryParameters.fromNameAndType(
                ArticleTopology.ORG_STATS_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, OrgStats> stats = new TreeMap<>();
        try (KeyValueIterator<String, OrgStats> all = store.all()) {
            all.forEachRemaining(entry -> stats.put(entry.key, entry.value));
        }
        return stats;
    }

    public boolean isRunning() {
        return streams.state() == KafkaStreams.State.RUNNING;
    }

    /**
     * A static member stays in the group on close: restarted within the session timeout, it takes its tasks back
     * without a rebalance. Any other instance leaves, so that the others need not wait out its session.
     */
    @Override
    public void close() {
        boolean isStatic = props.containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        streams.close(CloseOptions.groupMembershipOperation(isStatic
                        ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP
                        : CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(Duration.ofSeconds(30)));
    }
}
