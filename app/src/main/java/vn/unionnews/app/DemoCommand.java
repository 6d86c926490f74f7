package vn.unionnews.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.analysis.ArticleOutputs;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.analysis.PageReader;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.OrgStats;
import vn.unionnews.kafka.Cluster;
import vn.unionnews.kafka.EmbeddedKafkaBroker;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.summary.Summarizers;

@Command(name = "demo", description = {
        "Run the whole pipeline on the seed pages until Ctrl-C.",
        "Starts the embedded Kafka broker (unless --bootstrap-servers is given), creates the topics, publishes the"
                + " seed pages and runs the Streams topology and the summarising consumer. Prints each summary as it"
                + " arrives in the output topic, then the organisations' figures, and serves the dashboard."})
final class DemoCommand implements Callable<Integer> {
    private static final Duration ONCE_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration FOREVER = Duration.ofDays(366 * 100);
    private static final int ORGS_SHOWN = 12;
    /** Polls of the aggregates, 200 ms apart, that must find them unchanged before they are printed. */
    private static final int SETTLED_POLLS = 5;
    private static final String STREAM_THREADS = "streams.num.stream.threads";

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--once", description = "Stop (exit 0) once every seed's summary is in the output topic.")
    boolean once;

    @Option(names = "--fresh", description = "Wipe the embedded broker's data and the Streams state first.")
    boolean fresh;

    @Option(names = "--port", paramLabel = "PORT", description = "Port of the embedded broker. Default: 9092.")
    int port = 9092;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Broker data and Streams state. Default: .union-news/ in the project.")
    Path dataDir;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP API (the dashboard's data). Default: http.port, 8080.")
    Integer httpPort;

    @Option(names = "--seeds", paramLabel = "DIR", description = "Pages to publish. Default: seeds/ in the project.")
    Path seeds;

    @Option(names = "--consumers", paramLabel = "C", description = "Summarising consumer instances in this process."
            + " Default: ${DEFAULT-VALUE} (the demo's pages need no more; Streams runs one thread unless"
            + " streams.num.stream.threads is set).")
    int consumers = 1;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /**
     * Reads, enriches and summarises the first page of {@code inputs} and throws the result away, while the broker
     * starts: the language data are loaded and the analysis' classes with them before the pipeline's first article
     * comes, which then goes through warm code (the first summary comes sooner). With instances of its own (a
     * summariser with fresh statistics), so the pipeline's results are what they would be without it.
     */
    private static void warmUp(List<PageInput> inputs) {
        inputs.stream().map(PageInput::page).filter(Objects::nonNull).findFirst().ifPresent(page ->
                ArticleOutputs.summary(new Enricher().enrich(new PageReader().read(page)), Summarizers.fresh(3, 0)));
    }

    @Override
    public Integer call() throws InterruptedException {
        Path home = Path.of(System.getProperty("union-news.home", "."));
        Path data = dataDir != null ? dataDir : home.resolve(".union-news");
        Path pages = seeds != null ? seeds : home.resolve("seeds");
        boolean embedded = !kafka.clusterGiven();
        if (fresh) {
            EmbeddedKafkaBroker.wipe(data);
        }
        UnionNewsConfig config = kafka.config()
                .with("streams.state.dir", data.resolve("streams-state").toAbsolutePath().toString());
        if (httpPort != null) {
            config = config.with(UnionNewsConfig.HTTP_PORT, String.valueOf(httpPort));
        }
        if (!config.isSet(STREAM_THREADS)) {
            // Five pages need no parallelism, and one thread joins its group sooner.
            config = config.with(STREAM_THREADS, "1");
        }
        CountDownLatch finished = new CountDownLatch(1);
        Resources resources = new Resources();
        Thread hook = new Thread(() -> {
            resources.interrupt();
            awaitQuietly(finished);
        }, "demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // The pages are read while the broker starts, once; the first of them warms the analysis up on the way (a
        // page it cannot read fails the warm-up only: the pipeline reads it again and reports it).
        CompletableFuture<List<PageInput>> inputs =
                CompletableFuture.supplyAsync(() -> PageInputs.fromPaths(List.of(pages)));
        inputs.thenAcceptAsync(DemoCommand::warmUp, task -> {
            Thread warm = new Thread(task, "demo-warm-up");
            warm.setDaemon(true);
            warm.start();
        });
        try {
            if (embedded) {
                resources.broker = EmbeddedKafkaBroker.start(data.resolve("kafka"), port);
                config = config.with(UnionNewsConfig.BOOTSTRAP_SERVERS, resources.broker.bootstrapServers());
                System.err.println("Embedded Kafka broker on " + resources.broker.bootstrapServers() + ", data in " + data);
            }
            return run(config, pages, inputs, resources);
        } catch (WakeupException e) {
            return 0;
        } finally {
            resources.close();
            finished.countDown();
            if (!resources.interrupted) {
                Runtime.getRuntime().removeShutdownHook(hook);
            }
        }
    }

    private int run(UnionNewsConfig config, Path pages, CompletableFuture<List<PageInput>> inputs,
                    Resources resources) {
        Cluster.awaitReachable(config);
        TopicAdmin.ensureTopics(config);
        // The pages wait in Kafka while Streams and the consumers start: both at once, a faster first summary.
        UnionNewsConfig publishing = config;
        CompletableFuture<ArticlePublisher.Report> published = CompletableFuture.supplyAsync(() -> {
            try (ArticlePublisher publisher = new ArticlePublisher(publishing)) {
                return publisher.publish(inputs.join(), done -> { });
            }
        });
        resources.pipeline = Pipeline.start(config, consumers, true, summary -> { });
        System.err.printf("Aggregates served at http://%s:%d/api/orgs%n", config.get(UnionNewsConfig.HTTP_HOST),
                resources.pipeline.api().orElseThrow().port());
        ArticlePublisher.Report report;
        try {
            report = published.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        System.err.printf("Published %d page(s) from %s to %s, %d failed.%n", report.sent(), pages,
                config.topics().articles(), report.failed());
        report.failures().forEach(f -> System.err.println("  " + f));

        Set<String> waiting = new HashSet<>(report.sentIds());
        Set<String> printed = new HashSet<>();
        AtomicBoolean statsPrinted = new AtomicBoolean();
        resources.reader = new TopicReader(config);
        boolean allSummarised = resources.reader.read(event -> {
            if (printed.add(event.eventType() + "/" + event.key() + "/" + ruleOf(event))) {
                printEvent(event);
            }
            waiting.remove(event.key());
            if (waiting.isEmpty() && statsPrinted.compareAndSet(false, true)) {
                printOrgStats(resources.pipeline.streams(), report.sentIds());
                return !once;
            }
            return true;
        }, once ? ONCE_TIMEOUT : FOREVER);
        if (once && !allSummarised) {
            System.err.println("union-news: timed out waiting for the summaries of " + waiting);
            return 1;
        }
        return 0;
    }

    /** An article's alerts differ by rule; its summary has none. */
    private static String ruleOf(TopicReader.Event event) {
        if (!AlertEvent.EVENT_TYPE.equals(event.eventType())) {
            return "";
        }
        try {
            return Json.mapper().readTree(event.json()).path("rule").asText();
        } catch (IOException e) {
            return "";
        }
    }

    private void printEvent(TopicReader.Event event) {
        try {
            out.println();
            if (AlertEvent.EVENT_TYPE.equals(event.eventType())) {
                out.println("[alert] " + AlertsCommand.block(Json.mapper().readValue(event.json(), AlertEvent.class)));
                return;
            }
            JsonNode json = Json.mapper().readTree(event.json());
            out.printf("[%s] %s%n", event.eventType(), json.path("title").asText(""));
            out.printf("  id %s · %s · %s · %s%n", event.key(), json.path("source").path("name").asText("source unknown"),
                    json.path("publishedAt").asText("date unknown"), json.path("method").asText(""));
            out.println("  " + json.path("text").asText(json.path("reason").asText("")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The dashboard's table, in the console: waits briefly until every sent article has reached the aggregates,
     * then lists the organisations named most, with their main topics and figures.
     */
    private void printOrgStats(ArticleStreams streams, List<String> sentIds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        Map<String, OrgStats> stats = Map.of();
        int unchanged = 0;
        while (System.nanoTime() < deadline) {
            try {
                Map<String, OrgStats> now = streams.localOrgStats();
                unchanged = now.equals(stats) ? unchanged + 1 : 0;
                stats = now;
                Set<String> counted = new HashSet<>();
                stats.values().forEach(s -> s.recent().forEach(ref -> counted.add(ref.id())));
                // An article's contributions reach its organisations one by one: wait for the counts to settle.
                if (counted.containsAll(sentIds) && unchanged >= SETTLED_POLLS) {
                    break;
                }
            } catch (RuntimeException e) {
                // the store is not queryable while the instance rebalances: ask again
            }
            sleepBriefly();
        }
        out.println();
        out.printf("Organisations named in the articles (%d; the %d named most)%n", stats.size(),
                Math.min(ORGS_SHOWN, stats.size()));
        out.printf("  %-52s %8s  %-24s %s%n", "organisation", "articles", "main topics", "figures");
        stats.values().stream()
                .sorted(Comparator.comparingLong(OrgStats::articleCount).reversed().thenComparing(OrgStats::name))
                .limit(ORGS_SHOWN)
                .forEach(s -> out.printf("  %-52s %8d  %-24s %s%n", s.name(), s.articleCount(), mainTopics(s),
                        figures(s)));
    }

    private static String mainTopics(OrgStats stats) {
        return stats.topics().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(Map.Entry::getKey).collect(Collectors.joining(", "));
    }

    private static String figures(OrgStats stats) {
        NumberFormat vietnamese = NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"));
        return stats.metricTotals().entrySet().stream()
                .map(e -> e.getKey() + " " + vietnamese.format(Math.round(e.getValue())))
                .collect(Collectors.joining("; "));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the demo started, closed in reverse order: reader, pipeline, then the broker. */
    private static final class Resources implements AutoCloseable {
        volatile EmbeddedKafkaBroker broker;
        volatile Pipeline pipeline;
        volatile TopicReader reader;
        volatile boolean interrupted;

        void interrupt() {
            interrupted = true;
            TopicReader r = reader;
            if (r != null) {
                r.wakeup();
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (reader != null) {
                reader.close();
            }
            try {
                if (pipeline != null) {
                    pipeline.close();
                }
            } finally {
                if (broker != null) {
                    broker.close();
                }
            }
        }
    }
}
