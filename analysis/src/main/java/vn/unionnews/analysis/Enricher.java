package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.Metric;
import vn.unionnews.event.OrgMention;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.text.AnalyzedText;

/**
 * What the Streams topology adds to an article: its union topics and whether it reports an event of an alert
 * topic ({@link TopicModel}, on the lexicon of {@link TopicClassifier} and the {@link EventSignals}), the organisations it
 * names ({@link OrganizationExtractor}, captions included: a photo of a grassroots union's founding names it) and
 * the figures it reports ({@link MetricExtractor}), each figure attributed to the organisation named last before
 * it in its sentence, else to the article's own organisation; and the provinces it is about
 * ({@link OrganizationExtractor#provinces}). Bodies are read up to {@value #MAX_READ_CHARS}
 * characters. Thread-safe.
 */
public final class Enricher {
    public static final String OTHER_TOPIC = "other";
    static final int MAX_READ_CHARS = ArticleEvent.MAX_BODY_CHARS;
    private static final int LEAD_SENTENCES = 3;
    /** How far past the previous sentence the next one is looked for: paragraph breaks, a dropped heading. */
    private static final int SENTENCE_LOOKAHEAD = 2_000;
    /** Organisations that report figures of their own; a newspaper reports those of others. */
    private static final Set<String> REPORTING_TYPES = Set.of("national_federation", "provincial_federation",
            "district_federation", "sectoral_union", "grassroots_union");

    private final TopicClassifier classifier = TopicClassifier.vietnamese();
    private final EventSignals events = EventSignals.vietnamese();
    private final OrganizationExtractor organizations = new OrganizationExtractor();
    private final MetricExtractor metrics = new MetricExtractor();

    /**
     * What enrichment reads of an article before it decides its topics: the model's input, the organisations'
     * mentions (placed in title, body and captions) and counts, the provinces, and the body as read.
     */
    public record Reading(TopicModel.Input input, List<OrganizationExtractor.Mention> mentions, List<OrgMention> orgs,
                          List<String> provinces, String title, String body) {
    }

    private final boolean lexiconOnly;

    /** Enrichment with the learnt topic model. */
    public Enricher() {
        this(false);
    }

    private Enricher(boolean lexiconOnly) {
        this.lexiconOnly = lexiconOnly;
    }

    /**
     * Enrichment as it was before the topic model: the lexicon's topics, no event assessed (the default alerts then
     * go by the topic scores); the baseline {@code eval-topics --baseline} prints.
     */
    public static Enricher lexiconOnly() {
        return new Enricher(true);
    }

    public EnrichedArticle enrich(ArticleEvent article) {
        Reading reading = read(article);
        List<Metric> figures = figures(article, reading.body(), reading.title().length() + 1, reading.mentions(),
                reading.orgs());
        if (lexiconOnly) {
            TopicClassifier.Classification topics = reading.input().lexicon();
            return EnrichedArticle.of(article, topics.topics(), topics.primaryTopic(), reading.orgs(), figures,
                    topics.evidence(), reading.provinces(), null);
        }
        TopicModel.Result topics = TopicModel.standard().classify(reading.input());
        return EnrichedArticle.of(article, topics.topics(), topics.primaryTopic(), reading.orgs(), figures,
                topics.evidence(), reading.provinces(), topics.events());
    }

    /**
     * The article read once for the topic model: what {@code train-topics} learns from, as enrichment sees it (the
     * lexicon-only enrichment reads no features and no signals).
     */
    public Reading read(ArticleEvent article) {
        String title = article.title() == null ? "" : article.title();
        String body = read(article.body());
        AnalyzedText titleText = AnalyzedText.of(title);
        AnalyzedText bodyText = AnalyzedText.of(body);
        TopicClassifier.Classification lexicon = classifier.classify(titleText, bodyText);
        // One pass over title, body and captions finds the organisations; the body's mentions place the figures.
        String text = title + "\n" + body + "\n" + String.join("\n", article.captions());
        List<OrganizationExtractor.Mention> mentions = organizations.mentions(text, article.source());
        List<OrgMention> orgs = organizations.count(mentions, article.source());
        String lead = lead(article);
        List<String> provinces = organizations.provinces(title + "\n" + lead, orgs);
        if (lexiconOnly) {
            return new Reading(new TopicModel.Input(TopicModel.Features.NONE, lexicon, null), mentions, orgs, provinces,
                    title, body);
        }
        EventSignals.Signals signals = events.of(titleText, AnalyzedText.of(lead), bodyText, orgs, provinces);
        TopicModel.Input input = new TopicModel.Input(TopicModel.features(titleText, bodyText, lexicon, signals),
                lexicon, signals);
        return new Reading(input, mentions, orgs, provinces, title, body);
    }

    /** The lead: the first {@value #LEAD_SENTENCES} sentences, where a news report says where it happened. */
    private static String lead(ArticleEvent article) {
        return String.join(" ", article.sentences().subList(0, Math.min(LEAD_SENTENCES, article.sentences().size())));
    }

    /**
     * The part of a body that enrichment reads: all of it up to {@value #MAX_READ_CHARS} characters (a long news
     * report has 30,000), so that a pathological 20 MB "article" costs no more than a long report.
     */
    private static String read(String body) {
        if (body.length() <= MAX_READ_CHARS) {
            return body;
        }
        int end = body.lastIndexOf('\n', MAX_READ_CHARS);
        return body.substring(0, end > 0 ? end : MAX_READ_CHARS);
    }

    /**
     * The article's figures, each attributed; {@code mentions} are positions in a text where {@code body} starts
     * at {@code bodyStart}. Sentences are read up to {@value #MAX_READ_CHARS} characters too, found in the body or
     * not.
     */
    private List<Metric> figures(ArticleEvent article, String body, int bodyStart,
                                 List<OrganizationExtractor.Mention> mentions, List<OrgMention> orgs) {
        String reporter = reporter(article.source(), orgs);
        List<Metric> found = new ArrayList<>();
        int cursor = 0;
        int read = 0;
        for (String sentence : article.sentences()) {
            read += sentence.length();
            if (cursor >= body.length() || read > MAX_READ_CHARS) {
                break; // past the part of the body that is read
            }
            int offset = find(body, sentence, cursor);
            if (offset >= 0) {
                cursor = offset + sentence.length();
            }
            for (Metric metric : metrics.extract(List.of(sentence))) {
                int position = offset + Math.max(0, sentence.indexOf(metric.text()));
                String named = offset < 0 ? null
                        : namedBefore(mentions, bodyStart + offset, bodyStart + position).orElse(null);
                found.add(metric.withOrganization(named != null ? named : reporter));
            }
        }
        return found;
    }

    /**
     * Where {@code sentence} starts in {@code body} at or after {@code from}, or -1. Sentences follow one another in
     * the body, so it is looked for in the next {@value #SENTENCE_LOOKAHEAD} characters only: a sentence the body
     * does not hold costs no scan of the rest of the body.
     */
    private static int find(String body, String sentence, int from) {
        int end = Math.min(body.length(), from + SENTENCE_LOOKAHEAD + sentence.length());
        int at = body.substring(from, end).indexOf(sentence);
        return at < 0 ? -1 : from + at;
    }

    /** The organisation mentioned last before {@code position} within the sentence starting at {@code start}. */
    private static Optional<String> namedBefore(List<OrganizationExtractor.Mention> mentions, int start,
                                                int position) {
        return mentions.stream()
                .filter(m -> m.start() >= start && m.end() <= position && reportsFigures(m.type()))
                .max(Comparator.comparingInt(OrganizationExtractor.Mention::start))
                .map(OrganizationExtractor.Mention::name);
    }

    /** Who reports the article's figures: its source if a union body, else the union body it names most. */
    private static String reporter(SourceOrg source, List<OrgMention> orgs) {
        if (source.name() != null && reportsFigures(source.type())) {
            return source.name();
        }
        return orgs.stream().filter(o -> reportsFigures(o.type()))
                .max(Comparator.comparingInt(OrgMention::mentions)).map(OrgMention::name)
                .orElse(source.name());
    }

    /** Whether an organisation of this type reports figures of its own; one of unknown (null) type does not. */
    private static boolean reportsFigures(String type) {
        return type != null && REPORTING_TYPES.contains(type);
    }
}
