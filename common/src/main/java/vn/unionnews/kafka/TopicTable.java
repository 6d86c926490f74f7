package vn.unionnews.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A compacted topic as a table: the latest value per key, a null value deleting it, read through a
 * {@link TopicReader}. Live, a thread follows the topic: the alert subscriptions and the organisations'
 * aggregates are read this way, so a subscription added or removed applies to the next article without
 * restarting anything. {@link #snapshot} reads the table as it is now. Records are read strictly: one that is not
 * JSON of the type, or that has a field the type does not know (a typo such as {@code keyword} would otherwise
 * widen a subscription silently), is logged with the reason and refused, and its key has no value from then on.
 */
public final class TopicTable<V> implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTable.class);

    private final String topic;
    /** Reads a value strictly: unknown fields refused. */
    private final ObjectReader values;
    private final TopicReader reader;
    private final Map<String, V> current = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean started = new AtomicBoolean();

    public TopicTable(UnionNewsConfig config, String topic, Class<V> type) {
        this.topic = topic;
        this.values = strict(type);
        this.reader = new TopicReader(config, topic);
    }

    /** The table of {@code topic} as its committed records say now, by key. */
    public static <V> Map<String, V> snapshot(UnionNewsConfig config, String topic, Class<V> type, Duration deadline) {
        Map<String, V> table = new TreeMap<>();
        try (TopicReader reader = new TopicReader(config, topic)) {
            ObjectReader values = strict(type);
            reader.readToEnd(event -> apply(table, event, topic, values), deadline);
        }
        return table;
    }

    /** The values in force now. */
    public Collection<V> values() {
        return List.copyOf(current.values());
    }

    /** The value of {@code key} now, or null. */
    public V get(String key) {
        return current.get(key);
    }

    @Override
    public void run() {
        started.set(true);
        try {
            reader.read(event -> {
                apply(current, event, topic, values);
                return running.get();
            }, ChronoUnit.FOREVER.getDuration());
        } catch (WakeupException e) {
            if (running.get()) {
                throw e;
            }
        } finally {
            reader.close();
        }
    }

    private static ObjectReader strict(Class<?> type) {
        return Json.mapper().readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    private static <V> void apply(Map<String, V> table, TopicReader.Event event, String topic, ObjectReader values) {
        if (event.key() == null) {
            LOG.warn("Record without a key at {}-{}@{} skipped", topic, event.partition(), event.offset());
            return;
        }
        if (event.json() == null) {
            table.remove(event.key());
            return;
        }
        try {
            table.put(event.key(), values.readValue(event.json()));
        } catch (UnrecognizedPropertyException e) {
            table.remove(event.key());
            LOG.warn("Record {} in {}-{}@{} refused: unknown field '{}' (fields are {}); the key has no value now",
                    event.key(), topic, event.partition(), event.offset(), e.getPropertyName(),
                    e.getKnownPropertyIds());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            table.remove(event.key());
            LOG.warn("Unreadable record {} in {}-{}@{} refused: {}; the key has no value now", event.key(), topic,
                    event.partition(), event.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running.set(false);
        if (started.get()) {
            reader.wakeup();
        } else {
            reader.close();
        }
    }
}
