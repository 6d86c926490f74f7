package vn.unionnews.streams;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.unionnews.event.ArticleEvent;

/**
 * Passes an article on only when it is new or its content changed since the last version with the same id,
 * so an unchanged re-scrape produces nothing downstream while a correction flows on as an update.
 * Records are keyed by article id; a record without a key is keyed by its value's id.
 */
final class ChangedArticles implements Processor<String, ArticleEvent, String, ArticleEvent> {
    private ProcessorContext<String, ArticleEvent> context;
    private KeyValueStore<String, String> digests;

    @Override
    public void init(ProcessorContext<String, ArticleEvent> context) {
        this.context = context;
        this.digests = context.getStateStore(ArticleTopology.ARTICLE_DIGESTS_STORE);
    }

    @Override
    public void process(Record<String, ArticleEvent> record) {
        ArticleEvent article = record.value();
        if (article == null) {
            return;
        }
        String id = record.key() != null ? record.key() : article.id();
        String digest = article.contentDigest();
        if (digest.equals(digests.get(id))) {
            return;
        }
        digests.put(id, digest);
        context.forward(record.withKey(id));
    }
}
