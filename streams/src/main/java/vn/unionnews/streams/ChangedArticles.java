package vn.unionnews.streams;

import java.time.Instant;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.unionnews.event.ArticleEvent;

/**
 * Passes an article on only when it is new or its content changed since the last version with the same id,
 * so an unchanged re-scrape produces nothing downstream while a correction flows on as an update.
 * Records are keyed by article id (the topology keys a record without a key by its value's id first), and the
 * key is kept: nothing after this needs a repartition to read the articles as a table. An article without a
 * {@code fetchedAt} (another client wrote it) gets its record's timestamp, so that it counts on a day.
 *
 * <p>A tombstone (null value) for an article id retracts the article: it flows on once, as a tombstone, for the
 * aggregates to take the article back and the consumer to say so. A tombstone for an id never seen, or seen
 * retracted already, is logged and stops here.
 */
final class ChangedArticles implements FixedKeyProcessor<String, ArticleEvent, ArticleEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(ChangedArticles.class);
    private FixedKeyProcessorContext<String, ArticleEvent> context;
    private KeyValueStore<String, String> digests;

    @Override
    public void init(FixedKeyProcessorContext<String, ArticleEvent> context) {
        this.context = context;
        this.digests = context.getStateStore(ArticleTopology.ARTICLE_DIGESTS_STORE);
    }

    @Override
    public void process(FixedKeyRecord<String, ArticleEvent> record) {
        ArticleEvent article = record.value();
        if (article == null) {
            retract(record);
            return;
        }
        if (article.fetchedAt() == null) {
            article = article.withFetchedAt(Instant.ofEpochMilli(record.timestamp()));
            record = record.withValue(article);
        }
        String id = record.key();
        String digest = article.contentDigest();
        if (digest.equals(digests.get(id))) {
            return;
        }
        digests.put(id, digest);
        context.forward(record);
    }

    private void retract(FixedKeyRecord<String, ArticleEvent> tombstone) {
        if (tombstone.key() == null) {
            LOG.warn("A tombstone without a key in {} names no article: ignored", context.recordMetadata()
                    .map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("articles"));
            return;
        }
        if (digests.get(tombstone.key()) == null) {
            LOG.info("Tombstone for article {}, which is not there (never seen, or retracted already): ignored",
                    tombstone.key());
            return;
        }
        digests.delete(tombstone.key());
        LOG.info("Article {} retracted", tombstone.key());
        context.forward(tombstone);
    }
}
