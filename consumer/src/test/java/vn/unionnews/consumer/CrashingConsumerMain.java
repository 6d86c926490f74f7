package vn.unionnews.consumer;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * The process {@link ProcessCrashTest} kills: a {@link SummarizingConsumer} whose producer halts the JVM
 * ({@link Runtime#halt}: no finally blocks, no abort, no close) once, after its first committed transaction,
 * {@code acks} more records of {@code output} have reached the broker, i.e. inside an open transaction.
 *
 * <p>Arguments: {@code <acks> key=value...}, the configuration overrides.
 */
public final class CrashingConsumerMain {
    /** The exit status of a halt, so the test can tell the crash from any other end. */
    public static final int HALT_STATUS = 77;

    private CrashingConsumerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> overrides = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            overrides.put(pair[0], pair[1]);
        }
        overrides.put("producer." + ProducerConfig.INTERCEPTOR_CLASSES_CONFIG, HaltingInterceptor.class.getName());
        UnionNewsConfig config = UnionNewsConfig.defaults(overrides);
        HaltingInterceptor.outputTopic = config.topics().output();
        HaltingInterceptor.acksBeforeHalt = Integer.parseInt(args[0]);
        // Called after each commit: from then on, every acknowledged record belongs to a later, open transaction.
        new SummarizingConsumer(config, summary -> HaltingInterceptor.armed = true).run();
        System.exit(1);
    }

    /** Counts the acknowledged {@code output} records once armed and halts the JVM at the configured count. */
    public static final class HaltingInterceptor implements ProducerInterceptor<byte[], byte[]> {
        static volatile String outputTopic;
        static volatile int acksBeforeHalt;
        static volatile boolean armed;
        private static final AtomicInteger ACKED = new AtomicInteger();

        @Override
        public ProducerRecord<byte[], byte[]> onSend(ProducerRecord<byte[], byte[]> record) {
            return record;
        }

        @Override
        public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
            if (armed && exception == null && metadata.topic().equals(outputTopic)
                    && ACKED.incrementAndGet() == acksBeforeHalt) {
                System.err.printf("HALT after %d acknowledged records, last %s-%d@%d, transaction open%n",
                        acksBeforeHalt, metadata.topic(), metadata.partition(), metadata.offset());
                System.err.flush();
                Runtime.getRuntime().halt(HALT_STATUS);
            }
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }
}
