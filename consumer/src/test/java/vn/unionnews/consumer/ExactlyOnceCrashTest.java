package vn.unionnews.consumer;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.kafka.EventHeaders;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * A consumer instance that dies mid-batch leaves an open transaction with summaries already sent. Its
 * restart (same instance id) must abort them, so read_committed readers see exactly one summary per article.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ExactlyOnceCrashTest {
    private static final int ARTICLES = 30;
    private static final JsonSerde<EnrichedArticle> ENRICHED = JsonSerde.of(EnrichedArticle.class);

    @Test
    void restartAfterACrashMidBatchLeavesExactlyOneSummaryPerArticle(KafkaBroker broker) throws Exception {
        UnionNewsConfig config = UnionNewsConfig.defaults(CrashFixture.ownTopics(broker, "crash", Map.of()));
        TopicAdmin.ensureTopics(config);
        List<String> ids = IntStream.range(0, ARTICLES).mapToObj(i -> "article-" + i).toList();
        try (KafkaProducer<byte[], byte[]> plain = producer(config, null)) {
            for (String id : ids) {
                plain.send(new ProducerRecord<>(config.topics().enriched(), id.getBytes(), ENRICHED.serialize("", article(id))));
            }
        }

        // The dead instance: same transactional id as the restarted one, half a batch sent, never committed.
        KafkaProducer<byte[], byte[]> crashed = producer(config, SummarizingConsumer.producerProperties(config)
                .getProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG));
        crashed.initTransactions();
        crashed.beginTransaction();
        for (String id : ids.subList(0, ARTICLES / 2)) {
            ProducerRecord<byte[], byte[]> duplicate = new ProducerRecord<>(config.topics().output(), id.getBytes(),
                    "{\"schemaVersion\":1,\"articleId\":\"duplicate\"}".getBytes());
            EventHeaders.put(duplicate.headers(), EventHeaders.EVENT_TYPE, "summary");
            crashed.send(duplicate);
        }
        crashed.flush();

        SummarizingConsumer restarted = new SummarizingConsumer(config, summary -> { });
        Thread loop = new Thread(restarted, "restarted-consumer");
        loop.start();
        try {
            Map<String, Integer> perId = new HashMap<>();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                perId.clear();
                try (TopicReader reader = new TopicReader(config)) {
                    reader.read(event -> {
                        perId.merge(event.key(), 1, Integer::sum);
                        return true;
                    }, Duration.ofMillis(800));
                }
                return perId.size() == ARTICLES;
            });
            Map<String, Integer> once = new HashMap<>();
            ids.forEach(id -> once.put(id, 1));
            assertEquals(once, perId, "every article exactly once, the crashed instance's writes aborted");
        } finally {
            restarted.close();
            loop.join(30_000);
            crashed.close(Duration.ZERO);
        }
    }

    private static EnrichedArticle article(String id) {
        String body = "Công đoàn tổ chức hội nghị người lao động. Bài số " + id + ".";
        return EnrichedArticle.of(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null,
                new SourceOrg("Liên đoàn Lao động tỉnh Lào Cai", "provincial_federation"), null, "2022-01-14",
                "Tin " + id, body, null, null, List.of(body), null, null), List.of(), "other", List.of(), List.of());
    }

    private static KafkaProducer<byte[], byte[]> producer(UnionNewsConfig config, String transactionalId) {
        Properties props = config.clientProperties("producer");
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
