package vn.unionnews.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SummaryEvent;
import vn.unionnews.kafka.DeadLetters;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.summary.Summary;

/**
 * Reads {@code articles.enriched} and writes one summary per article to {@code output}, exactly once:
 * each polled batch's summaries, DLQ records and the consumer's offsets are committed in one Kafka
 * transaction (consume-transform-produce), so {@code read_committed} readers see every summary once even
 * when an instance dies mid-batch. Instances share the partitions through the consumer group.
 */
public final class SummarizingConsumer implements Runnable, AutoCloseable {
    static final String STAGE = "consumer";
    private static final Logger LOG = LoggerFactory.getLogger(SummarizingConsumer.class);
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);
    private static final JsonSerde<SummaryEvent> SUMMARY = JsonSerde.of(SummaryEvent.class);

    private final Topics topics;
    private final ArticleAnalyzer analyzer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final Consumer<SummaryEvent> onCommitted;
    private final AtomicBoolean running = new AtomicBoolean(true);

    /**
     * @param onCommitted called with each summary once its transaction has committed (the demo prints them)
     */
    public SummarizingConsumer(UnionNewsConfig config, Consumer<SummaryEvent> onCommitted) {
        this.topics = config.topics();
        this.analyzer = new ArticleAnalyzer(config.getInt(UnionNewsConfig.SUMMARY_SENTENCES));
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
            consumer.close();
            producer.close(Duration.ofSeconds(10));
        }
    }

    private void processInTransaction(ConsumerRecords<byte[], byte[]> records) {
        List<SummaryEvent> written = new ArrayList<>();
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        producer.beginTransaction();
        try {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                producer.send(toOutput(record, written));
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
        written.forEach(onCommitted);
    }

    /** The summary for a readable article, or its DLQ record: a bad record never stops the stage. */
    private ProducerRecord<byte[], byte[]> toOutput(ConsumerRecord<byte[], byte[]> record, List<SummaryEvent> written) {
        try {
            EnrichedArticle article = ENRICHED.deserialize(record.topic(), record.value());
            if (article == null) {
                throw new IllegalArgumentException("tombstone (null value) where an article was expected");
            }
            SummaryEvent event = summaryEvent(article, analyzer.summarize(article));
            ProducerRecord<byte[], byte[]> out = new ProducerRecord<>(topics.output(), record.key(),
                    SUMMARY.serialize(topics.output(), event));
            EventHeaders.put(out.headers(), EventHeaders.EVENT_TYPE, SummaryEvent.EVENT_TYPE);
            written.add(event);
            return out;
        } catch (RuntimeException e) {
            LOG.warn("Record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                    topics.dlq(), e.getMessage());
            return DeadLetters.record(topics.dlq(),
                    new DeadLetters.Origin(STAGE, record.topic(), record.partition(), record.offset()),
                    record.key(), record.value(), e);
        }
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
