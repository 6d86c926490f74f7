package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.consumer.SummarizingConsumer;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.PageInput;
import vn.unionnews.streams.ArticleStreams;

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

    @Option(names = "--consumers", paramLabel = "C", description = "Summarising consumer instances in this process. Default: ${DEFAULT-VALUE}.")
    int consumers = 2;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up waiting for the summaries after this long. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 600;

    @Option(names = "--seeds", paramLabel = "DIR", description = "The pages to vary. Default: seeds/ in the project.")
    Path seeds;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        if (pages < 1 || consumers < 1 || rate < 0 || longEvery < 0 || strikeEvery < 0) {
            throw new IllegalArgumentException("--pages and --consumers must be at least 1; --rate, --long-every and"
                    + " --strike-every at least 0");
        }
        Path home = Path.of(System.getProperty("union-news.home", "."));
        List<RawPage> seedPages = GeneratedPages.seeds(seeds != null ? seeds : home.resolve("seeds"));
        List<PageInput> inputs = GeneratedPages.generate(seedPages, "load", pages, longEvery, strikeEvery);
        return RunTopics.run(kafka, "load", (config, where) -> {
            out.printf("Pipeline load: %d pages (%d long reports, %d strike reports), %d consumer(s), %s, topics %s*%n",
                    inputs.size(), GeneratedPages.count(inputs, "long"), GeneratedPages.count(inputs, "strike"),
                    consumers, where, config.topics().prefix());
            return run(config, inputs);
        });
    }

    private int run(UnionNewsConfig config, List<PageInput> inputs) throws InterruptedException {
        Timings timings = new Timings(inputs.size());
        List<SummarizingConsumer> instances = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try (ArticleStreams streams = new ArticleStreams(config).start()) {
            for (int i = 0; i < consumers; i++) {
                SummarizingConsumer consumer = new SummarizingConsumer(
                        config.with(UnionNewsConfig.INSTANCE_ID, "load-" + i),
                        summary -> timings.committed(summary.articleId()));
                instances.add(consumer);
                Thread thread = new Thread(consumer, "load-consumer-" + i);
                threads.add(thread);
                thread.start();
            }
            awaitReady(config, streams);
            long start = System.nanoTime();
            int failed = send(config, inputs, timings);
            long sent = System.nanoTime();
            int expected = inputs.size() - failed;
            out.printf("  sent in %s (%.0f pages/s, page understanding included)%s%n", seconds(sent - start),
                    perSecond(inputs.size(), sent - start), failed > 0 ? ", " + failed + " failed" : "");
            boolean done = timings.pending.await(timeoutSeconds, TimeUnit.SECONDS);
            long finished = done ? timings.lastCommit() : System.nanoTime();
            int count = timings.committed.size();
            out.printf("  summarised %d of %d in %s from the first send: %.1f pages/s end to end%n", count, expected,
                    seconds(finished - start), perSecond(count, finished - start));
            List<Long> sorted = timings.latencies();
            if (!sorted.isEmpty()) {
                out.printf("  latency, page acknowledged by Kafka → summary committed: p50 %s, p95 %s, p99 %s, max %s%n",
                        seconds(percentile(sorted, 50)), seconds(percentile(sorted, 95)),
                        seconds(percentile(sorted, 99)), seconds(sorted.get(sorted.size() - 1)));
            }
            out.printf("  output: %d alert(s); dlq: %d record(s)%n", RunTopics.count(config, config.topics().output(),
                    AlertEvent.EVENT_TYPE), RunTopics.count(config, config.topics().dlq(), null));
            if (!done) {
                System.err.printf("union-news: %d page(s) not summarised within %d s%n", timings.pending.getCount(),
                        timeoutSeconds);
                return 1;
            }
            return failed > 0 ? 1 : 0;
        } finally {
            instances.forEach(SummarizingConsumer::close);
            for (Thread thread : threads) {
                thread.join(30_000);
            }
        }
    }

    /** When Kafka acknowledged each page and when its summary was committed; counts down the pages due. */
    private static final class Timings {
        private final Map<String, Long> acked = new ConcurrentHashMap<>();
        private final Map<String, Long> committed = new ConcurrentHashMap<>();
        private final CountDownLatch pending;

        Timings(int pages) {
            pending = new CountDownLatch(pages);
        }

        void acked(String id) {
            acked.put(id, System.nanoTime());
        }

        /** A page that will never have a summary: not sent, or not an article. */
        void failed() {
            pending.countDown();
        }

        void committed(String id) {
            if (committed.putIfAbsent(id, System.nanoTime()) == null) {
                pending.countDown();
            }
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

    /**
     * Until Streams runs and the consumer group has every instance and every article partition assigned, so that
     * start-up is not measured as latency.
     */
    private void awaitReady(UnionNewsConfig config, ArticleStreams streams) throws InterruptedException {
        String group = config.get(UnionNewsConfig.CONSUMER_GROUP_ID);
        String enriched = config.topics().enriched();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(READY_SECONDS);
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            int partitions = admin.describeTopics(List.of(enriched)).allTopicNames().get().get(enriched)
                    .partitions().size();
            while (true) {
                if (streams.isRunning()) {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .describedGroups().get(group).get();
                    if (description.members().size() == consumers
                            && RunTopics.assigned(description, enriched) == partitions) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the pipeline was not ready after " + READY_SECONDS + " s");
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe consumer group " + group + ": " + e.getCause(), e);
        }
    }

    /** Sends the pages, at {@code --rate} if given; returns how many failed. */
    private int send(UnionNewsConfig config, List<PageInput> inputs, Timings timings) {
        int failed = GeneratedPages.send(config, inputs, rate, timings::acked).failed();
        for (int i = 0; i < failed; i++) {
            timings.failed();
        }
        return failed;
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
