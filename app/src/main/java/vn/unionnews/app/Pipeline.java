package vn.unionnews.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import vn.unionnews.consumer.SummarizingConsumer;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.streams.OrgStatsApi;

/**
 * The Streams app, its HTTP API (optional) and the summarising consumers of one process, started in that order
 * and closed in reverse: the one way {@code demo}, {@code load} and the integration tests run the pipeline. The
 * topics must exist and the cluster must answer; the broker is the caller's.
 */
public final class Pipeline implements AutoCloseable {
    private static final Duration JOIN = Duration.ofSeconds(30);

    private final UnionNewsConfig config;
    private final int consumerCount;
    private final Consumer<SummaryEvent> onCommitted;
    private final ArticleStreams streams;
    private final OrgStatsApi api;
    private final List<SummarizingConsumer> consumers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();

    private Pipeline(UnionNewsConfig config, int consumerCount, boolean http, Consumer<SummaryEvent> onCommitted) {
        this.config = config;
        this.consumerCount = consumerCount;
        this.onCommitted = onCommitted;
        this.streams = new ArticleStreams(config).start();
        OrgStatsApi started = null;
        try {
            if (http) {
                started = OrgStatsApi.start(streams, config.get(UnionNewsConfig.HTTP_HOST),
                        config.getInt(UnionNewsConfig.HTTP_PORT));
            }
        } catch (RuntimeException e) {
            streams.close();
            throw e;
        }
        this.api = started;
        startConsumers();
    }

    /**
     * Starts the pipeline on {@code config}: Streams, the HTTP API on {@code http.host:http.port} when
     * {@code http}, and {@code consumers} summarising consumers, each on a thread of its own with the instance id
     * {@code <instance.id>-<i>} when there are several (none: Streams and its API only); {@code onCommitted} sees
     * every summary once committed.
     */
    public static Pipeline start(UnionNewsConfig config, int consumers, boolean http,
                                 Consumer<SummaryEvent> onCommitted) {
        if (consumers < 0) {
            throw new IllegalArgumentException("a pipeline cannot have " + consumers + " consumers");
        }
        return new Pipeline(config, consumers, http, onCommitted);
    }

    /** The default number of consumers in one process: one per core, as Streams has one thread per core. */
    public static int defaultConsumers() {
        return Runtime.getRuntime().availableProcessors();
    }

    private void startConsumers() {
        String instance = config.get(UnionNewsConfig.INSTANCE_ID);
        for (int i = 0; i < consumerCount; i++) {
            UnionNewsConfig own = consumerCount == 1 ? config
                    : config.with(UnionNewsConfig.INSTANCE_ID, instance + "-" + i);
            SummarizingConsumer consumer = new SummarizingConsumer(own, onCommitted);
            Thread thread = new Thread(consumer, "summarizing-consumer-" + i);
            consumers.add(consumer);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Until Streams runs and the consumer group has every consumer and every partition of
     * {@code articles.enriched} assigned, so that what follows does not measure start-up.
     *
     * @throws IllegalStateException when that takes longer than {@code timeout}, or a consumer failed
     */
    public Pipeline awaitReady(Duration timeout) throws InterruptedException {
        String group = config.get(UnionNewsConfig.CONSUMER_GROUP_ID);
        String enriched = config.topics().enriched();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            int partitions = admin.describeTopics(List.of(enriched)).allTopicNames().get().get(enriched)
                    .partitions().size();
            while (true) {
                Optional<RuntimeException> failed = failure();
                if (failed.isPresent()) {
                    throw new IllegalStateException("a summarising consumer failed: " + failed.get().getMessage(),
                            failed.get());
                }
                if (streams.isRunning() && consumerCount == 0) {
                    return this;
                }
                if (streams.isRunning()) {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .describedGroups().get(group).get();
                    if (description.members().size() == consumerCount
                            && RunTopics.assigned(description, enriched) == partitions) {
                        return this;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline was not ready after " + timeout.toSeconds() + " s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe consumer group " + group + ": " + e.getCause(), e);
        }
    }

    /** Stops the consumers and starts new ones with the same instance ids, as a restarted process would. */
    public void restartConsumers() throws InterruptedException {
        stopConsumers();
        startConsumers();
    }

    public ArticleStreams streams() {
        return streams;
    }

    /** The HTTP API, when started with it. */
    public Optional<OrgStatsApi> api() {
        return Optional.ofNullable(api);
    }

    /** Why a consumer stopped on its own, if one did. */
    public Optional<RuntimeException> failure() {
        return consumers.stream().map(SummarizingConsumer::failure).flatMap(Optional::stream).findFirst();
    }

    private void stopConsumers() throws InterruptedException {
        consumers.forEach(SummarizingConsumer::close);
        for (Thread thread : threads) {
            thread.join(JOIN.toMillis());
        }
        consumers.clear();
        threads.clear();
    }

    /** Consumers, then the HTTP API, then Streams. */
    @Override
    public void close() throws InterruptedException {
        try {
            stopConsumers();
        } finally {
            if (api != null) {
                api.close();
            }
            streams.close();
        }
    }
}
