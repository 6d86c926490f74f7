package vn.unionnews.streams;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.kafka.DeadLetters;

/**
 * A record the topology cannot read or process goes to the DLQ topic as a {@code DeadLetter} (reason and
 * original bytes) and processing resumes with the next record. The DLQ record is written by the Streams
 * producer, inside the same exactly-once transaction as the skipped record's offset.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler, ProcessingExceptionHandler {
    /** The DLQ topic, set by {@link ArticleStreams#properties}. */
    public static final String DLQ_TOPIC_CONFIG = "union.news.dlq.topic";
    static final String STAGE = "streams";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String dlqTopic;
    private int maxRecordBytes;

    @Override
    public void configure(Map<String, ?> configs) {
        Object topic = configs.get(DLQ_TOPIC_CONFIG);
        if (topic == null) {
            throw new IllegalArgumentException(DLQ_TOPIC_CONFIG + " is not set");
        }
        dlqTopic = topic.toString();
        maxRecordBytes = DeadLetters.maxRequestSize(configs);
    }

    @Override
    public DeserializationExceptionHandler.Response handleError(ErrorHandlerContext context,
                                                                ConsumerRecord<byte[], byte[]> record,
                                                                Exception exception) {
        LOG.warn("Unreadable record {}-{}@{} sent to {}: {}", record.topic(), record.partition(), record.offset(),
                dlqTopic, exception.getMessage());
        return DeserializationExceptionHandler.Response.resume(List.of(DeadLetters.record(dlqTopic,
                new DeadLetters.Origin(STAGE, record.topic(), record.partition(), record.offset()),
                record.key(), record.value(), exception, maxRecordBytes)));
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record,
                                                           Exception exception) {
        LOG.warn("Record {}-{}@{} failed in {} and was sent to {}: {}", context.topic(), context.partition(),
                context.offset(), context.processorNodeId(), dlqTopic, exception.toString());
        return ProcessingExceptionHandler.Response.resume(List.of(DeadLetters.record(dlqTopic,
                new DeadLetters.Origin(STAGE + "/" + context.processorNodeId(), context.topic(), context.partition(),
                        context.offset()),
                context.sourceRawKey(), context.sourceRawValue(), exception, maxRecordBytes)));
    }
}
