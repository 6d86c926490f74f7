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
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.summary.DocumentFrequencies;
import vn.unionnews.summary.LearnedSummarizer;
import vn.unionnews.summary.LexRankSummarizer;
import vn.unionnews.summary.SentenceScorer;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summary;

/**
 * Summary throughput of the default summariser, {@link LearnedSummarizer#summarize(String, List)} with the
 * committed model, 3 sentences and no word budget, and of the LexRank baseline ({@code lexRank…}) it builds on. Articles are built once at setup, so page parsing and sentence splitting are not measured.
 * Each benchmark state has its own summariser and its own {@link DocumentFrequencies} (which every call updates, as
 * in the pipeline). Scores are articles per second.
 * <ul>
 *   <li>{@code seeds}: the five seed pages of the repository's {@code seeds/} directory, all five per call;</li>
 *   <li>{@code report50}, {@code report100}, {@code report200}: one long report of exactly 50, 100 and 200
 *       sentences, the seed articles' sentences in order, cycled, with the first seed's title. The cost is
 *       O(n²) in the number of sentences n, so the three show how it grows;</li>
 *   <li>{@code lexRankSeeds}, {@code lexRankReport200}: the same with {@link LexRankSummarizer}.</li>
 * </ul>
 * Run from anywhere inside the repository (the seeds are found by walking up from the working directory):
 * <pre>./mvnw -q -pl bench -am package -DskipTests &amp;&amp; java -jar bench/target/benchmarks.jar SummaryBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
public class SummaryBenchmark {
    static final int SEED_PAGES = PageBenchmark.SEED_PAGES;
    static final int SUMMARY_SENTENCES = 3;

    private Summarizer summarizer;
    private LexRankSummarizer lexRank;
    private ArticleEvent[] seeds;
    private String reportTitle;
    private List<String> report50;
    private List<String> report100;
    private List<String> report200;

    @Setup
    public void setup() {
        summarizer = new LearnedSummarizer(SUMMARY_SENTENCES, 0, new DocumentFrequencies(), SentenceScorer.standard());
        lexRank = new LexRankSummarizer(SUMMARY_SENTENCES, 0, new DocumentFrequencies());
        seeds = SeedTexts.articles();
        reportTitle = seeds[0].title();
        report50 = report(seeds, 50);
        report100 = report(seeds, 100);
        report200 = report(seeds, 200);

        for (ArticleEvent seed : seeds) {
            describe(seed.id(), seed.title(), seed.sentences());
        }
        describe("report50", reportTitle, report50);
        describe("report100", reportTitle, report100);
        describe("report200", reportTitle, report200);
    }

    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void seeds(Blackhole bh) {
        for (ArticleEvent seed : seeds) {
            bh.consume(summarizer.summarize(seed.title(), seed.sentences()));
        }
    }

    /** The LexRank baseline on the same seeds: what the learned scorer costs on top. */
    @Benchmark
    @OperationsPerInvocation(SEED_PAGES)
    public void lexRankSeeds(Blackhole bh) {
        for (ArticleEvent seed : seeds) {
            bh.consume(lexRank.summarize(seed.title(), seed.sentences()));
        }
    }

    @Benchmark
    public Summary lexRankReport200() {
        return lexRank.summarize(reportTitle, report200);
    }

    @Benchmark
    public Summary report50() {
        return summarizer.summarize(reportTitle, report50);
    }

    @Benchmark
    public Summary report100() {
        return summarizer.summarize(reportTitle, report100);
    }

    @Benchmark
    public Summary report200() {
        return summarizer.summarize(reportTitle, report200);
    }

    // ---- fixtures ----

    /** Exactly {@code size} sentences: the seed articles' sentences in order, cycled. */
    private static List<String> report(ArticleEvent[] seeds, int size) {
        List<String> pool = new ArrayList<>();
        for (ArticleEvent seed : seeds) {
            pool.addAll(seed.sentences());
        }
        if (pool.isEmpty()) {
            throw new IllegalStateException("The seed articles have no sentences");
        }
        List<String> sentences = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            sentences.add(pool.get(i % pool.size()));
        }
        return List.copyOf(sentences);
    }

    /** Summarised with a throwaway summariser, so the benchmark's IDF statistics start from the prior. */
    private static void describe(String id, String title, List<String> sentences) {
        Summarizer probe = new LearnedSummarizer(SUMMARY_SENTENCES, 0, new DocumentFrequencies(),
                SentenceScorer.standard());
        Summary summary = probe.summarize(title, sentences);
        System.out.printf("%s: %,d sentences -> %d picked, %,d chars%n", id, sentences.size(),
                summary.sentences().size(), summary.text().length());
    }
}
