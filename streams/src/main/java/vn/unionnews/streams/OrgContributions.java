package vn.unionnews.streams;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;

/**
 * Turns each enriched article into one record per organisation it names (or per province it is about: what
 * {@code contributions} gives), keyed by name and article ({@link #key}), and a tombstone for every name its
 * previous version had and this one does not (kept in the store {@code namedStore}). Read as a table, these
 * records are exactly the current contributions of every article to every organisation (province). A tombstone
 * for an article (a retraction) takes back all of its names.
 */
final class OrgContributions implements Processor<String, EnrichedArticle, String, OrgContribution> {
    private static final char SEPARATOR = '\u001F';

    private final String namedStore;
    private final Function<EnrichedArticle, List<OrgContribution>> contributionsOf;
    private ProcessorContext<String, OrgContribution> context;
    private KeyValueStore<String, String> namedBefore;

    OrgContributions(String namedStore, Function<EnrichedArticle, List<OrgContribution>> contributionsOf) {
        this.namedStore = namedStore;
        this.contributionsOf = contributionsOf;
    }

    static String key(String organization, String articleId) {
        return organization + SEPARATOR + articleId;
    }

    @Override
    public void init(ProcessorContext<String, OrgContribution> context) {
        this.context = context;
        this.namedBefore = context.getStateStore(namedStore);
    }

    @Override
    public void process(Record<String, EnrichedArticle> record) {
        EnrichedArticle article = record.value();
        if (article == null && record.key() == null) {
            return;
        }
        String id = record.key() != null ? record.key() : article.id();
        // A retracted article (a tombstone) contributes nothing: every name it had is taken back.
        List<OrgContribution> contributions = article == null ? List.of() : contributionsOf.apply(article);
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
        if (article == null) {
            namedBefore.delete(id);
        } else {
            namedBefore.put(id, String.join(String.valueOf(SEPARATOR), names));
        }
    }
}
