package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.PageInput;

/**
 * What Kafka itself gives on the same broker, for {@code load --baseline}: the pages' bytes sent as records (as
 * the producer sends, idempotent, zstd) while one transactional consumer → producer loop copies them to a second
 * topic, offsets committed in each transaction, as the summarising consumer does. The clock runs from the first
 * send to the commit of the last copy, as the pipeline's end-to-end figure does.
 */
final class BaselineCopy {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration DEADLINE = Duration.ofMinutes(10);

    private BaselineCopy() {
    }

    /** Runs the copy on the run's topics ({@code config}) and returns records per second. */
    static double run(UnionNewsConfig config, List<PageInput> inputs, PrintStream out) throws InterruptedException {
        String in = config.topics().prefix() + "baseline-in";
        String copy = config.topics().prefix() + "baseline-out";
        TopicAdmin.ensureTopics(config, List.of(new Topics.Spec(in, false), new Topics.Spec(copy, false)));
        List<TopicPartition> partitions;
        try (Admin admin = Admin.create(config.clientProperties("admin"))) {
            partitions = admin.describeTopics(List.of(in)).allTopicNames().get().get(in).partitions().stream()
                    .map(p -> new TopicPartition(in, p.partition())).toList();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot describe " + in + ": " + e.getCause().getMessage(), e);
        }
        AtomicLong lastCommit = new AtomicLong();
        Copier copier = new Copier(config, partitions, copy, inputs.size(), lastCommit);
        Thread thread = new Thread(copier, "baseline-copier");
        thread.start();
        long start = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(ReliableProducer.properties(config),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < inputs.size(); i++) {
                byte[] value = valueOf(inputs.get(i));
                bytes += value.length;
                producer.send(new ProducerRecord<>(in, ("baseline-" + i).getBytes(StandardCharsets.UTF_8), value));
            }
        }
        thread.join(DEADLINE.toMillis());
        copier.stop();
        thread.join();
        if (copier.copied < inputs.size()) {
            throw new IllegalStateException("the baseline copied " + copier.copied + " of " + inputs.size()
                    + " records within " + DEADLINE.toMinutes() + " min");
        }
        long nanos = lastCommit.get() - start;
        double perSecond = inputs.size() / Math.max(1e-9, nanos / 1e9);
        out.printf("  copied %d records (%.1f kB each on average) in %s: %.0f records/s%n", inputs.size(),
                bytes / 1024.0 / inputs.size(), LoadCommand.seconds(nanos), perSecond);
        return perSecond;
    }

    /** The page as it was read, the size a scraper's record has. */
    private static byte[] valueOf(PageInput input) {
        if (input.originalBytes() != null) {
            return input.originalBytes();
        }
        String content = input.page().html() != null ? input.page().html() : input.page().text();
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** The consume → produce loop, one transaction per poll. */
    private static final class Copier implements Runnable {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final KafkaProducer<byte[], byte[]> producer;
        private final String to;
        private final int expected;
        private final AtomicLong lastCommit;
        private volatile boolean running = true;
        private volatile long copied;

        Copier(UnionNewsConfig config, List<TopicPartition> partitions, String to, int expected,
               AtomicLong lastCommit) {
            String group = config.get(UnionNewsConfig.CONSUMER_GROUP_ID) + "-baseline";
            Properties consumerProps = config.clientProperties("consumer");
            consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            consumerProps.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumerProps.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            this.consumer = new KafkaConsumer<>(consumerProps, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.consumer.assign(partitions);
            Properties producerProps = ReliableProducer.properties(config);
            producerProps.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, group + "-copier");
            this.producer = new KafkaProducer<>(producerProps, new ByteArraySerializer(), new ByteArraySerializer());
            this.producer.initTransactions();
            this.to = to;
            this.expected = expected;
            this.lastCommit = lastCommit;
        }

        void stop() {
            running = false;
        }

        @Override
        public void run() {
            try (consumer; producer) {
                while (running && copied < expected) {
                    ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    producer.beginTransaction();
                    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
                    for (ConsumerRecord<byte[], byte[]> record : records) {
                        producer.send(new ProducerRecord<>(to, record.key(), record.value()));
                        offsets.put(new TopicPartition(record.topic(), record.partition()),
                                new OffsetAndMetadata(record.offset() + 1));
                    }
                    producer.sendOffsetsToTransaction(offsets, consumer.groupMetadata());
                    producer.commitTransaction();
                    lastCommit.set(System.nanoTime());
                    copied += records.count();
                }
            }
        }
    }
}
