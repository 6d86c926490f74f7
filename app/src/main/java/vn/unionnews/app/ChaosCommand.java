package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.EmbeddedKafkaBroker;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;

/**
 * Fault injection: the Streams app and a summarising consumer each in a JVM of its own, killed with SIGKILL at
 * seeded-random moments while generated pages flow in, and restarted at once with the same instance ids and state;
 * then checks, as a {@code read_committed} reader, that every article has exactly one summary, every alert is there
 * once, the aggregates equal a recount of the enriched articles, and nothing was dead-lettered.
 */
@Command(name = "chaos", description = {
        "Kill the Streams app and the consumer again and again while pages flow, and check that nothing was lost.",
        "It runs the streams and consume commands as child JVMs and kills each with SIGKILL --kills times at"
                + " seeded-random moments (alternating, each restarted at once) while --articles generated pages are"
                + " published.",
        "Then it checks exactly one summary per article, each alert once, the aggregates against a recount and an"
                + " empty DLQ, and exits 0 only if every check holds.",
        "It runs on an embedded broker of its own unless --bootstrap-servers is given, always on topics with a"
                + " prefix of their own (chaos-<random>.)."})
final class ChaosCommand implements Callable<Integer> {
    private static final String STREAMS_INSTANCE = "chaos-streams";
    private static final String CONSUMER_INSTANCE = "chaos-consumer";
    private static final Duration READY = Duration.ofSeconds(120);
    private static final Duration SETTLE = Duration.ofSeconds(120);
    private static final Duration READ = Duration.ofSeconds(60);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--articles", paramLabel = "N", description = "Generated pages to publish. Default: ${DEFAULT-VALUE}.")
    int articles = 2000;

    @Option(names = "--kills", paramLabel = "K", description = "SIGKILLs per stage (Streams, consumer). Default: ${DEFAULT-VALUE}.")
    int kills = 10;

    @Option(names = "--seed", paramLabel = "S", description = "Seed of the kill moments. Default: random (printed).")
    Long seed;

    @Option(names = "--rate", paramLabel = "PAGES/S", description = "Publishing pace; the kills fall while pages flow. Default: ${DEFAULT-VALUE}.")
    int rate = 10;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Give up waiting for the summaries this long after the last page. Default: ${DEFAULT-VALUE}.")
    int timeoutSeconds = 900;

    @Option(names = "--seeds", paramLabel = "DIR", description = "The pages to vary. Default: seeds/ in the project.")
    Path seeds;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws Exception {
        if (articles < 1 || kills < 0 || rate < 1 || timeoutSeconds < 1) {
            throw new IllegalArgumentException("--articles, --rate and --timeout must be at least 1, --kills at least 0");
        }
        long seedValue = seed != null ? seed : new Random().nextLong();
        Path home = Path.of(System.getProperty("union-news.home", "."));
        List<PageInput> inputs = GeneratedPages.generate(
                GeneratedPages.seeds(seeds != null ? seeds : home.resolve("seeds")), "chaos", articles, 25, 5);
        Path logs = Files.createTempDirectory("union-news-chaos-logs");
        return RunTopics.run(kafka, "chaos", (config, where) -> {
            out.printf("Chaos run: %d articles (%d strike reports, %d long reports) at %d pages/s, %d SIGKILLs per"
                            + " stage, seed %d, %s, topics %s*%n", inputs.size(), GeneratedPages.count(inputs, "strike"),
                    GeneratedPages.count(inputs, "long"), rate, kills, seedValue, where, config.topics().prefix());
            out.println("  child logs in " + logs);
            return run(config, inputs, new Random(seedValue), logs);
        });
    }

    private int run(UnionNewsConfig config, List<PageInput> inputs, Random random, Path logs) throws Exception {
        Child streams = new Child("streams", () -> childCommand(config, "streams",
                "--instance-id", STREAMS_INSTANCE,
                "-D", UnionNewsConfig.STREAMS_STATE_DIR + "=" + config.get(UnionNewsConfig.STREAMS_STATE_DIR),
                "--http-port", String.valueOf(EmbeddedKafkaBroker.freePort())),
                logs.resolve("streams.log"), config.get(UnionNewsConfig.STREAMS_APPLICATION_ID));
        Child consumer = new Child("consumer", () -> childCommand(config, "consume",
                "--instance-id", CONSUMER_INSTANCE),
                logs.resolve("consumer.log"), config.get(UnionNewsConfig.CONSUMER_GROUP_ID));
        List<Child> children = List.of(streams, consumer);
        Thread hook = new Thread(() -> children.forEach(Child::killNow), "chaos-children-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            for (Child child : children) {
                child.start();
            }
            monitor.scheduleWithFixedDelay(() -> children.forEach(child -> child.observe(admin)), 0, POLL_NANOS,
                    TimeUnit.NANOSECONDS);
            if (!awaitReady(admin, config)) {
                System.err.printf("union-news: chaos: the streams and consume children were not running after %d s;"
                        + " see their logs in %s%n", READY.toSeconds(), logs);
                return 1;
            }
            long start = System.nanoTime();
            Future<ArticlePublisher.Report> sending = publisher.submit(
                    () -> GeneratedPages.send(config, inputs, rate, id -> { }));
            killAtRandomMoments(random, start, streams, consumer, admin);
            ArticlePublisher.Report report = sending.get();
            long published = System.nanoTime();
            out.printf("  published %d articles in %s (%d failed); SIGKILLs: streams %d, consumer %d%n",
                    report.sent(), LoadCommand.seconds(published - start), report.failed(), streams.kills(),
                    consumer.kills());
            report.failures().forEach(failure -> System.err.println("  " + failure));

            Set<String> due = new HashSet<>(report.sentIds());
            boolean summarised = awaitSummaries(config, due);
            long done = System.nanoTime();
            out.printf("  %s %s after the first page%n", summarised ? "every article summarised"
                    : due.size() + " article(s) still without a summary", LoadCommand.seconds(done - start));
            children.forEach(child -> out.println("  " + child.recoveryFigures()));

            List<String> failed = verify(admin, config, report);
            children.forEach(Child::stop);
            out.printf("  wall time %s; unexpected child exits: streams %d, consumer %d%n",
                    LoadCommand.seconds(System.nanoTime() - start), streams.unexpectedExits(),
                    consumer.unexpectedExits());
            children.stream().filter(child -> child.unexpectedExits() > 0).forEach(child ->
                    failed.add(child.exitFailure()));
            if (report.failed() > 0) {
                failed.add(report.failed() + " page(s) not published");
            }
            if (!summarised) {
                failed.add(due.size() + " article(s) not summarised within " + timeoutSeconds + " s");
            }
            if (failed.isEmpty()) {
                out.println("Every check holds.");
                return 0;
            }
            System.err.println("union-news: chaos: " + failed.size() + " check(s) failed: " + String.join("; ", failed)
                    + " (child logs in " + logs + ")");
            return 1;
        } finally {
            monitor.shutdownNow();
            publisher.shutdownNow();
            children.forEach(Child::stop);
            Runtime.getRuntime().removeShutdownHook(hook);
        }
    }

    /** The streams and consume command lines: this JVM's class path, the run's topics, groups and failover. */
    private List<String> childCommand(UnionNewsConfig config, String command, String... more) {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        String logging = System.getProperty("log4j2.configurationFile");
        if (logging != null) {
            line.add("-Dlog4j2.configurationFile=" + logging);
        }
        line.addAll(List.of(UnionNews.class.getName(), command,
                "--bootstrap-servers", config.bootstrapServers(), "--topic-prefix", config.topics().prefix()));
        if (kafka.configFile != null) {
            line.addAll(List.of("--config", kafka.configFile.toString()));
        }
        Map<String, String> properties = new LinkedHashMap<>(kafka.properties);
        properties.put(UnionNewsConfig.STREAMS_APPLICATION_ID, config.get(UnionNewsConfig.STREAMS_APPLICATION_ID));
        properties.put(UnionNewsConfig.CONSUMER_GROUP_ID, config.get(UnionNewsConfig.CONSUMER_GROUP_ID));
        properties.forEach((key, value) -> line.addAll(List.of("-D", key + "=" + value)));
        line.addAll(List.of(more));
        return line;
    }

    /** Until Streams owns every article partition and the consumer every enriched one; false after {@link #READY}. */
    private static boolean awaitReady(Admin admin, UnionNewsConfig config) throws InterruptedException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (ownsAll(admin, config.get(UnionNewsConfig.STREAMS_APPLICATION_ID), config.topics().articles(),
                        config) && ownsAll(admin, config.get(UnionNewsConfig.CONSUMER_GROUP_ID),
                        config.topics().enriched(), config)) {
                    return true;
                }
            } catch (ExecutionException e) {
                // the group does not exist yet
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return false;
    }

    private static boolean ownsAll(Admin admin, String group, String topic, UnionNewsConfig config)
            throws ExecutionException, InterruptedException {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                .get(group).get();
        return RunTopics.assigned(description, topic) == config.getInt(UnionNewsConfig.TOPIC_PARTITIONS);
    }

    /**
     * {@code --kills} SIGKILLs per stage at seeded-random moments spread over the publishing time, alternating
     * between the stages (the first chosen by the seed), each child restarted at once.
     */
    private void killAtRandomMoments(Random random, long start, Child streams, Child consumer, Admin admin) {
        long window = TimeUnit.SECONDS.toNanos(articles) / rate;
        List<Long> moments = new ArrayList<>();
        for (int i = 0; i < 2 * kills; i++) {
            moments.add((long) ((0.05 + 0.9 * random.nextDouble()) * window));
        }
        Collections.sort(moments);
        boolean streamsFirst = random.nextBoolean();
        for (int i = 0; i < moments.size(); i++) {
            LockSupport.parkNanos(start + moments.get(i) - System.nanoTime());
            Child victim = (i % 2 == 0) == streamsFirst ? streams : consumer;
            victim.killAndRestart(admin, System.nanoTime() - start);
        }
    }

    /** Follows {@code output} until every id in {@code due} has a summary; false after {@code --timeout}. */
    private boolean awaitSummaries(UnionNewsConfig config, Set<String> due) {
        if (due.isEmpty()) {
            return true;
        }
        try (TopicReader reader = new TopicReader(config)) {
            return reader.read(event -> {
                if (SummaryEvent.EVENT_TYPE.equals(event.eventType())) {
                    due.remove(event.key());
                }
                return !due.isEmpty();
            }, Duration.ofSeconds(timeoutSeconds));
        }
    }

    /**
     * The checks, as a {@code read_committed} reader once the pipeline has caught up: one summary per article, each
     * alert once (an article's default alerts recomputed from its enriched version, spikes once each), the
     * aggregates equal to a recount of the latest enriched article per id, an empty DLQ. Prints the figures and
     * returns the checks that failed.
     */
    private List<String> verify(Admin admin, UnionNewsConfig config, ArticlePublisher.Report report)
            throws InterruptedException {
        List<String> failed = new ArrayList<>();
        Table enriched = Table.read(config, config.topics().enriched());
        Map<String, OrgStats> recount = recount(enriched);
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Table orgStats;
        Map<String, String> mismatches;
        while (true) {
            orgStats = Table.read(config, config.topics().orgStats());
            mismatches = compare(recount, orgStats);
            if (mismatches.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
        }
        Table provinceStats = Table.read(config, config.topics().provinceStats());
        boolean caughtUp = awaitCaughtUp(admin, config.get(UnionNewsConfig.CONSUMER_GROUP_ID),
                List.of(enriched, orgStats, provinceStats), deadline);

        Map<String, Integer> summaries = new TreeMap<>();
        Map<String, Integer> alerts = new TreeMap<>();
        try (TopicReader reader = new TopicReader(config)) {
            reader.readToEnd(event -> {
                JsonNode json = json(event.json());
                if (SummaryEvent.EVENT_TYPE.equals(event.eventType())) {
                    summaries.merge(json.path("articleId").asText(), 1, Integer::sum);
                } else if (AlertEvent.EVENT_TYPE.equals(event.eventType())) {
                    String rule = json.path("rule").asText();
                    // A spike is raised once whichever article it names; an article's alert once per rule.
                    alerts.merge(isSpike(rule) ? rule : json.path("articleId").asText() + " " + rule, 1, Integer::sum);
                }
            }, READ);
        }
        Set<String> sent = new TreeSet<>(report.sentIds());
        long duplicateSummaries = duplicates(summaries);
        Set<String> unsummarised = new TreeSet<>(sent);
        unsummarised.removeAll(summaries.keySet());
        Set<String> strangers = new TreeSet<>(summaries.keySet());
        strangers.removeAll(sent);
        out.printf("  summaries: %d for %d articles, %d duplicate(s), %d missing, %d of unknown articles%n",
                summaries.values().stream().mapToInt(Integer::intValue).sum(), sent.size(), duplicateSummaries,
                unsummarised.size(), strangers.size());
        check(failed, duplicateSummaries == 0, "duplicate summaries: " + over(summaries));
        check(failed, unsummarised.isEmpty(), "articles without a summary: " + first(unsummarised));
        check(failed, strangers.isEmpty(), "summaries of articles never sent: " + first(strangers));

        Set<String> expectedAlerts = new TreeSet<>();
        Alerter alerter = new Alerter();
        enriched.values(EnrichedArticle.class).forEach(article -> alerter.alerts(article, null, List.of())
                .forEach(alert -> expectedAlerts.add(alert.articleId() + " " + alert.rule())));
        Set<String> lostAlerts = new TreeSet<>(expectedAlerts);
        lostAlerts.removeAll(alerts.keySet());
        long spikes = alerts.keySet().stream().filter(ChaosCommand::isSpike).count();
        Set<String> unexpectedAlerts = new TreeSet<>(alerts.keySet());
        unexpectedAlerts.removeIf(pair -> isSpike(pair) || expectedAlerts.contains(pair));
        long duplicateAlerts = duplicates(alerts);
        out.printf("  alerts: %d (%d of %d due to the articles, %d spikes), %d duplicate(s), %d lost, %d unexpected%n",
                alerts.values().stream().mapToInt(Integer::intValue).sum(), expectedAlerts.size() - lostAlerts.size(),
                expectedAlerts.size(), spikes, duplicateAlerts, lostAlerts.size(), unexpectedAlerts.size());
        check(failed, duplicateAlerts == 0, "duplicate alerts: " + over(alerts));
        check(failed, lostAlerts.isEmpty(), "alerts lost: " + first(lostAlerts));
        check(failed, unexpectedAlerts.isEmpty(), "alerts no article raises: " + first(unexpectedAlerts));
        check(failed, articles < 5 || !expectedAlerts.isEmpty(), "no strike report raised an alert");

        out.printf("  aggregates: %d organisations in org-stats checked against a recount of %d enriched articles,"
                + " %d mismatch(es)%n", recount.size(), enriched.size(), mismatches.size());
        check(failed, mismatches.isEmpty(), "org-stats differ from the recount: " + first(mismatches.entrySet()));
        check(failed, caughtUp, "the consumer did not catch up with its inputs within " + SETTLE.toSeconds() + " s");
        long dlq = RunTopics.count(config, config.topics().dlq(), null);
        out.printf("  dlq: %d record(s)%n", dlq);
        check(failed, dlq == 0, dlq + " record(s) in the DLQ");
        return failed;
    }

    /** Each organisation's aggregates folded anew from the contributions of the latest enriched article per id. */
    private static Map<String, OrgStats> recount(Table enriched) {
        Map<String, OrgStats> recount = new TreeMap<>();
        enriched.values(EnrichedArticle.class).forEach(article -> OrgContribution.of(article).forEach(contribution ->
                recount.merge(contribution.organization(), OrgStats.empty().plus(contribution),
                        (stats, one) -> stats.plus(contribution))));
        return recount;
    }

    /** Per organisation that differs: what org-stats says and what the recount says (articles, topics, days). */
    private static Map<String, String> compare(Map<String, OrgStats> recount, Table orgStats) {
        Map<String, OrgStats> published = new TreeMap<>();
        orgStats.values.forEach((name, json) -> {
            OrgStats stats = Table.parse(json, OrgStats.class);
            if (stats.articleCount() > 0) {
                published.put(name, stats);
            }
        });
        Set<String> names = new TreeSet<>(recount.keySet());
        names.addAll(published.keySet());
        Map<String, String> mismatches = new TreeMap<>();
        for (String name : names) {
            OrgStats want = recount.getOrDefault(name, OrgStats.empty());
            OrgStats have = published.getOrDefault(name, OrgStats.empty());
            if (want.articleCount() != have.articleCount() || !want.topics().equals(have.topics())
                    || !want.daily().equals(have.daily())) {
                mismatches.put(name, "org-stats " + have.articleCount() + " articles " + have.topics() + ", recount "
                        + want.articleCount() + " articles " + want.topics());
            }
        }
        return mismatches;
    }

    /**
     * Until the consumer group has committed past the last record of every partition of {@code inputs} (so every
     * alert the aggregates raise is written too); false at {@code deadline}.
     */
    private static boolean awaitCaughtUp(Admin admin, String group, List<Table> inputs, long deadline) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        inputs.forEach(table -> ends.putAll(table.lastOffsets));
        while (true) {
            try {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                if (ends.entrySet().stream().allMatch(end -> committed.get(end.getKey()) != null
                        && committed.get(end.getKey()).offset() > end.getValue())) {
                    return true;
                }
            } catch (ExecutionException | TimeoutException e) {
                // asked again below
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** A topic read to its end as a table: the latest JSON value per key, and each partition's last offset. */
    private record Table(Map<String, String> values, Map<TopicPartition, Long> lastOffsets) {
        static Table read(UnionNewsConfig config, String topic) {
            Map<String, String> values = new TreeMap<>();
            Map<TopicPartition, Long> lastOffsets = new HashMap<>();
            try (TopicReader reader = new TopicReader(config, topic)) {
                reader.readToEnd(event -> {
                    lastOffsets.merge(new TopicPartition(topic, event.partition()), event.offset(), Math::max);
                    if (event.key() != null && event.json() != null) {
                        values.put(event.key(), event.json());
                    } else if (event.key() != null) {
                        values.remove(event.key());
                    }
                }, READ);
            }
            return new Table(values, lastOffsets);
        }

        int size() {
            return values.size();
        }

        <T> List<T> values(Class<T> type) {
            return values.values().stream().map(json -> parse(json, type)).toList();
        }

        static <T> T parse(String json, Class<T> type) {
            try {
                return Json.mapper().readValue(json, type);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
            }
        }
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isSpike(String rule) {
        return rule.startsWith("spike:");
    }

    private static long duplicates(Map<String, Integer> counts) {
        return counts.values().stream().mapToLong(count -> Math.max(0, count - 1)).sum();
    }

    private static String over(Map<String, Integer> counts) {
        Map<String, Integer> twice = new TreeMap<>(counts);
        twice.values().removeIf(count -> count < 2);
        return first(twice.entrySet());
    }

    /** The first few elements, for a failure message. */
    private static String first(Collection<?> items) {
        return items.stream().limit(5).map(String::valueOf).toList() + (items.size() > 5 ? " and "
                + (items.size() - 5) + " more" : "");
    }

    private static void check(List<String> failed, boolean holds, String failure) {
        if (!holds) {
            failed.add(failure);
        }
    }

    /**
     * One child JVM and what happened to it: the SIGKILLs, the exits nobody asked for (it is restarted then too),
     * and the time from each restart to its group's next committed offsets, the first sign that it works again.
     */
    private static final class Child {
        final String name;
        private final Supplier<List<String>> command;
        private final Path log;
        private final String group;
        private final List<Long> recoveries = new ArrayList<>();
        private volatile Process process;
        private int kills;
        private int unexpectedExits;
        /** What the child said last before it exited by itself: its one-line error. */
        private String lastError;
        private int killedBeforeProgress;
        private boolean awaitingProgress;
        private long restartedAt;
        private long committedAtRestart;
        private boolean stopped;

        Child(String name, Supplier<List<String>> command, Path log, String group) {
            this.name = name;
            this.command = command;
            this.log = log;
            this.group = group;
        }

        synchronized void start() {
            try {
                process = new ProcessBuilder(command.get()).redirectErrorStream(true)
                        .redirectOutput(Redirect.appendTo(log.toFile())).start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the " + name + " child JVM", e);
            }
        }

        synchronized void killAndRestart(Admin admin, long sinceStart) {
            if (stopped) {
                return;
            }
            if (awaitingProgress) {
                killedBeforeProgress++;
            }
            process.destroyForcibly();
            awaitExit();
            kills++;
            note("SIGKILL " + kills + " at +" + LoadCommand.seconds(sinceStart) + ", restarting");
            committedAtRestart = committed(admin);
            start();
            restartedAt = System.nanoTime();
            awaitingProgress = true;
        }

        /** The monitor's look: progress since the last restart, and a child that died by itself. */
        synchronized void observe(Admin admin) {
            if (stopped) {
                return;
            }
            if (awaitingProgress && committedAtRestart < 0) {
                committedAtRestart = committed(admin);
            } else if (awaitingProgress && committed(admin) > committedAtRestart) {
                recoveries.add(System.nanoTime() - restartedAt);
                awaitingProgress = false;
            }
            if (!process.isAlive()) {
                unexpectedExits++;
                lastError = lastError();
                note("exited by itself with status " + process.exitValue() + ", restarting");
                start();
            }
        }

        /** The sum of the group's committed offsets; -1 when the broker does not say. */
        private long committed(Admin admin) {
            try {
                return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                        .values().stream().filter(offset -> offset != null).mapToLong(OffsetAndMetadata::offset).sum();
            } catch (ExecutionException | TimeoutException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        /** Stops the child the way Ctrl-C would, then for good after 30 s. */
        synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            process.destroy();
            awaitExit();
        }

        /** From the shutdown hook: no lock, no waiting. */
        void killNow() {
            Process p = process;
            if (p != null) {
                p.destroyForcibly();
            }
        }

        private void awaitExit() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The child's last "union-news: …" line, the one-line error it exits with. */
        private String lastError() {
            try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
                return lines.filter(line -> line.startsWith("union-news: ")).reduce((a, b) -> b).orElse(null);
            } catch (IOException | UncheckedIOException e) {
                return null;
            }
        }

        synchronized String exitFailure() {
            return name + " exited by itself " + unexpectedExits + " time(s)"
                    + (lastError == null ? "" : ", last: " + lastError);
        }

        private void note(String line) {
            try {
                Files.writeString(log, "---- chaos: " + name + " " + line + " ----\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                // the log is for reading afterwards; the run goes on without the note
            }
        }

        synchronized int kills() {
            return kills;
        }

        synchronized int unexpectedExits() {
            return unexpectedExits;
        }

        /** "streams: restart → next commit 9 of 10 measured: median 8.1 s, max 12.3 s; 1 killed again first". */
        synchronized String recoveryFigures() {
            List<Long> sorted = new ArrayList<>(recoveries);
            Collections.sort(sorted);
            String figures = sorted.isEmpty() ? "none measured" : String.format("%d of %d measured: min %s, median %s,"
                    + " max %s", sorted.size(), kills, LoadCommand.seconds(sorted.get(0)),
                    LoadCommand.seconds(sorted.get(sorted.size() / 2)),
                    LoadCommand.seconds(sorted.get(sorted.size() - 1)));
            return String.format("%s: restart → its group's next committed offsets, %s%s", name, figures,
                    killedBeforeProgress > 0 ? "; " + killedBeforeProgress + " killed again before that" : "");
        }
    }
}
