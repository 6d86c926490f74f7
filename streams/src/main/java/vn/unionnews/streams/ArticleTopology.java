package vn.unionnews.streams;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.ValueMapper;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgStats;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.Topics;

/**
 * articles → (drop unchanged re-scrapes) → enrich → articles.enriched; the enriched articles → one contribution
 * per (organisation named, article), with tombstones for organisations a corrected version no longer names → a
 * table of contributions → grouped by organisation → aggregate (adder/subtractor) → org-stats; the same for the
 * provinces each article is about → province-stats. Because the aggregate reads a table, a re-sent article
 * replaces its earlier contribution instead of adding to it. A tombstone in articles retracts its article: it
 * goes on to articles.enriched as a tombstone, leaves the articles table, and takes the article's contributions
 * back out of the aggregates.
 */
public final class ArticleTopology {
    /** Content digest of the last version of each article id: unchanged re-scrapes stop here. */
    public static final String ARTICLE_DIGESTS_STORE = "article-digests";
    /** What the queries read of the latest enriched version of each article ({@link StoredArticle}), by id. */
    public static final String ARTICLES_STORE = "articles-by-id";
    /** The organisations each article's last version named, so a correction can take back the others. */
    public static final String ARTICLE_ORGS_STORE = "article-orgs";
    /** Every article's contribution to every organisation it names, keyed by organisation and article. */
    public static final String CONTRIBUTIONS_STORE = "org-contributions";
    /** Per-organisation aggregates, keyed by canonical name: what dashboards query. */
    public static final String ORG_STATS_STORE = "org-stats";
    /** The provinces each article's last version was about. */
    public static final String ARTICLE_PROVINCES_STORE = "article-provinces";
    /** Every article's contribution to every province it is about, keyed by province and article. */
    public static final String PROVINCE_CONTRIBUTIONS_STORE = "province-contributions";
    /** Per-province aggregates (articles per topic and day), keyed by canonical province name. */
    public static final String PROVINCE_STATS_STORE = "province-stats";

    static final JsonSerde<ArticleEvent> ARTICLE_SERDE = JsonSerde.of(ArticleEvent.class);
    static final JsonSerde<EnrichedArticle> ENRICHED_SERDE = JsonSerde.of(EnrichedArticle.class);
    static final JsonSerde<OrgStats> ORG_STATS_SERDE = JsonSerde.of(OrgStats.class);
    static final JsonSerde<StoredArticle> STORED_SERDE = JsonSerde.of(StoredArticle.class);
    static final JsonSerde<OrgContribution> CONTRIBUTION_SERDE = JsonSerde.of(OrgContribution.class);

    private ArticleTopology() {
    }

    /** @param enrich the enrichment, {@code new Enricher()::enrich}; a failure sends the article to the DLQ */
    public static void build(StreamsBuilder builder, Topics topics,
                             ValueMapper<ArticleEvent, EnrichedArticle> enrich) {
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLE_DIGESTS_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLE_ORGS_STORE), Serdes.String(), Serdes.String()));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(ARTICLE_PROVINCES_STORE), Serdes.String(), Serdes.String()));

        KStream<String, EnrichedArticle> enriched = keyedById(builder, topics)
                .processValues(ChangedArticles::new, Named.as("changed-articles"), ARTICLE_DIGESTS_STORE)
                .mapValues(article -> article == null ? null : enrich.apply(article), Named.as("enrich"));

        enriched.to(topics.enriched(), Produced.with(Serdes.String(), ENRICHED_SERDE));

        // The key is the article id all along, so the table is read from this task's records: no repartition.
        enriched.mapValues(article -> article == null ? null : StoredArticle.of(article), Named.as("stored-article"))
                .toTable(Named.as("articles-table"), Materialized
                        .<String, StoredArticle, KeyValueStore<Bytes, byte[]>>as(ARTICLES_STORE)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(STORED_SERDE)
                        // A new key per article: cached, they would fill the cache and evict the hot aggregates.
                        .withCachingDisabled());

        aggregate(enriched, "org", ARTICLE_ORGS_STORE, OrgContribution::of, CONTRIBUTIONS_STORE, ORG_STATS_STORE,
                topics.orgStats());
        aggregate(enriched, "province", ARTICLE_PROVINCES_STORE, OrgContribution::ofProvinces,
                PROVINCE_CONTRIBUTIONS_STORE, PROVINCE_STATS_STORE, topics.provinceStats());
    }

    /**
     * The articles, keyed by id. The producer keys every record by its id; a record another client wrote
     * without a key is keyed by its value's id and goes through the {@code articles-keyed-by-id} repartition
     * topic, to the task that holds the other versions of that id. Only such records cross it.
     */
    private static KStream<String, ArticleEvent> keyedById(StreamsBuilder builder, Topics topics) {
        Map<String, KStream<String, ArticleEvent>> byKey = builder
                .stream(topics.articles(), Consumed.with(Serdes.String(), ARTICLE_SERDE))
                .split(Named.as("articles-"))
                .branch((key, article) -> key == null && article != null, Branched.as("keyless"))
                .defaultBranch(Branched.as("keyed"));
        return byKey.get("articles-keyed").merge(byKey.get("articles-keyless")
                .selectKey((key, article) -> article.id(), Named.as("key-by-id"))
                .repartition(Repartitioned.<String, ArticleEvent>as("articles-keyed-by-id")
                        .withKeySerde(Serdes.String()).withValueSerde(ARTICLE_SERDE)), Named.as("articles-by-id"));
    }

    /** An article's contribution taken back; an organisation (province) left with no article leaves the table. */
    private static OrgStats subtract(String name, OrgContribution contribution, OrgStats stats) {
        OrgStats left = stats.minus(contribution);
        return left.articleCount() == 0 ? null : left;
    }

    /**
     * Contributions of each article to each of its {@code kind}s (organisations, provinces) → a table of them →
     * grouped by name → aggregate (adder/subtractor) → the store {@code statsStore} and its changes to
     * {@code topic}. The organisations' operators keep the names they had before provinces came, so a running
     * application keeps its state and internal topics.
     */
    private static void aggregate(KStream<String, EnrichedArticle> enriched, String kind, String namedStore,
                                  Function<EnrichedArticle, List<OrgContribution>> contributionsOf,
                                  String contributionsStore, String statsStore, String topic) {
        boolean org = kind.equals("org");
        enriched
                .process(() -> new OrgContributions(namedStore, contributionsOf),
                        Named.as(org ? "org-contributions" : kind + "-contributions"), namedStore)
                .toTable(Named.as(org ? "contributions-table" : kind + "-contributions-table"), Materialized
                        .<String, OrgContribution, KeyValueStore<Bytes, byte[]>>as(contributionsStore)
                        .withKeySerde(Serdes.String())
                        .withValueSerde(CONTRIBUTION_SERDE)
                        // Each key is written once or twice: the cache is kept for the aggregates' hot keys.
                        .withCachingDisabled())
                .groupBy((key, contribution) -> KeyValue.pair(contribution.organization(), contribution),
                        Grouped.with("contributions-by-" + kind, Serdes.String(), CONTRIBUTION_SERDE))
                .aggregate(OrgStats::empty,
                        (name, contribution, stats) -> stats.plus(contribution),
                        ArticleTopology::subtract,
                        Materialized.<String, OrgStats, KeyValueStore<Bytes, byte[]>>as(statsStore)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(ORG_STATS_SERDE)
                                // Coalesces a hot organisation's updates within a commit interval: one write
                                // per commit to the changelog and the topic, not one per article.
                                .withCachingEnabled())
                .toStream(Named.as(kind + "-stats-changes"))
                .to(topic, Produced.with(Serdes.String(), ORG_STATS_SERDE));
    }
}
