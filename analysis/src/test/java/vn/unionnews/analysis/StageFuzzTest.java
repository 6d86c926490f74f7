package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.EventAssessment;
import vn.unionnews.event.Metric;
import vn.unionnews.event.OrgContribution;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.OrgStats;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.event.Subscription;
import vn.unionnews.event.TopicScore;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.summary.LeadSummarizer;
import vn.unionnews.summary.Summarizer;
import vn.unionnews.summary.Summarizers;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.SentenceSplitter;

/**
 * Every stage on generated input with null and unusual fields: unknown, missing or half-known sources, no title,
 * no or thousands of sentences, sentences the body does not hold, null list elements, odd Unicode (lone surrogates,
 * combining marks, right-to-left text, emoji, U+FFFD, control characters). No exception escapes and every result
 * is well-formed. Each case draws from its own {@link Random} seed, named in every failure message.
 */
class StageFuzzTest {
    private static final int CASES = 250;
    private static final Enricher ENRICHER = new Enricher();
    private static final Alerter ALERTER = new Alerter();
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final Set<String> ERROR_CODES = Set.of("empty", "binary", "no_article", "not_vietnamese");
    /** The prose lines of the seed pages: real Vietnamese, with figures, organisations and dates. */
    private static final List<String> SEED_LINES = Seeds.all().stream()
            .flatMap(seed -> seed.content().lines())
            .filter(line -> line.length() > 40)
            .toList();
    private static final List<String> SEED_SENTENCES = SEED_LINES.stream()
            .flatMap(line -> SentenceSplitter.split(line).stream())
            .toList();
    private static final List<String> ODD_PIECES = List.of(
            "\uD800", "\uDC00", "x\uDBFF", "a\u0301\u0302\u0303\u0323\u0309", "\u0301\u0300", "Lie\u0302n \u0111oa\u0300n",
            "مرحبا بالعالم", "\u202Eđình công\u202C", "שלום עולם", "👷🏽‍♀️ 🎉", "\uFFFD\uFFFD", "\u0000\u0007\u001B[31m",
            "\u200B\u200D\uFEFF\u00AD", "İSTANBUL", "ǅ ﬁ ß", "１２３ đoàn viên", "١٢٣ đoàn viên", "\r\n", "\t", "…", "./.",
            "9".repeat(400) + " đoàn viên", "kết nạp 1.000.000.000.000.000.000.000.000 tỷ đồng", "164/195 doanh nghiệp",
            "LĐLĐ tỉnh", "LĐLĐ huyện ", "Công đoàn cơ sở ", "CĐCS", "Công ty ", "Sở ", "Đảng ủy Khối ", "Công đoàn ngành ",
            "Tỉnh ủy", "UBND tỉnh", "(", "“", "”", "<div class=\"sidebar\">", "</p>", "&nbsp;", "<", "null", " ", "",
            "ngày 31/2/2024", "0214.3820", "15:30 | 12-05-2023", "Thứ sáu - 15/09/2017 05:22");
    private static final List<String> SOURCE_TYPES = List.of("provincial_federation", "district_federation",
            "grassroots_union", "media", "national_federation", "no_such_type", "");
    private static final List<String> TOPIC_IDS = List.of("disputes", "safety", "epidemic_disaster", "membership",
            "other", "no_such_topic");

    static LongStream seeds() {
        return LongStream.range(0, CASES);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void enrichSummariseAndAlertAnyArticle(long seed) {
        Random random = new Random(seed);
        ArticleEvent article = step(seed, "article event", () -> article(random));

        EnrichedArticle enriched = step(seed, "enrich", () -> ENRICHER.enrich(article));

        assertWellFormed(seed, article, enriched);
        Summary summary = summariseEveryWay(seed, random, enriched);
        assertAlertsWellFormed(seed, enriched, step(seed, "alerts", () -> ALERTER.alerts(enriched, summary, List.of())));
        assertAlertsWellFormed(seed, enriched, step(seed, "alerts with subscriptions",
                () -> ALERTER.alerts(enriched, summary, subscriptions(random))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void summariseAndAlertAnyEnrichedArticle(long seed) {
        Random random = new Random(seed);
        EnrichedArticle enriched = step(seed, "enriched article", () -> enrichedArticle(random));

        Summary summary = summariseEveryWay(seed, random, enriched);
        assertAlertsWellFormed(seed, enriched, step(seed, "alerts", () -> ALERTER.alerts(enriched, summary, List.of())));
        assertAlertsWellFormed(seed, enriched, step(seed, "alerts with subscriptions",
                () -> ALERTER.alerts(enriched, null, subscriptions(random))));
        step(seed, "contributions", () -> OrgContribution.of(enriched).stream()
                .reduce(OrgStats.empty(), OrgStats::plus, (a, b) -> b));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void detectSpikesInAnyAggregates(long seed) {
        Random random = new Random(seed);
        OrgStats stats = step(seed, "aggregates", () -> aggregates(random));
        int window = 1 + random.nextInt(7);
        SpikeDetector detector = new SpikeDetector(window, window + random.nextInt(20), 0.5 + random.nextDouble() * 4,
                1 + random.nextInt(4));

        for (String topic : TOPIC_IDS) {
            for (SpikeDetector.Spike spike : step(seed, "spikes", () -> detector.spikes(stats, topic))) {
                assertEquals(topic, spike.topic(), "seed " + seed);
                assertNotNull(LocalDate.parse(spike.day()), "seed " + seed);
                assertTrue(spike.count() >= 1 && spike.baseline() >= 0, "seed " + seed + ": " + spike);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void analyseAnyPage(long seed) {
        Random random = new Random(seed);
        RawPage page = page(random);

        Analysis analysis = step(seed, "analyze", () -> ANALYZER.analyze(page));

        String what = "seed " + seed;
        if (analysis.failed()) {
            assertTrue(ERROR_CODES.contains(analysis.error().code()), what + ": " + analysis.error());
            String message = analysis.error().message();
            assertTrue(message != null && !message.isBlank() && !message.equals("null"), what + ": " + analysis.error());
            assertFalse(analysis.error().code().equals(ArticleAnalyzer.UNREADABLE),
                    what + ": the analysis failed: " + message);
            return;
        }
        assertFalse(analysis.body().isBlank(), what);
        for (String sentence : analysis.sentences()) {
            assertTrue(analysis.body().contains(sentence), what + ": a sentence not in the body: " + sentence);
        }
        assertTrue(analysis.sentences().containsAll(analysis.summary().sentences()), what + ": " + analysis.summary());
        analysis.topics().forEach(t -> assertTrue(t.score() >= 0 && t.score() <= 1, what + ": " + t));
    }

    /** The step's result; anything it throws fails the case with its seed. */
    private static <T> T step(long seed, String stage, Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException | StackOverflowError e) {
            throw new AssertionError("seed " + seed + ": " + stage + " threw " + e, e);
        }
    }

    private static void assertWellFormed(long seed, ArticleEvent article, EnrichedArticle enriched) {
        String what = "seed " + seed;
        assertEquals(article.id(), enriched.id(), what);
        assertFalse(enriched.topics().isEmpty(), what);
        assertEquals(enriched.topics().get(0).id(), enriched.primaryTopic(), what);
        for (TopicScore topic : enriched.topics()) {
            assertTrue(topic.id() != null && topic.score() >= 0 && topic.score() <= 1, what + ": " + topic);
        }
        for (OrgMention org : enriched.organizations()) {
            assertTrue(org.name() != null && !org.name().isBlank() && org.mentions() >= 1, what + ": " + org);
        }
        if (article.source().name() != null) {
            assertTrue(enriched.organizations().stream().anyMatch(o -> o.name().equals(article.source().name())),
                    what + ": the source is not among the organisations");
        }
        for (Metric metric : enriched.metrics()) {
            assertTrue(metric.type() != null && metric.text() != null && Double.isFinite(metric.value()),
                    what + ": " + metric);
        }
        enriched.provinces().forEach(province -> assertFalse(province.isBlank(), what));
    }

    /** Runs the stream's summariser and both LEAD baselines, each checked; returns the stream's summary. */
    private static Summary summariseEveryWay(long seed, Random random, EnrichedArticle article) {
        int sentences = 1 + random.nextInt(4);
        int words = random.nextBoolean() ? 0 : random.nextInt(60);
        Summary standard = summarise(seed, Summarizers.standard(sentences, words), sentences, article);
        summarise(seed, new LeadSummarizer(sentences, words), sentences, article);
        summarise(seed, new LeadSummarizer(sentences, 0), sentences, article);
        return standard;
    }

    /** An extractive summary: at most {@code sentences} of the article's own, in article order, none when it has none. */
    private static Summary summarise(long seed, Summarizer summarizer, int sentences, EnrichedArticle article) {
        Summary summary = step(seed, summarizer.getClass().getSimpleName(),
                () -> summarizer.summarize(article.displayTitle(), article.sentences()));
        String what = "seed " + seed + ", " + summarizer.getClass().getSimpleName();
        assertTrue(summary.sentences().size() <= sentences, what);
        assertEquals(article.sentences().isEmpty(), summary.sentences().isEmpty(), what);
        int at = 0;
        for (String sentence : summary.sentences()) {
            int index = article.sentences().subList(at, article.sentences().size()).indexOf(sentence);
            assertTrue(index >= 0, what + ": not one of the article's sentences, in order: " + sentence);
            at += index + 1;
        }
        return summary;
    }

    private static void assertAlertsWellFormed(long seed, EnrichedArticle article, List<AlertEvent> alerts) {
        for (AlertEvent alert : alerts) {
            String what = "seed " + seed + ": " + alert;
            assertEquals(article.id(), alert.articleId(), what);
            assertTrue(alert.rule() != null && alert.reason() != null, what);
            assertTrue(Subscription.SEVERITIES.contains(alert.severity()), what);
        }
    }

    // ------------------------------------------------------------------ generators

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Seed prose, odd pieces and organisation fragments, joined by spaces, line breaks or nothing. */
    private static String text(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < pieces; i++) {
            text.append(random.nextInt(3) == 0 ? pick(random, ODD_PIECES) : pick(random, SEED_LINES));
            text.append(pick(random, List.of(" ", " ", "\n", "\n\n", "", ". ")));
        }
        return text.toString();
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(4) == 0 ? null : value;
    }

    private static SourceOrg source(Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> null;
            case 1 -> SourceOrg.UNKNOWN;
            case 2 -> new SourceOrg("Báo Bình Dương", null);
            case 3 -> new SourceOrg(null, pick(random, SOURCE_TYPES));
            case 4 -> new SourceOrg("Liên đoàn Lao động tỉnh Lào Cai", "provincial_federation");
            case 5 -> new SourceOrg("", "");
            case 6 -> new SourceOrg(text(random, 1), pick(random, SOURCE_TYPES));
            default -> new SourceOrg(pick(random, ODD_PIECES), null);
        };
    }

    /** Empty, an odd piece, text, or rarely (it takes a second) more than the enricher reads. */
    private static String body(Random random) {
        int kind = random.nextInt(150);
        if (kind == 0) {
            StringBuilder huge = new StringBuilder();
            while (huge.length() <= Enricher.MAX_READ_CHARS) {
                huge.append(text(random, 10)).append("\n\n");
            }
            return huge.toString();
        }
        return kind < 15 ? "" : kind < 30 ? pick(random, ODD_PIECES) : text(random, 1 + random.nextInt(12));
    }

    /** Null, none, the body's own, some the body does not hold, thousands, or with null elements. */
    private static List<String> sentences(Random random, String body) {
        List<String> own = SentenceSplitter.split(body);
        return switch (random.nextInt(60)) {
            case 0, 1, 2, 3, 4, 5 -> null;
            case 6, 7, 8, 9, 10, 11 -> List.of();
            case 12, 13, 14, 15, 16, 17, 18, 19 -> {
                List<String> mixed = new ArrayList<>(own);
                mixed.add(random.nextInt(mixed.size() + 1), text(random, 2));
                yield mixed;
            }
            case 20 -> {
                List<String> many = new ArrayList<>();
                while (many.size() < 5_000) {
                    many.add(random.nextBoolean() ? pick(random, SEED_SENTENCES) : pick(random, ODD_PIECES));
                }
                yield many;
            }
            case 21, 22, 23, 24, 25, 26, 27, 28 -> withNulls(random, own);
            default -> own;
        };
    }

    private static <T> List<T> withNulls(Random random, List<T> values) {
        List<T> out = new ArrayList<>(values);
        out.add(random.nextInt(out.size() + 1), null);
        return out;
    }

    private static ArticleEvent article(Random random) {
        String body = body(random);
        String title = switch (random.nextInt(4)) {
            case 0 -> null;
            case 1 -> "";
            default -> text(random, 1);
        };
        List<String> captions = random.nextBoolean() ? null : withNulls(random, List.of(text(random, 1)));
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "a" + random.nextInt(1000), maybe(random, "https://x.vn/1"),
                source(random), random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt()),
                maybe(random, pick(random, List.of("2024-03-15", "2024-03-15T08:00:00+07:00", "15/03/2024", "", "x"))),
                title, body, maybe(random, text(random, 1)), maybe(random, text(random, 1)), sentences(random, body),
                maybe(random, text(random, 1)), captions);
    }

    /** An enriched article as any client might write one: odd scores, unnamed organisations, untyped figures. */
    private static EnrichedArticle enrichedArticle(Random random) {
        String body = body(random);
        List<TopicScore> topics = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            topics.add(new TopicScore(maybe(random, pick(random, TOPIC_IDS)),
                    pick(random, List.of(0.0, 0.5, 0.95, 1.0, -1.0, 7.0, Double.NaN))));
        }
        List<OrgMention> orgs = List.of(new OrgMention(maybe(random, text(random, 1)), maybe(random, pick(random,
                SOURCE_TYPES)), random.nextInt(3) - 1));
        List<Metric> metrics = List.of(new Metric(maybe(random, "new_members"), random.nextDouble() * 1e6,
                maybe(random, text(random, 1)), maybe(random, text(random, 1)), random.nextBoolean() ? null : 1.0));
        Map<String, List<String>> evidence = new HashMap<>();
        evidence.put(maybe(random, pick(random, TOPIC_IDS)), random.nextBoolean() ? null
                : withNulls(random, List.of("đình công ×2")));
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "e" + random.nextInt(1000), null, source(random),
                null, maybe(random, "2024-03-15"), maybe(random, text(random, 1)), random.nextInt(5) == 0 ? null : body,
                null, null, sentences(random, body), random.nextBoolean() ? withNulls(random, topics) : topics,
                maybe(random, pick(random, TOPIC_IDS)), random.nextBoolean() ? withNulls(random, orgs) : orgs,
                random.nextBoolean() ? withNulls(random, metrics) : metrics, maybe(random, text(random, 1)),
                random.nextBoolean() ? null : withNulls(random, List.of(text(random, 1))), evidence,
                random.nextBoolean() ? null : withNulls(random, List.of("Bình Dương")), random.nextBoolean(),
                random.nextBoolean() ? null : events(random));
    }

    private static Map<String, EventAssessment> events(Random random) {
        Map<String, EventAssessment> events = new HashMap<>();
        events.put(maybe(random, pick(random, TOPIC_IDS)), random.nextInt(4) == 0 ? null
                : new EventAssessment(random.nextDouble(), random.nextBoolean(),
                random.nextBoolean() ? null : withNulls(random, List.of("dated “sáng 12/3”"))));
        return events;
    }

    private static List<Subscription> subscriptions(Random random) {
        List<Subscription> subscriptions = new ArrayList<>();
        for (int i = random.nextInt(4); i > 0; i--) {
            subscriptions.add(new Subscription(Subscription.SCHEMA_VERSION, "sub-" + i,
                    random.nextBoolean() ? null : List.of(pick(random, TOPIC_IDS)),
                    random.nextBoolean() ? null : List.of(pick(random, List.of("Bình Dương", "", "LĐLĐ", "\uD800"))),
                    random.nextBoolean() ? null : List.of(pick(random, List.of("Lào Cai", "İ", "a\u0301")), " "),
                    random.nextBoolean() ? null : List.of(text(random, 1)),
                    pick(random, List.of(0.0, 0.35, 1.0, Double.NaN)), maybe(random, "critical")));
        }
        return subscriptions;
    }

    /** Daily counts on odd days (far years, no dates at all), with and without a last day, a name or a type. */
    private static OrgStats aggregates(Random random) {
        List<String> days = List.of("2024-03-15", "2024-03-14", "2024-02-29", "9999-12-31", "+10000-01-05",
                "-999999999-01-01", "+999999999-12-31", "0000-01-01", "2024-13-45", "x", "");
        Map<String, Map<String, Long>> daily = new HashMap<>();
        for (int i = random.nextInt(12); i > 0; i--) {
            Map<String, Long> counts = new HashMap<>();
            counts.put(pick(random, TOPIC_IDS), (long) random.nextInt(6) - 1);
            counts.put(OrgStats.ALL_TOPICS, (long) random.nextInt(6));
            daily.put(pick(random, days), counts);
        }
        List<OrgStats.ArticleRef> recent = List.of(new OrgStats.ArticleRef("a1", maybe(random, "Tin"),
                maybe(random, pick(random, days)), maybe(random, pick(random, TOPIC_IDS))));
        return new OrgStats(OrgStats.SCHEMA_VERSION, maybe(random, "Liên đoàn Lao động tỉnh Bình Dương"),
                maybe(random, pick(random, List.of(OrgContribution.PROVINCE, "provincial_federation"))), random.nextInt(9),
                null, null, null, daily, null, null, maybe(random, pick(random, days)), maybe(random, pick(random, days)),
                maybe(random, pick(random, days)), recent);
    }

    /** Text, HTML fragments or a scraper record, with a site name no data file knows, and any field missing. */
    private static RawPage page(Random random) {
        String text = text(random, 1 + random.nextInt(12));
        String html = null;
        if (random.nextBoolean()) {
            html = "<html><head><meta property=\"og:site_name\" content=\"" + pick(random, List.of("Báo Bình Dương",
                    "Tin Tức Mới", "\uD800", "")) + "\"><title>" + text(random, 1) + "</title></head><body>"
                    + pick(random, List.of("<article>", "<div class=\"content\">", "<nav>", "<p>", "<table><tr><td>"))
                    + text.replace("\n", "</p><p>") + pick(random, List.of("", "</article>", "</div>", "<!--", "<script>"))
                    + "</body></html>";
            text = null;
        }
        return new RawPage(maybe(random, "p" + random.nextInt(1000)), maybe(random, pick(random,
                List.of("https://baobinhduong.vn/tin/1.html", "https://unknown.example/a", "not a url", "http://"))),
                random.nextBoolean() ? null : Instant.ofEpochSecond(random.nextInt()),
                maybe(random, pick(random, List.of("Báo Bình Dương", "Cổng Thông Tin Mới", "", "\uFFFD"))),
                maybe(random, text(random, 1)), text, html);
    }
}
