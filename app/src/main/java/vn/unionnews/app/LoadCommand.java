package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.consumer.SummarizingConsumer;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.Cluster;
import vn.unionnews.kafka.EmbeddedKafkaBroker;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;
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
    private static final String STRIKE = """
            Công nhân Công ty TNHH %1$s ngừng việc tập thể vì bị nợ lương – bản tin %2$d

            Sáng %3$d/3, khoảng %4$s công nhân Công ty TNHH %1$s ở tỉnh %5$s đã đồng loạt ngừng việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

            Liên đoàn Lao động tỉnh %5$s đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp lao động.

            Tại buổi đối thoại, công ty cam kết trả đủ tiền lương còn nợ trước ngày 30/3, người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày.
            """;
    private static final String[] COMPANIES = {"Giày da Thuận Phát", "May mặc Hòa Bình", "Điện tử Tân Tiến",
        "Chế biến gỗ Phú Cường", "Bao bì Minh Long"};
    private static final String[] PROVINCES = {"Bình Dương", "Đồng Nai", "Long An", "Bắc Giang", "Thanh Hóa"};
    private static final int LONG_REPORT_SENTENCES = 200;
    private static final int READY_SECONDS = 120;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--pages", paramLabel = "N", description = "Pages to send. Default: ${DEFAULT-VALUE}.")
    int pages = 1000;

    @Option(names = "--rate", paramLabel = "PAGES/S", description = "Send rate; 0 sends as fast as the producer goes. Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--long-every", paramLabel = "K", description = "Every K-th page is a long report of about "
            + LONG_REPORT_SENTENCES + " sentences; 0 for none. Default: ${DEFAULT-VALUE}.")
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
        List<RawPage> seedPages = seedPages(seeds != null ? seeds : home.resolve("seeds"));
        Path work = Files.createTempDirectory("union-news-load");
        String prefix = "load-" + UUID.randomUUID().toString().substring(0, 8) + ".";
        UnionNewsConfig config = kafka.config();
        config = config.with(UnionNewsConfig.TOPIC_PREFIX, config.get(UnionNewsConfig.TOPIC_PREFIX) + prefix)
                .with(UnionNewsConfig.STREAMS_APPLICATION_ID, prefix + "streams")
                .with(UnionNewsConfig.CONSUMER_GROUP_ID, prefix + "summarizer")
                .with(UnionNewsConfig.STREAMS_STATE_DIR, work.resolve("streams-state").toString());
        EmbeddedKafkaBroker broker = null;
        try {
            String where = config.bootstrapServers();
            if (!kafka.clusterGiven()) {
                broker = EmbeddedKafkaBroker.start(work.resolve("kafka"), 0);
                config = config.with(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
                where = "an embedded broker";
            }
            List<PageInput> inputs = generate(seedPages);
            out.printf("Pipeline load: %d pages (%d long reports, %d strike reports), %d consumer(s), %s, topics %s*%n",
                    inputs.size(), count(inputs, "long"), count(inputs, "strike"), consumers, where,
                    config.topics().prefix());
            try {
                return run(config, inputs);
            } finally {
                if (broker == null) {
                    cleanUp(config, prefix);
                }
            }
        } finally {
            if (broker != null) {
                broker.close();
            }
            EmbeddedKafkaBroker.wipe(work);
        }
    }

    private int run(UnionNewsConfig config, List<PageInput> inputs) throws InterruptedException {
        Cluster.awaitReachable(config);
        TopicAdmin.ensureTopics(config);
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
            out.printf("  output: %d alert(s); dlq: %d record(s)%n", countEvents(config, config.topics().output(),
                    AlertEvent.EVENT_TYPE), countEvents(config, config.topics().dlq(), null));
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
                    long assigned = description.members().stream()
                            .flatMap(member -> member.assignment().topicPartitions().stream())
                            .filter(partition -> partition.topic().equals(enriched)).count();
                    if (description.members().size() == consumers && assigned == partitions) {
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
        int batch = rate == 0 ? inputs.size() : Math.max(1, rate / 10);
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * batch / rate;
        int failed = 0;
        long next = System.nanoTime();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            for (int from = 0; from < inputs.size(); from += batch) {
                LockSupport.parkNanos(next - System.nanoTime());
                List<PageInput> chunk = inputs.subList(from, Math.min(inputs.size(), from + batch));
                int chunkFailed = publisher.publish(chunk, done -> { }, timings::acked).failed();
                for (int i = 0; i < chunkFailed; i++) {
                    timings.failed();
                }
                failed += chunkFailed;
                next += interval;
            }
        }
        return failed;
    }

    /** Deletes what a run on a real cluster made: its topics (Streams' internal ones too) and its groups. */
    private static void cleanUp(UnionNewsConfig config, String marker) {
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            List<String> topics = admin.listTopics().names().get().stream().filter(name -> name.contains(marker))
                    .toList();
            admin.deleteTopics(topics).all().get();
            admin.deleteConsumerGroups(List.of(config.get(UnionNewsConfig.CONSUMER_GROUP_ID),
                    config.get(UnionNewsConfig.STREAMS_APPLICATION_ID))).all().get();
        } catch (ExecutionException e) {
            System.err.println("union-news: could not delete the load run's topics and groups (" + marker + "*): "
                    + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The generated pages: each a unique id and title, so each is an article of its own. */
    private List<PageInput> generate(List<RawPage> seedPages) {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(3);
        List<ArticleEvent> articles = seedPages.stream().map(analyzer::toArticle).toList();
        List<PageInput> inputs = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String kind;
            String text;
            if (longEvery > 0 && i % longEvery == longEvery - 1) {
                kind = "long";
                text = longReport(articles, i);
            } else if (strikeEvery > 0 && i % strikeEvery == strikeEvery - 1) {
                kind = "strike";
                text = String.format(STRIKE, COMPANIES[i % COMPANIES.length], i, 1 + i % 28,
                        String.format("%d.%03d", 1 + i % 3, (i * 37) % 1000), PROVINCES[i / COMPANIES.length % PROVINCES.length]);
            } else {
                kind = "seed";
                ArticleEvent seed = articles.get(i % articles.size());
                text = seed.title() + " – bản tin " + i + "\n\n" + seed.body();
            }
            inputs.add(PageInput.of(kind + ":" + i, new RawPage("load-" + i, null, null, null, null, text, null)));
        }
        return inputs;
    }

    /** The seeds' bodies one after another until about {@link #LONG_REPORT_SENTENCES} sentences. */
    private static String longReport(List<ArticleEvent> articles, int i) {
        StringBuilder text = new StringBuilder("Báo cáo tổng kết công tác công đoàn các tỉnh – bản tin " + i + "\n\n");
        int sentences = 0;
        for (int k = 0; sentences < LONG_REPORT_SENTENCES; k++) {
            ArticleEvent seed = articles.get(k % articles.size());
            text.append(seed.body()).append("\n\n");
            sentences += seed.sentences().size();
        }
        return text.toString();
    }

    private static List<RawPage> seedPages(Path dir) {
        List<RawPage> pages = PageInputs.fromPaths(List.of(dir)).stream().map(PageInput::page)
                .filter(Objects::nonNull).toList();
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages in " + dir + " to vary (--seeds)");
        }
        return pages;
    }

    private static long count(List<PageInput> inputs, String kind) {
        return inputs.stream().filter(input -> input.origin().startsWith(kind + ":")).count();
    }

    private static long countEvents(UnionNewsConfig config, String topic, String eventType) {
        AtomicLong count = new AtomicLong();
        try (TopicReader reader = new TopicReader(config, topic)) {
            reader.readToEnd(event -> {
                if (eventType == null || eventType.equals(event.eventType())) {
                    count.incrementAndGet();
                }
            }, Duration.ofSeconds(60));
        }
        return count.get();
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static double perSecond(long count, long nanos) {
        return count / Math.max(1e-9, nanos / 1e9);
    }

    private static String seconds(long nanos) {
        return nanos < 1_000_000_000L ? String.format("%d ms", nanos / 1_000_000) : String.format("%.1f s", nanos / 1e9);
    }
}
