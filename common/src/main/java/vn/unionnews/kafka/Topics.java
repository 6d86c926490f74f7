package vn.unionnews.kafka;

import java.util.List;

/** The one place topic names are built: CONTRACT.md's names behind a configurable prefix. */
public record Topics(String prefix) {
    public static final String DEFAULT_PREFIX = "union-news.";

    /**
     * A topic name, whether it is compacted (a table's changelog) rather than deleted by time, and how many times
     * {@code topic.partitions} it is created with.
     */
    public record Spec(String name, boolean compacted, int partitionsFactor) {
        public Spec(String name, boolean compacted) {
            this(name, compacted, 1);
        }
    }

    public Topics {
        prefix = prefix == null ? DEFAULT_PREFIX : prefix;
    }

    public String articles() {
        return prefix + "articles";
    }

    public String enriched() {
        return prefix + "articles.enriched";
    }

    public String orgStats() {
        return prefix + "org-stats";
    }

    public String provinceStats() {
        return prefix + "province-stats";
    }

    public String output() {
        return prefix + "output";
    }

    public String subscriptions() {
        return prefix + "subscriptions";
    }

    /**
     * The consumer's memory of the alerts it raised (compacted; key {@code <article id> <rule>} or the spike
     * rule), one block of partitions per topic it reads, partition by partition: see {@code RaisedAlerts}.
     */
    public String alertsRaised() {
        return prefix + "alerts-raised";
    }

    public String dlq() {
        return prefix + "dlq";
    }

    /** The topics the producer writes, and so creates: no others. */
    public List<Spec> producers() {
        return only(articles(), dlq());
    }

    /** The topic the subscription commands write. */
    public List<Spec> subscriptionsOnly() {
        return only(subscriptions());
    }

    private List<Spec> only(String... names) {
        List<String> wanted = List.of(names);
        return all().stream().filter(spec -> wanted.contains(spec.name())).toList();
    }

    public List<Spec> all() {
        return List.of(
                new Spec(articles(), false),
                new Spec(enriched(), false),
                new Spec(orgStats(), true),
                new Spec(provinceStats(), true),
                new Spec(output(), false),
                new Spec(subscriptions(), true),
                new Spec(alertsRaised(), true, 3),
                new Spec(dlq(), false));
    }
}
