package vn.unionnews.kafka;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one configuration of every stage, read the Kafka way: defaults, then a properties file, then
 * environment variables {@code UNION_NEWS_…} ({@code UNION_NEWS_BOOTSTRAP_SERVERS} is {@code bootstrap.servers}),
 * then command-line flags, each layer overriding the one before.
 *
 * <p>Keys this project defines are listed in {@link #DEFAULTS}. Every other key is a Kafka client property:
 * unprefixed it goes to every client (e.g. {@code security.protocol}); prefixed with {@code producer.},
 * {@code consumer.}, {@code admin.} or {@code streams.} it goes to that client only.
 */
public final class UnionNewsConfig {
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String TOPIC_PREFIX = "topic.prefix";
    public static final String TOPIC_PARTITIONS = "topic.partitions";
    public static final String TOPIC_REPLICATION_FACTOR = "topic.replication.factor";
    public static final String STREAMS_APPLICATION_ID = "streams.application.id";
    public static final String STREAMS_STATE_DIR = "streams.state.dir";
    public static final String CONSUMER_GROUP_ID = "consumer.group.id";
    public static final String INSTANCE_ID = "instance.id";
    public static final String SUMMARY_SENTENCES = "summary.sentences";
    /** An upper bound on a summary's length in syllables, 0 for none (the best sentence is always kept). */
    public static final String SUMMARY_WORDS = "summary.words";
    /** Spike alerts: the window, the trailing baseline (days), the factor over it and the least count. */
    public static final String SPIKE_WINDOW_DAYS = "alerts.spike.window.days";
    public static final String SPIKE_BASELINE_DAYS = "alerts.spike.baseline.days";
    public static final String SPIKE_FACTOR = "alerts.spike.factor";
    public static final String SPIKE_MIN_COUNT = "alerts.spike.min.count";
    /** The topics whose spikes raise alerts, comma-separated. */
    public static final String SPIKE_TOPICS = "alerts.spike.topics";
    /** The port of the Streams app's HTTP API (interactive queries, the dashboard's data). */
    public static final String HTTP_PORT = "http.port";
    /** The host name the HTTP API listens on and other instances reach it by (its {@code application.server}). */
    public static final String HTTP_HOST = "http.host";

    /** How long a command waits at start for the cluster to answer before it fails ({@code --connect-timeout}). */
    public static final String CONNECT_TIMEOUT_MS = "connect.timeout.ms";
    /** How many threads the producer parses pages on; default: the machine's cores. */
    public static final String PARSE_THREADS = "parse.threads";

    public static final String ENV_PREFIX = "UNION_NEWS_";

    /** Our own keys and their defaults; {@code -1} replication means the broker's default. */
    public static final Map<String, String> DEFAULTS = builtInDefaults();

    private static final String[] CLIENT_PREFIXES = {"producer.", "consumer.", "admin.", "streams."};

    private final Map<String, String> values;
    /** The keys some layer above the defaults set. */
    private final Set<String> given;

    private UnionNewsConfig(Map<String, String> values, Set<String> given) {
        this.values = Map.copyOf(values);
        this.given = Set.copyOf(given);
    }

    private static Map<String, String> builtInDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(BOOTSTRAP_SERVERS, "localhost:9092");
        d.put(TOPIC_PREFIX, Topics.DEFAULT_PREFIX);
        d.put(TOPIC_PARTITIONS, "3");
        d.put(TOPIC_REPLICATION_FACTOR, "-1");
        d.put(STREAMS_APPLICATION_ID, "union-news-streams");
        d.put(STREAMS_STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "union-news-streams").toString());
        d.put(CONSUMER_GROUP_ID, "union-news-summarizer");
        d.put(INSTANCE_ID, "0");
        d.put(SUMMARY_SENTENCES, "3");
        d.put(SUMMARY_WORDS, "0");
        d.put(HTTP_PORT, "8080");
        d.put(SPIKE_WINDOW_DAYS, "1");
        d.put(SPIKE_BASELINE_DAYS, "28");
        d.put(SPIKE_FACTOR, "3");
        d.put(SPIKE_MIN_COUNT, "3");
        d.put(SPIKE_TOPICS, "disputes,safety,epidemic_disaster");
        d.put(HTTP_HOST, "localhost");
        d.put(CONNECT_TIMEOUT_MS, "15000");
        d.put(PARSE_THREADS, String.valueOf(Runtime.getRuntime().availableProcessors()));
        return Map.copyOf(d);
    }

    /** Defaults only: what a stage runs with when nothing is configured. */
    public static UnionNewsConfig defaults(Map<String, String> overrides) {
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        merged.putAll(overrides);
        return new UnionNewsConfig(merged, overrides.keySet());
    }

    /**
     * Loads the layers in order: defaults, {@code file} (may be null), {@code env} (the process environment,
     * only {@code UNION_NEWS_} variables are read), {@code flags}.
     */
    public static UnionNewsConfig load(Path file, Map<String, String> env, Map<String, String> flags) {
        Map<String, String> set = new TreeMap<>();
        if (file != null) {
            set.putAll(readProperties(file));
        }
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                set.put(envToKey(name), value);
            }
        });
        set.putAll(flags);
        Map<String, String> merged = new TreeMap<>(DEFAULTS);
        merged.putAll(set);
        return new UnionNewsConfig(merged, set.keySet());
    }

    /** {@code UNION_NEWS_STREAMS_NUM_STREAM_THREADS} → {@code streams.num.stream.threads}. */
    static String envToKey(String name) {
        return name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The keys and values a Kafka-style properties file sets. */
    public static Map<String, String> readProperties(Path file) {
        Properties props = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(reader);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read config file " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> map = new TreeMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name).trim()));
        return map;
    }

    /** A copy with some values replaced, e.g. the embedded broker's address. */
    public UnionNewsConfig with(String key, String value) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        Set<String> set = new HashSet<>(given);
        set.add(key);
        return new UnionNewsConfig(copy, set);
    }

    /** Whether a layer above the defaults (file, environment, flag, {@link #with}) set {@code key}. */
    public boolean isSet(String key) {
        return given.contains(key);
    }

    public String get(String key) {
        return values.get(key);
    }

    public int getInt(String key) {
        String value = values.get(key);
        try {
            return Integer.parseInt(value.trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Configuration " + key + " must be a whole number, got '" + value + "'");
        }
    }

    public String bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    public Topics topics() {
        return new Topics(get(TOPIC_PREFIX));
    }

    /**
     * Kafka properties for one client kind ({@code producer}, {@code consumer}, {@code admin}, {@code streams}):
     * {@code bootstrap.servers}, every unprefixed key that is not ours, and this client's prefixed keys.
     */
    public Properties clientProperties(String client) {
        String own = client + ".";
        Properties props = new Properties();
        values.forEach((key, value) -> {
            if (key.startsWith(own)) {
                props.put(key.substring(own.length()), value);
            } else if (!DEFAULTS.containsKey(key) && !hasClientPrefix(key)) {
                props.put(key, value);
            }
        });
        props.put(BOOTSTRAP_SERVERS, bootstrapServers());
        return props;
    }

    private static boolean hasClientPrefix(String key) {
        for (String prefix : CLIENT_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public Map<String, String> asMap() {
        return values;
    }
}
