package vn.unionnews.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.analysis.Alerter;
import vn.unionnews.analysis.SpikeDetector;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.Subscription;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.DeadLetters;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;

/**
 * Reads {@code articles.enriched} and writes one summary per article to {@code output}, and the alerts it raises
 * (default rules and the live subscriptions, {@link Alerter}; spikes of an organisation's articles on an alert
 * topic against its baseline, {@link SpikeDetector}; each (article, rule) once, each spike once, also across
 * restarts and re-scrapes), exactly once: each polled batch's summaries, alerts, DLQ records and the consumer's offsets
 * are committed in one Kafka
 * transaction (consume-transform-produce), so {@code read_committed} readers see every summary once even
 * when an instance dies mid-batch. Instances share the partitions through the consumer group.
 */
public final class SummarizingConsumer implements Runnable, AutoCloseable {
    static final String STAGE = "consumer";
    private static final Logger LOG = LoggerFactory.getLogger(SummarizingConsumer.class);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final JsonSerde<SummaryEvent> SUMMARY = JsonSerde.of(SummaryEvent.class);
    private static final JsonSerde<AlertEvent> ALERT = JsonSerde.of(AlertEvent.class);
    private static final Duration REBUILD_DEADLINE = Duration.ofMinutes(2);
    static final String SPIKE_RULE_PREFIX = "spike:";

    private final Topics topics;
    /** Only the summariser: the page parser and the enrichment are the producer's and the topology's. */
    private final Summarizer summarizer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Consumer<SummaryEvent> onCommitted;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final UnionNewsConfig config;
    private final Alerter alerter = new Alerter();
    private final TopicTable<Subscription> subscriptions;
    private final TopicTable<OrgStats> orgStats;
    private final SpikeDetector spikes;
    private final List<String> spikeTopics;
    /** (article id, rule) of every alert committed to {@code output}: an article raises each alert once. */
    private final Set<String> raised = ConcurrentHashMap.newKeySet();

    /**
     * @param onCommitted called with each summary once its transaction has committed (the demo prints them)
     */
    public SummarizingConsumer(UnionNewsConfig config, Consumer<SummaryEvent> onCommitted) {
        this.topics = config.topics();
        this.config = config;
        this.subscriptions = new TopicTable<>(config, topics.subscriptions(), Subscription.class);
        this.orgStats = new TopicTable<>(config, topics.orgStats(), OrgStats.class);
        this.spikes = new SpikeDetector(config.getInt(UnionNewsConfig.SPIKE_WINDOW_DAYS),
                config.getInt(UnionNewsConfig.SPIKE_BASELINE_DAYS),
                Double.parseDouble(config.get(UnionNewsConfig.SPIKE_FACTOR)),
                config.getInt(UnionNewsConfig.SPIKE_MIN_COUNT));
        this.spikeTopics = List.of(config.get(UnionNewsConfig.SPIKE_TOPICS).split("\\s*,\\s*"));
        this.summarizer = Summarizers.standard(config.getInt(UnionNewsConfig.SUMMARY_SENTENCES), 0);
        this.onCommitted = onCommitted;
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    /** {@code consumer.group.id} is the group; offsets are committed only through the producer's transactions. */
    static Properties consumerProperties(UnionNewsConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(config.clientProperties("consumer"));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /**
     * A stable {@code transactional.id} per instance ({@code <group>-<instance.id>}) lets a restarted
     * instance abort what its dead predecessor left open, instead of readers waiting out the timeout.
     */
    static Properties producerProperties(UnionNewsConfig config) {
        Properties props = ReliableProducer.properties(config);
        props.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.get(UnionNewsConfig.CONSUMER_GROUP_ID) + "-"
                + config.get(UnionNewsConfig.INSTANCE_ID));
        return props;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            rebuildRaisedAlerts();
            new Thread(subscriptions, "subscriptions-table").start();
            new Thread(orgStats, "org-stats-table").start();
            consumer.subscribe(List.of(topics.enriched()));
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    processInTransaction(records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            LOG.error("Another instance took over transactional id: this one stops", e);
        } finally {
            subscriptions.close();
            orgStats.close();
            consumer.close();
            producer.close(Duration.ofSeconds(10));
        }
    }

    /**
     * Learns from {@code output} which alerts were committed before this instance started (read_committed: what
     * a dead predecessor left in an aborted transaction does not count), so a restart raises none again.
     */
    private void rebuildRaisedAlerts() {
        try (TopicReader output = new TopicReader(config, topics.output())) {
            output.readToEnd(event -> {
                if (AlertEvent.EVENT_TYPE.equals(event.eventType()) && event.json() != null) {
                    raised.add(raisedKey(ALERT.deserialize(topics.output(),
                            event.json().getBytes(StandardCharsets.UTF_8))));
                }
            }, REBUILD_DEADLINE);
        }
    }

    /**
     * An article raises each rule's alert once; a spike ({@code spike:<topic>:<organisation>:<day>}) is raised
     * once, by the first article that makes it.
     */
    private static String raisedKey(AlertEvent alert) {
        return alert.rule().startsWith(SPIKE_RULE_PREFIX) ? alert.rule() : alert.articleId() + '\u001F' + alert.rule();
    }

    /**
     * Spike alerts for the organisations the article names, from their aggregates as {@code org-stats} has them
     * (the article itself is counted when the aggregates do not hold it yet).
     */
    private List<AlertEvent> spikeAlerts(EnrichedArticle article, Summary summary) {
        String day = OrgContribution.dayOf(article);
        List<AlertEvent> alerts = new ArrayList<>();
        for (OrgMention org : article.organizations()) {
            OrgStats stats = orgStats.get(org.name());
            if (stats == null || day == null) {
                continue;
            }
            int uncounted = stats.recent().stream().anyMatch(ref -> ref.id().equals(article.id())) ? 0 : 1;
            for (String topic : spikeTopics) {
                boolean about = article.topics().stream().anyMatch(t -> t.id().equals(topic)
                        && t.score() >= Alerter.DEFAULT_MIN_SCORE);
                if (about) {
                    spikes.spike(stats, topic, day, uncounted).ifPresent(reason -> alerts.add(new AlertEvent(
                            AlertEvent.SCHEMA_VERSION, article.id(), SPIKE_RULE_PREFIX + topic + ":" + org.name()
                            + ":" + day, topic, "warning", reason, article.displayTitle(), summary.text())));
                }
            }
        }
        return alerts;
    }

    private void processInTransaction(ConsumerRecords<byte[], byte[]> records) {
        List<SummaryEvent> written = new ArrayList<>();
        Set<String> raising = new HashSet<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                for (ProducerRecord<byte[], byte[]> out : toOutput(record, written, raising)) {
                    producer.send(out);
                }
                offsets.put(new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Transaction aborted, the batch will be processed again: {}", e.toString());
            producer.abortTransaction();
            rewindToCommitted();
            return;
        }
        raised.addAll(raising);
        written.forEach(onCommitted);
    }

    /**
     * The summary and the alerts not raised before for a readable article, or its DLQ record: a bad record
     * never stops the stage.
     */
    private List<ProducerRecord<byte[], byte[]>> toOutput(ConsumerRecord<byte[], byte[]> record,
                                                          List<SummaryEvent> written, Set<String> raising) {
        try {
            EnrichedArticle article = ENRICHED.deserialize(record.topic(), record.value());
            if (article == null) {
                throw new IllegalArgumentException("tombstone (null value) where an article was expected");
            }
            Summary summary = summarizer.summarize(article.displayTitle(), article.sentences());
            SummaryEvent event = summaryEvent(article, summary);
            List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
            out.add(output(record.key(), SUMMARY.serialize(topics.output(), event), SummaryEvent.EVENT_TYPE));
            List<AlertEvent> alerts = new ArrayList<>(alerter.alerts(article, summary, subscriptions.values()));
            alerts.addAll(spikeAlerts(article, summary));
            for (AlertEvent alert : alerts) {
                String key = raisedKey(alert);
                if (!raised.contains(key) && raising.add(key)) {
                    out.add(output(record.key(), ALERT.serialize(topics.output(), alert), AlertEvent.EVENT_TYPE));
                }
            }
            written.add(event);
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    topics.dlq(), e.getMessage());
            return List.of(DeadLetters.record(topics.dlq(),
                    new DeadLetters.Origin(STAGE, record.topic(), record.partition(), record.offset()),
                    record.key(), record.value(), e));
        }
    }

    private ProducerRecord<byte[], byte[]> output(byte[] key, byte[] value, String eventType) {
        ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topics.output(), key, value);
        EventHeaders.put(out.headers(), EventHeaders.EVENT_TYPE, eventType);
        return out;
    }

    static SummaryEvent summaryEvent(EnrichedArticle article, Summary summary) {
        return new SummaryEvent(SummaryEvent.SCHEMA_VERSION, article.id(), article.url(), article.title(),
                article.source(), article.publishedAt(), summary.method(), summary.sentences(), summary.text());
    }

    private void rewindToCommitted() {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(consumer.assignment());
        for (TopicPartition partition : consumer.assignment()) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset != null) {
                consumer.seek(partition, offset);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    /** Stops the loop; {@link #run()} then closes the clients. Safe from any thread. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
