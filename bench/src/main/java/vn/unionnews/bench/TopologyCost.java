package vn.unionnews.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgMention;
import vn.unionnews.kafka.EmbeddedKafkaBroker;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.streams.ArticleTopology;

/**
 * What the Streams topology asks Kafka to store per article, on a real in-process broker with the application's
 * own settings (exactly-once, its record cache, its compression): the bytes the broker's logs grow by, over every
 * topic but the {@code articles} input (enriched articles, aggregates, changelogs, repartition topics, transaction
 * markers), and the time, per block of articles. The articles are the seed pages under new ids, all naming one
 * organisation, {@code perDay} to a day, day after day; each seed is enriched once, so that the time is the
 * topology's and Kafka's, not the enrichment's. Run from inside the repository (the seeds are found from there):
 * <pre>./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -cp bench/target/benchmarks.jar \
 *     vn.unionnews.bench.TopologyCost [articles=100000] [perDay=20] [block=1000]</pre>
 */
public final class TopologyCost {
    /** Named by every article: the organisation whose aggregates take every update. */
    private static final OrgMention HOT = new OrgMention("Tổng Liên đoàn Lao động Việt Nam", "national_federation", 1);
    private static final LocalDate FIRST_DAY = LocalDate.parse("2010-01-01");
    private static final Duration DEADLINE = Duration.ofMinutes(5);

    private TopologyCost() {
    }

    public static void main(String[] args) throws Exception {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int perDay = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int block = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        Path dir = Files.createTempDirectory("topology-cost");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir.resolve("broker"), 0)) {
            UnionNewsConfig config = UnionNewsConfig.defaults(Map.of(
                    UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers(),
                    UnionNewsConfig.STREAMS_STATE_DIR, dir.resolve("state").toString()));
            run(config, total, perDay, block);
        } finally {
            delete(dir);
        }
    }

    private static void run(UnionNewsConfig config, int total, int perDay, int block) throws Exception {
        Topics topics = config.topics();
        TopicAdmin.ensureTopics(config);
        ArticleEvent[] seeds = SeedTexts.articles();
        Map<String, EnrichedArticle> enrichedByBody = new HashMap<>();
        Enricher enricher = new Enricher();
        for (ArticleEvent seed : seeds) {
            enrichedByBody.put(seed.body(), enricher.enrich(seed));
        }
        StreamsBuilder builder = new StreamsBuilder();
        ArticleTopology.build(builder, topics, article -> enrichedAs(enrichedByBody.get(article.body()), article));
        Properties props = ArticleStreams.properties(config);
        String applicationId = props.getProperty(StreamsConfig.APPLICATION_ID_CONFIG,
                config.get(UnionNewsConfig.STREAMS_APPLICATION_ID));
        System.out.printf(Locale.ROOT, "%d articles, %d a day (%d days), blocks of %d; %s stream thread(s)%n",
                total, perDay, (total + perDay - 1) / perDay, block, props.get(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        System.out.printf(Locale.ROOT, "%10s %14s %12s%n", "articles", "bytes/article", "ms/article");
        JsonSerde<ArticleEvent> serde = JsonSerde.of(ArticleEvent.class);
        Map<String, Long> firstBlock = null;
        Map<String, Long> lastBlock = null;
        try (Admin admin = Admin.create(config.clientProperties("admin"));
             KafkaStreams streams = new KafkaStreams(builder.build(props), props);
             KafkaProducer<String, ArticleEvent> producer = new KafkaProducer<>(ReliableProducer.properties(config),
                     new StringSerializer(), serde.serializer())) {
            streams.start();
            Map<String, Long> before = logBytes(admin, topics.articles());
            for (int sent = 0; sent < total; ) {
                long start = System.nanoTime();
                int end = Math.min(total, sent + block);
                for (int i = sent; i < end; i++) {
                    ArticleEvent article = article(seeds[i % seeds.length], i, FIRST_DAY.plusDays(i / perDay));
                    producer.send(new ProducerRecord<>(topics.articles(), article.id(), article));
                }
                producer.flush();
                awaitProcessed(admin, applicationId, topics.articles());
                double millis = (System.nanoTime() - start) / 1e6;
                Map<String, Long> after = logBytes(admin, topics.articles());
                Map<String, Long> written = minus(after, before);
                long bytes = written.values().stream().mapToLong(Long::longValue).sum();
                int articles = end - sent;
                sent = end;
                if (firstBlock == null && sent > block) {
                    firstBlock = written;
                }
                lastBlock = written;
                if (sent == block || sent == 2 * block || sent % Math.max(block, total / 10) == 0 || sent == total) {
                    System.out.printf(Locale.ROOT, "%,10d %,14d %12.3f%n", sent, bytes / articles, millis / articles);
                }
                before = after;
            }
        }
        if (firstBlock != null) {
            System.out.printf(Locale.ROOT, "%nper article, by topic: the block after the first %,d, and the last%n",
                    block);
            Map<String, Long> first = firstBlock;
            Map<String, Long> last = lastBlock;
            new TreeMap<>(last).keySet().stream()
                    .sorted(Comparator.comparing((String topic) -> -last.get(topic)))
                    .forEach(topic -> System.out.printf(Locale.ROOT, "%-60s %,10d %,10d%n", topic,
                            first.getOrDefault(topic, 0L) / block, last.get(topic) / block));
        }
    }

    /** The seed page as a new article, its id and day this one's. */
    private static ArticleEvent article(ArticleEvent seed, int n, LocalDate day) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "bench-" + n, seed.url(), seed.source(),
                seed.fetchedAt(), day.toString(), seed.title(), seed.body(), seed.author(), seed.category(),
                seed.sentences(), seed.displayTitle(), seed.captions(), seed.truncated());
    }

    /** The seed's enrichment, for this article, which names the organisation every article names. */
    private static EnrichedArticle enrichedAs(EnrichedArticle seed, ArticleEvent article) {
        List<OrgMention> organizations = new ArrayList<>(seed.organizations());
        if (organizations.stream().noneMatch(org -> org.name().equals(HOT.name()))) {
            organizations.add(HOT);
        }
        return EnrichedArticle.of(article, seed.topics(), seed.primaryTopic(), organizations, seed.metrics(),
                seed.topicEvidence(), seed.provinces(), seed.events());
    }

    /** Until the application has committed offsets past everything written to {@code input}. */
    private static void awaitProcessed(Admin admin, String applicationId, String input)
            throws ExecutionException, InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(input)).allTopicNames().get().get(input).partitions()
                .forEach(p -> latest.put(new TopicPartition(input, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        while (true) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                    .partitionsToOffsetAndMetadata().get();
            if (ends.entrySet().stream().allMatch(e -> e.getValue() == 0 || committed.get(e.getKey()) != null
                    && committed.get(e.getKey()).offset() >= e.getValue())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Streams did not process " + ends + " within " + DEADLINE
                        + "; committed " + committed);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    /** The size of every topic's log on the broker, but {@code input}'s. */
    private static Map<String, Long> logBytes(Admin admin, String input) throws ExecutionException, InterruptedException {
        Map<String, Long> bytes = new TreeMap<>();
        int broker = admin.describeCluster().nodes().get().iterator().next().id();
        admin.describeLogDirs(List.of(broker)).allDescriptions().get().get(broker).values()
                .forEach(dir -> dir.replicaInfos().forEach((partition, replica) -> {
                    if (!partition.topic().equals(input)) {
                        bytes.merge(partition.topic(), replica.size(), Long::sum);
                    }
                }));
        return bytes;
    }

    private static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((topic, size) -> delta.put(topic, size - before.getOrDefault(topic, 0L)));
        return delta;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
