package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.PageInput;

/**
 * The pipeline's load generator: generated pages (the seeds, strike reports that raise alerts, and long reports)
 * through the producer, the Streams topology and the summarising consumers, on topics of their own; prints the
 * throughput and the latency from a page's send to its summary's commit. Speed is measured here, never asserted
 * in tests.
 */
@Command(name = "load", description = {
        "Load-generate the whole pipeline and print its throughput and latency.",
        "Drives the producer, Streams and the summarising consumers on an embedded broker of its own unless"
                + " --bootstrap-servers is given, always on topics with a prefix of their own (load-<random>.), so it"
                + " never touches real data."})
final class LoadCommand implements Callable<Integer> {
    private static final int READY_SECONDS = 120;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--pages", paramLabel = "N", description = "Pages to send. Default: ${DEFAULT-VALUE}.")
    int pages = 1000;

    @Option(names = "--rate", paramLabel = "PAGES/S", description = "Send rate; 0 sends as fast as the producer goes. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--long-every", paramLabel = "K", description = "Every K-th page is a long report of about "
            + GeneratedPages.LONG_REPORT_SENTENCES + " sentences; 0 for none. Default: ${DEFAULT-VALUE}.")
    int longEvery = 25;

    @Option(names = "--strike-every", paramLabel = "K", description = "Every K-th page is a strike report, which raises alerts; 0 for none. Default: ${DEFAULT-VALUE}.")
    int strikeEvery = 5;

    @Option(names = "--consumers", paramLabel = "C", description = "Summarising consumer instances in this process."
            + " Default: one per core, ${DEFAULT-VALUE} here.")
    int consumers = Pipeline.defaultConsumers();

    @Option(names = "--warmup", paramLabel = "N", description = "Pages sent through the pipeline first, and not"
            + " measured: the figures of a warm JVM. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--baseline", description = "Also run Kafka's own transactional consume → produce copy of records"
            + " of the pages' sizes on the same broker, and print the pipeline's throughput as a share of it.")
    boolean baseline;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up waiting for the summaries after this long. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 600;

    @Option(names = "--seeds", paramLabel = "DIR", description = "The pages to vary. Default: seeds/ in the project.")
    Path seeds;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    /** How a run ended: its exit code and its end-to-end throughput in pages per second. */
    private record Result(int exit, double perSecond) {
    }

    @Override
    public Integer call() throws Exception {
        if (pages < 1 || consumers < 1 || rate < 0 || longEvery < 0 || strikeEvery < 0 || warmup < 0) {
            throw new IllegalArgumentException("--pages and --consumers must be at least 1; --rate, --long-every,"
                    + " --strike-every and --warmup at least 0");
        }
        Path home = Path.of(System.getProperty("union-news.home", "."));
        List<RawPage> seedPages = GeneratedPages.seeds(seeds != null ? seeds : home.resolve("seeds"));
        List<PageInput> inputs = GeneratedPages.generate(seedPages, "load", pages, longEvery, strikeEvery);
        List<PageInput> warmups = GeneratedPages.generate(seedPages, "warmup", warmup, longEvery, strikeEvery);
        return RunTopics.run(kafka, "load", (config, where) -> {
            out.printf("Pipeline load: %d pages (%d long reports, %d strike reports), %d consumer(s), %s, topics %s*%n",
                    inputs.size(), GeneratedPages.count(inputs, "long"), GeneratedPages.count(inputs, "strike"),
                    consumers, where, config.topics().prefix());
            Result result = run(config, inputs, warmups);
            if (baseline) {
                out.printf("%nKafka's own: a transactional consume → produce copy of %d records of the pages' sizes, on"
                        + " the same broker%n", inputs.size());
                double copied = BaselineCopy.run(config, inputs, out);
                out.printf("  the pipeline's end-to-end throughput is %.1f %% of the copy's%n",
                        100 * result.perSecond() / Math.max(1e-9, copied));
            }
            return result.exit();
        });
    }

    private Result run(UnionNewsConfig config, List<PageInput> inputs, List<PageInput> warmups)
            throws InterruptedException {
        Timings timings = new Timings();
        try (Pipeline pipeline = Pipeline.start(config, consumers, false, summary -> timings.committed(summary.articleId()))) {
            pipeline.awaitReady(Duration.ofSeconds(READY_SECONDS));
            if (!warmups.isEmpty()) {
                long start = System.nanoTime();
                int failed = send(config, warmups, timings);
                timings.await(warmups.size() - failed, timeoutSeconds);
                out.printf("  warm-up: %d pages through the pipeline in %s, not counted below%n", warmups.size(),
                        seconds(System.nanoTime() - start));
                timings.reset();
            }
            long cpuBefore = Processes.cpuNanos();
            long start = System.nanoTime();
            int failed = send(config, inputs, timings);
            long sent = System.nanoTime();
            int expected = inputs.size() - failed;
            out.printf("  sent in %s (%.0f pages/s, page understanding included)%s%n", seconds(sent - start),
                    perSecond(inputs.size(), sent - start), failed > 0 ? ", " + failed + " failed" : "");
            boolean done = timings.await(expected, timeoutSeconds);
            long finished = done ? timings.lastCommit() : System.nanoTime();
            int count = timings.committedCount();
            double measured = perSecond(count, finished - start);
            out.printf("  summarised %d of %d in %s from the first send: %.1f pages/s end to end%n", count, expected,
                    seconds(finished - start), measured);
            List<Long> sorted = timings.latencies();
            if (!sorted.isEmpty()) {
                out.printf("  latency, page acknowledged by Kafka → summary committed: p50 %s, p95 %s, p99 %s, max %s%n",
                        seconds(percentile(sorted, 50)), seconds(percentile(sorted, 95)),
                        seconds(percentile(sorted, 99)), seconds(sorted.get(sorted.size() - 1)));
            }
            boolean drained = done && RunTopics.awaitDrained(config, Duration.ofSeconds(timeoutSeconds));
            long settled = System.nanoTime();
            out.printf("  aggregates: %s%n", drained ? "every article counted, every stats change read, "
                    + seconds(settled - start) + " from the first send" : "not drained within " + timeoutSeconds + " s");
            out.printf("  output: %d alert(s); dlq: %d record(s)%n", RunTopics.count(config, config.topics().output(),
                    AlertEvent.EVENT_TYPE), RunTopics.count(config, config.topics().dlq(), null));
            long cpu = Processes.cpuNanos() - cpuBefore;
            out.printf("  process: peak RSS %s, CPU %.1f s (%.1f ms a page) for the measured pages%n",
                    Processes.peakRss(), cpu / 1e9, cpu / 1e6 / Math.max(1, count));
            if (!done) {
                System.err.printf("union-news: %d page(s) not summarised within %d s%n", expected - count,
                        timeoutSeconds);
                return new Result(1, measured);
            }
            return new Result(failed > 0 || !drained ? 1 : 0, measured);
        }
    }

    /** When Kafka acknowledged each page and when its summary was committed. */
    private static final class Timings {
        private final Map<String, Long> acked = new ConcurrentHashMap<>();
        private final Map<String, Long> committed = new ConcurrentHashMap<>();
        private final Semaphore done = new Semaphore(0);

        void acked(String id) {
            acked.put(id, System.nanoTime());
        }

        void committed(String id) {
            if (committed.putIfAbsent(id, System.nanoTime()) == null) {
                done.release();
            }
        }

        /** Whether {@code pages} summaries arrived within the timeout; they are counted once only. */
        boolean await(int pages, int timeoutSeconds) throws InterruptedException {
            return done.tryAcquire(pages, timeoutSeconds, TimeUnit.SECONDS);
        }

        /** Forgets the warm-up's pages. */
        void reset() {
            acked.clear();
            committed.clear();
            done.drainPermits();
        }

        int committedCount() {
            return committed.size();
        }

        long lastCommit() {
            return committed.values().stream().mapToLong(Long::longValue).max().orElse(System.nanoTime());
        }

        /** Acknowledgement to commit, per summarised page, shortest first. */
        List<Long> latencies() {
            List<Long> latencies = new ArrayList<>();
            committed.forEach((id, at) -> {
                Long sent = acked.get(id);
                if (sent != null) {
                    latencies.add(Math.max(0, at - sent));
                }
            });
            Collections.sort(latencies);
            return latencies;
        }
    }

    /** Sends the pages, at {@code --rate} if given; returns how many failed. */
    private int send(UnionNewsConfig config, List<PageInput> inputs, Timings timings) {
        return GeneratedPages.send(config, inputs, rate, timings::acked).failed();
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double perSecond(long count, long nanos) {
        return count / Math.max(1e-9, nanos / 1e9);
    }

    static String seconds(long nanos) {
        return nanos < 1_000_000_000L ? String.format("%d ms", nanos / 1_000_000) : String.format("%.1f s", nanos / 1e9);
    }
}
