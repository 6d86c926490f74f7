package vn.unionnews.consumer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.analysis.ArticleOutputs;
import vn.unionnews.analysis.SpikeAlerts;
import vn.unionnews.analysis.SpikeDetector;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.RetractionEvent;
import vn.unionnews.event.Subscription;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.DeadLetters;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.GroupMembership;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicTable;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;

/**
 * Reads {@code articles.enriched} and writes one summary per article to {@code output} with the alerts it raises
 * (default rules and the live subscriptions, {@link ArticleOutputs}), and reads {@code org-stats} and
 * {@code province-stats} for spike alerts (an organisation's or a province's articles on an alert topic against
 * its baseline, {@link SpikeAlerts}, judged on the aggregates as they change, so a burst of articles is counted
 * whole). Each (article, rule) is raised once and each spike
 * once, also across restarts, re-scrapes and rebalances. Exactly once: each polled batch's summaries, alerts, DLQ
 * records and the consumer's offsets are committed in one Kafka transaction (consume-transform-produce), so
 * {@code read_committed} readers see every summary and alert once even when an instance dies mid-batch.
 * Instances share the partitions of both topics through the consumer group.
 */
public final class SummarizingConsumer implements Runnable, AutoCloseable {
    static final String STAGE = "consumer";
    private static final Logger LOG = LoggerFactory.getLogger(SummarizingConsumer.class);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final JsonSerde<SummaryEvent> SUMMARY = JsonSerde.of(SummaryEvent.class);
    private static final JsonSerde<AlertEvent> ALERT = JsonSerde.of(AlertEvent.class);
    private static final JsonSerde<OrgStats> ORG_STATS = JsonSerde.of(OrgStats.class);
    private static final JsonSerde<RetractionEvent> RETRACTION = JsonSerde.of(RetractionEvent.class);
    /** One attempt at learning the alerts raised for new partitions; attempts repeat until the consumer closes. */
    private static final Duration REBUILD_DEADLINE = Duration.ofSeconds(30);

    private final Topics topics;
    /** Only the summariser: the page parser and the enrichment are the producer's and the topology's. */
    private final Summarizer summarizer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    /** The producer's {@code max.request.size}, which a DLQ record must fit. */
    private final int maxRecordBytes;
    private final Consumer<SummaryEvent> onCommitted;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final UnionNewsConfig config;
    private final TopicTable<Subscription> subscriptions;
    private final SpikeAlerts spikeAlerts;
    /** The alerts raised for the assigned partitions: an article raises each alert once, a spike is raised once. */
    private RaisedAlerts raised;
    /** Why the loop stopped, when not by {@link #close()}. */
    private volatile RuntimeException failure;

    /**
     * @param onCommitted called with each summary once its transaction has committed (the demo prints them)
     */
    public SummarizingConsumer(UnionNewsConfig config, Consumer<SummaryEvent> onCommitted) {
        this.topics = config.topics();
        this.config = config;
        this.subscriptions = new TopicTable<>(config, topics.subscriptions(), Subscription.class);
        this.spikeAlerts = new SpikeAlerts(new SpikeDetector(config.getInt(UnionNewsConfig.SPIKE_WINDOW_DAYS),
                config.getInt(UnionNewsConfig.SPIKE_BASELINE_DAYS),
                Double.parseDouble(config.get(UnionNewsConfig.SPIKE_FACTOR)),
                config.getInt(UnionNewsConfig.SPIKE_MIN_COUNT)),
                List.of(config.get(UnionNewsConfig.SPIKE_TOPICS).split("\\s*,\\s*")));
        this.summarizer = summarizer(config);
        this.onCommitted = onCommitted;
        this.consumer = new KafkaConsumer<>(consumerProperties(config), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        Properties producerProps = producerProperties(config);
        this.maxRecordBytes = DeadLetters.maxRequestSize(producerProps);
        this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The stream's summariser, bounded by {@code summary.sentences} and {@code summary.words}. */
    static Summarizer summarizer(UnionNewsConfig config) {
        return Summarizers.standard(config.getInt(UnionNewsConfig.SUMMARY_SENTENCES),
                config.getInt(UnionNewsConfig.SUMMARY_WORDS));
    }

    /**
     * {@code consumer.group.id} is the group; offsets are committed only through the producer's transactions. Each
     * instance is a static member ({@code group.instance.id} = {@code <group>-<instance.id>}, see
     * {@link GroupMembership}): restarted, it takes its partitions back without a rebalance.
     */
    static Properties consumerProperties(UnionNewsConfig config) {
        Properties props = new Properties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putAll(config.clientProperties("consumer"));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        GroupMembership.staticMember(props, instanceName(config));
        return props;
    }

    /** {@code <group>-<instance.id>}: the instance's {@code transactional.id} and {@code group.instance.id}. */
    private static String instanceName(UnionNewsConfig config) {
        return config.get(UnionNewsConfig.CONSUMER_GROUP_ID) + "-" + config.get(UnionNewsConfig.INSTANCE_ID);
    }

    /**
     * A stable {@code transactional.id} per instance ({@code <group>-<instance.id>}) lets a restarted
     * instance abort what its dead predecessor left open, instead of readers waiting out the timeout.
     */
    static Properties producerProperties(UnionNewsConfig config) {
        Properties props = ReliableProducer.properties(config);
        props.putIfAbsent(ProducerConfig.TRANSACTIONAL_ID_CONFIG, instanceName(config));
        props.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, GroupMembership.TRANSACTION_TIMEOUT_MS);
        return props;
    }

    @Override
    public void run() {
        try {
            producer.initTransactions();
            new Thread(subscriptions, "subscriptions-table").start();
            List<String> inputs = List.of(topics.enriched(), topics.orgStats(), topics.provinceStats());
            raised = RaisedAlerts.open(config, consumer, inputs);
            consumer.subscribe(inputs, new RaisedAlertsFollowAssignment());
            while (running.get()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty() && running.get()) {
                    processInTransaction(records);
                }
            }
        } catch (WakeupException e) {
            if (running.get()) {
                failure = e;
                throw e;
            }
        } catch (ProducerFencedException | InvalidProducerEpochException | FencedInstanceIdException e) {
            failure = e;
            LOG.error("Another instance took over instance id {}: this one stops (give each instance its own"
                    + " instance.id)", instanceName(config), e);
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("The consumer stops", e);
            throw e;
        } finally {
            subscriptions.close();
            consumer.close();
            producer.close(Duration.ofSeconds(10));
            if (raised != null) {
                raised.close();
            }
        }
    }

    /**
     * Partitions coming to this instance may have raised alerts elsewhere: learn them before processing, once
     * their committed offsets are stable (a predecessor's pending transaction resolved). The previous owner of a
     * moved partition cannot commit after the move: its offsets carry the old group generation.
     */
    private final class RaisedAlertsFollowAssignment implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            raised.checkLayout(partitions);
            while (running.get()) {
                try {
                    partitions.forEach(partition -> consumer.position(partition, REBUILD_DEADLINE));
                    raised.load(partitions, REBUILD_DEADLINE);
                    return;
                } catch (TimeoutException e) {
                    // Processing without what was raised could raise an alert twice: wait for the cluster, or
                    // for a dead predecessor's transaction to time out.
                    LOG.warn("Cannot learn the alerts raised for {} yet, trying again: {}", partitions, e.getMessage());
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            raised.forget(partitions);
        }
    }

    private void processInTransaction(ConsumerRecords<byte[], byte[]> records) {
        List<SummaryEvent> written = new ArrayList<>();
        Map<TopicPartition, Set<String>> raising = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                TopicPartition input = new TopicPartition(record.topic(), record.partition());
                for (ProducerRecord<byte[], byte[]> out : toOutput(record, input, written,
                        raising.computeIfAbsent(input, p -> new HashSet<>()))) {
                    producer.send(out);
                }
                offsets.put(input, new OffsetAndMetadata(record.offset() + 1));
            }
            producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException | FencedInstanceIdException e) {
            throw e;
        } catch (KafkaException e) {
            LOG.warn("Transaction aborted, the batch will be processed again: {}", e.toString());
            producer.abortTransaction();
            rewindToCommitted();
            return;
        }
        raising.forEach(raised::addAll);
        written.forEach(onCommitted);
    }

    /**
     * For an article, its summary and the alerts it raises that were not raised before; for an organisation's or a
     * province's new aggregates, the spikes they show; each alert with the record that remembers it in
     * {@code alerts-raised}; for a record that cannot be read or processed, its DLQ record, whose stage names the
     * step that failed ({@value #STAGE} for reading, then {@code /summarise}, {@code /alerts} or {@code /spikes}): a
     * bad record never stops the stage.
     */
    private List<ProducerRecord<byte[], byte[]>> toOutput(ConsumerRecord<byte[], byte[]> record, TopicPartition input,
                                                          List<SummaryEvent> written, Set<String> raising) {
        String stage = STAGE;
        try {
            if (record.topic().equals(topics.orgStats()) || record.topic().equals(topics.provinceStats())) {
                OrgStats stats = ORG_STATS.deserialize(record.topic(), record.value());
                stage = STAGE + "/spikes";
                List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
                for (AlertEvent alert : spikeAlerts.of(stats, rule -> raised.contains(input, rule)
                        || raising.contains(rule))) {
                    raising.add(alert.rule());
                    out.add(output(alert.articleId().getBytes(StandardCharsets.UTF_8),
                            ALERT.serialize(topics.output(), alert), AlertEvent.EVENT_TYPE));
                    out.add(raised.record(input, alert));
                }
                return out;
            }
            if (record.value() == null) {
                return retraction(record);
            }
            EnrichedArticle article = ENRICHED.deserialize(record.topic(), record.value());
            stage = STAGE + "/summarise";
            Summary summary = ArticleOutputs.summary(article, summarizer);
            SummaryEvent event = summaryEvent(article, summary);
            List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
            out.add(output(record.key(), SUMMARY.serialize(topics.output(), event), SummaryEvent.EVENT_TYPE));
            stage = STAGE + "/alerts";
            for (AlertEvent alert : ArticleOutputs.alerts(article, summary, subscriptions.values())) {
                String key = RaisedAlerts.key(alert.articleId(), alert.rule());
                if (!raised.contains(input, key) && raising.add(key)) {
                    out.add(output(record.key(), ALERT.serialize(topics.output(), alert), AlertEvent.EVENT_TYPE));
                    out.add(raised.record(input, alert));
                }
            }
            written.add(event);
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Record {}-{}@{} failed in {} and was sent to {}: {}", record.topic(), record.partition(),
                    record.offset(), stage, topics.dlq(), StageFailure.describe(e));
            return List.of(DeadLetters.record(topics.dlq(),
                    new DeadLetters.Origin(stage, record.topic(), record.partition(), record.offset()),
                    record.key(), record.value(), e, maxRecordBytes));
        }
    }

    /**
     * A tombstone in {@code articles.enriched} is an article retracted (Streams passes each retraction on once):
     * its retraction event, keyed by the article id. A tombstone without a key names nothing and is dead-lettered.
     */
    private List<ProducerRecord<byte[], byte[]>> retraction(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("a tombstone without a key retracts no article");
        }
        String id = new String(record.key(), StandardCharsets.UTF_8);
        RetractionEvent event = RetractionEvent.of(id, Instant.ofEpochMilli(record.timestamp()));
        return List.of(output(record.key(), RETRACTION.serialize(topics.output(), event), RetractionEvent.EVENT_TYPE));
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

    /** Why {@link #run()} ended, if it ended on its own rather than by {@link #close()}. */
    public Optional<RuntimeException> failure() {
        return Optional.ofNullable(failure);
    }

    /** Stops the loop; {@link #run()} then closes the clients. Safe from any thread. */
    @Override
    public void close() {
        running.set(false);
        consumer.wakeup();
    }
}
