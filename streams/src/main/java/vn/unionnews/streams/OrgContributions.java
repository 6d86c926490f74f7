package vn.unionnews.streams;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;

/**
 * Turns each enriched article into one record per organisation it names, keyed by organisation and article
 * ({@link #key}), and a tombstone for every organisation its previous version named and this one does not. Read
 * as a table, these records are exactly the current contributions of every article to every organisation.
 */
final class OrgContributions implements Processor<String, EnrichedArticle, String, OrgContribution> {
    private static final char SEPARATOR = '\u001F';

    private ProcessorContext<String, OrgContribution> context;
    private KeyValueStore<String, String> namedBefore;

    static String key(String organization, String articleId) {
        return organization + SEPARATOR + articleId;
    }

    @Override
    public void init(ProcessorContext<String, OrgContribution> context) {
        this.context = context;
        this.namedBefore = context.getStateStore(ArticleTopology.ARTICLE_ORGS_STORE);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null) {
            return;
        }
        String id = record.key() != null ? record.key() : article.id();
        List<OrgContribution> contributions = OrgContribution.of(article);
        Set<String> names = new LinkedHashSet<>();
        contributions.forEach(c -> names.add(c.organization()));
        String previous = namedBefore.get(id);
        if (previous != null) {
            Arrays.stream(previous.split(String.valueOf(SEPARATOR)))
                    .filter(name -> !name.isEmpty() && !names.contains(name))
                    .forEach(name -> context.forward(record.withKey(key(name, id)).withValue(null)));
        }
        for (OrgContribution contribution : contributions) {
            context.forward(record.withKey(key(contribution.organization(), id)).withValue(contribution));
        }
        namedBefore.put(id, String.join(String.valueOf(SEPARATOR), names));
    }
}
