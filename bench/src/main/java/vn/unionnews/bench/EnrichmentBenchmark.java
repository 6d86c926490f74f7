package vn.unionnews.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.unionnews.analysis.Enricher;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.text.SentenceSplitter;

/**
 * Enrichment throughput, "classification + extraction per article": {@link Enricher#enrich(ArticleEvent)}, i.e.
 * topics, organisations and figures. Articles are built once at setup, so page parsing is not measured. Scores
 * are articles per second.
 * <ul>
 *   <li>{@code seeds}: the five seed pages of the repository's {@code seeds/} directory, all five per call;</li>
 *   <li>{@code longReport}: one article of about {@value #LONG_REPORT_SENTENCES} sentences built from the seed
 *       bodies' paragraphs, in order, cycled.</li>
 * </ul>
 * Run from anywhere inside the repository (the seeds are found by walking up from the working directory):
 * <pre>./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar EnrichmentBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class EnrichmentBenchmark {
    static final int SEED_PAGES = PageBenchmark.SEED_PAGES;
    static final int LONG_REPORT_SENTENCES = 200;

    private Enricher enricher;
    /** Enrichment without the topic model, as before it: the baseline its cost is read against. */
    private Enricher lexiconOnly;
    private ArticleEvent[] seeds;
    private ArticleEvent longReport;

    @Setup
    public void setup() {
        enricher = new Enricher();
        lexiconOnly = Enricher.lexiconOnly();
        seeds = SeedTexts.articles();
        longReport = longReport(seeds);

        for (ArticleEvent seed : seeds) {
            describe(seed);
        }
        describe(longReport);
    }

    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void seeds(Blackhole bh) {
        for (ArticleEvent seed : seeds) {
            bh.consume(enricher.enrich(seed));
        }
    }

    @Benchmark
    public EnrichedArticle longReport() {
        return enricher.enrich(longReport);
    }

    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void lexiconOnlySeeds(Blackhole bh) {
        for (ArticleEvent seed : seeds) {
            bh.consume(lexiconOnly.enrich(seed));
        }
    }

    @Benchmark
    public EnrichedArticle lexiconOnlyLongReport() {
        return lexiconOnly.enrich(longReport);
    }

    // ---- fixtures ----

    /**
     * One long article: the seed bodies' paragraphs in order, cycled until they hold about
     * {@value #LONG_REPORT_SENTENCES} sentences, with the first seed's metadata and captions.
     */
    private static ArticleEvent longReport(ArticleEvent[] seeds) {
        List<String> pool = new ArrayList<>();
        for (ArticleEvent seed : seeds) {
            for (String paragraph : seed.body().split("\n\n")) {
                if (!paragraph.isBlank()) {
                    pool.add(paragraph);
                }
            }
        }
        List<String> paragraphs = new ArrayList<>();
        int sentences = 0;
        for (int i = 0; sentences < LONG_REPORT_SENTENCES; i++) {
            String paragraph = pool.get(i % pool.size());
            paragraphs.add(paragraph);
            sentences += SentenceSplitter.split(paragraph).size();
        }
        String body = String.join("\n\n", paragraphs);
        ArticleEvent first = seeds[0];
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "bench-long-report", first.url(), first.source(),
                first.fetchedAt(), first.publishedAt(), first.title(), body, first.author(), first.category(),
                SentenceSplitter.split(body), first.displayTitle(), first.captions());
    }

    private void describe(ArticleEvent article) {
        EnrichedArticle enriched = enricher.enrich(article);
        System.out.printf("%s: %,d chars, %,d sentences -> primary topic %s, %d topics, %d organisations, "
                        + "%d figures%n", article.id(), article.body().length(), article.sentences().size(),
                enriched.primaryTopic(), enriched.topics().size(), enriched.organizations().size(),
                enriched.metrics().size());
    }
}
