package vn.unionnews.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.unionnews.event.EventAssessment;
import vn.unionnews.event.TopicScore;
import vn.unionnews.text.AnalyzedText;

/**
 * Topics and default alerts learnt from articles labelled by reading ({@code train-topics}): one logistic
 * regression per label on the article's syllables and syllable pairs, its title's syllables, the lexicon's topic
 * scores ({@link TopicClassifier}) and the event signals ({@link EventSignals}). A label the labels were too few
 * to learn, or that its lexicon scored better on in cross-validation, keeps the lexicon's score. A topic is given
 * from its label's threshold, best first, unless the {@code other} label scores from its threshold and above them
 * all (general news that uses a topic's words); an alert is due when its label's model says so and the article reports an
 * occurrence: a date in its title or lead, a count of workers or an employer, not abroad alone. The
 * model is a data file, {@code topic-model.tsv}, whose header says how it was made. Immutable and thread-safe.
 */
public final class TopicModel {
    static final String RESOURCE = "topic-model.tsv";
    /** The prefix of the alert labels: {@code alert:disputes} is the default alert of disputes. */
    public static final String ALERT = "alert:";
    /** The prefix of the primary labels: {@code primary:disputes} scores disputes as what an article is mainly about. */
    public static final String PRIMARY = "primary:";
    /** How many n-grams of a label's evidence an explanation names, after the lexicon's phrases. */
    private static final int EVIDENCE_TERMS = 3;

    /**
     * One label: learnt (its weights are the model's) or the lexicon's score, and the score it is given from; a
     * learnt topic is given too when the lexicon scores it from {@code lexiconThreshold} (above 1: never), so that a
     * topic the labels hold few articles of is still found where the lexicon is sure of it.
     */
    public record Label(String name, boolean learnt, double bias, double threshold, double lexiconThreshold) {
        /** Never given by the lexicon's score alone. */
        public static final double NEVER = 2;

        /** The topic the label is about. */
        public String topic() {
            return topicOf(name);
        }
    }

    /** The topic a label of this name is about: the name without {@code alert:} or {@code primary:}. */
    public static String topicOf(String label) {
        return label.substring(label.indexOf(':') + 1);
    }

    /** An article as the model reads it: its features, the lexicon's classification and the event signals. */
    public record Input(Features features, TopicClassifier.Classification lexicon, EventSignals.Signals signals) {
    }

    /**
     * An article's features ({@link #features}) as the model scores them: its distinct words (syllable match keys,
     * numbers as {@code #}), the distinct pairs of them that follow each other, by their places in that list, the
     * title's words likewise, and the lexicon and event features by name. {@link #named} gives them as the model
     * file names them, for training. Immutable.
     */
    public static final class Features {
        /** No features: what the lexicon-only enrichment reads. */
        public static final Features NONE = new Features(List.of(), new long[0], new int[0], Map.of());

        private final List<String> words;
        /** Distinct pairs of word places, the first's place in the high 32 bits; ascending. */
        private final long[] pairs;
        /** Distinct places of the title's words, ascending. */
        private final int[] titleWords;
        private final double gramShare;
        private final double titleShare;
        private final Map<String, Double> named;

        private Features(List<String> words, long[] pairs, int[] titleWords, Map<String, Double> named) {
            this.words = words;
            this.pairs = pairs;
            this.titleWords = titleWords;
            this.gramShare = 1 / Math.sqrt(Math.max(1, words.size() + pairs.length));
            this.titleShare = 1 / Math.sqrt(Math.max(1, titleWords.length));
            this.named = named;
        }

        /** Every feature by the name the model file gives it, with its value: what {@code train-topics} learns from. */
        public Map<String, Double> named() {
            Map<String, Double> all = new HashMap<>(2 * (words.size() + pairs.length + titleWords.length) + named.size());
            words.forEach(word -> all.put("w:" + word, gramShare));
            for (long pair : pairs) {
                all.put("b:" + words.get(first(pair)) + " " + words.get(second(pair)), gramShare);
            }
            for (int word : titleWords) {
                all.put("t:" + words.get(word), titleShare);
            }
            all.putAll(named);
            return all;
        }

        private static int first(long pair) {
            return (int) (pair >>> 32);
        }

        private static int second(long pair) {
            return (int) pair;
        }
    }

    /** Topics best first (or {@code other}), the primary one, per topic its evidence, per alert topic its event. */
    public record Result(List<TopicScore> topics, String primaryTopic, Map<String, List<String>> evidence,
                         Map<String, EventAssessment> events) {
    }

    private final List<Label> labels;
    private final double second;
    /** The weights by feature name, as the model file has them. */
    private final Map<String, float[]> weights;
    /** Each label's place in {@link #labels}, by name. */
    private final Map<String, Integer> index = new HashMap<>();
    /** The words of the n-gram features, by id; and their ids. */
    private final List<String> vocabulary = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    /** The weights of {@code w:} and {@code t:} features by word id, null where the model has none. */
    private final float[][] wordWeights;
    private final float[][] titleWeights;
    /** The {@code b:} features: pairs of word ids (the first in the high 32 bits), ascending, and their weights. */
    private final long[] pairs;
    private final float[][] pairWeights;
    /** The features that are no n-gram (lexicon scores, event signals), by name. */
    private final Map<String, float[]> namedWeights = new HashMap<>();

    /**
     * @param second the primary score from which the runner-up of the primary labels is given too, after the
     *               topics given: what an article is about second is worth naming when it is nearly its first
     */
    public TopicModel(List<Label> labels, double second, Map<String, float[]> weights) {
        this.labels = List.copyOf(labels);
        this.second = second;
        // A HashMap, not Map.copyOf's probing table: it is read once for every term of every article.
        this.weights = Collections.unmodifiableMap(new HashMap<>(weights));
        for (int l = 0; l < this.labels.size(); l++) {
            index.put(this.labels.get(l).name(), l);
        }
        Map<String, float[]> words = new HashMap<>();
        Map<String, float[]> titles = new HashMap<>();
        Map<Long, float[]> pairWeights = new HashMap<>();
        this.weights.forEach((feature, w) -> {
            if (w.length != labels.size()) {
                throw new IllegalArgumentException("feature " + feature + " has " + w.length + " weights for "
                        + labels.size() + " labels");
            }
            String term = feature.substring(feature.indexOf(':') + 1);
            if (feature.startsWith("w:")) {
                words.put(term, w);
                id(term);
            } else if (feature.startsWith("t:")) {
                titles.put(term, w);
                id(term);
            } else if (feature.startsWith("b:") && term.indexOf(' ') > 0) {
                int space = term.indexOf(' ');
                pairWeights.put((long) id(term.substring(0, space)) << 32 | id(term.substring(space + 1)), w);
            } else {
                namedWeights.put(feature, w);
            }
        });
        this.wordWeights = new float[vocabulary.size()][];
        this.titleWeights = new float[vocabulary.size()][];
        for (int id = 0; id < vocabulary.size(); id++) {
            wordWeights[id] = words.get(vocabulary.get(id));
            titleWeights[id] = titles.get(vocabulary.get(id));
        }
        this.pairs = pairWeights.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        this.pairWeights = new float[pairs.length][];
        for (int p = 0; p < pairs.length; p++) {
            this.pairWeights[p] = pairWeights.get(pairs[p]);
        }
    }

    private int id(String word) {
        return ids.computeIfAbsent(word, w -> {
            vocabulary.add(w);
            return vocabulary.size() - 1;
        });
    }

    private static final class Standard {
        static final TopicModel MODEL = read(TopicModel.class.getResourceAsStream(RESOURCE));
    }

    /** The model learnt for this project, read once. */
    public static TopicModel standard() {
        return Standard.MODEL;
    }

    public List<Label> labels() {
        return labels;
    }

    /**
     * The features of an article, the same in training and use: each syllable ({@code w:}) and pair of syllables
     * ({@code b:}) of title and body as a share of their number (a long article is not more of everything), the
     * title's syllables ({@code t:}) likewise, each lexicon topic score ({@code lex:}) and each event signal.
     * Numbers read as {@code #}. Each word is looked up once, not once per feature it is part of.
     */
    public static Features features(AnalyzedText title, AnalyzedText body,
                                    TopicClassifier.Classification lexicon, EventSignals.Signals signals) {
        Map<String, Integer> places = new HashMap<>(2 * (title.syllableKeys().size() + body.syllableKeys().size()));
        List<String> words = new ArrayList<>();
        long[] pairs = new long[title.syllableKeys().size() + body.syllableKeys().size()];
        int pairCount = 0;
        BitSet titleWords = new BitSet();
        for (AnalyzedText text : List.of(title, body)) {
            int previous = -1;
            for (int s = 0; s < text.syllableKeys().size(); s++) {
                int place = places.computeIfAbsent(word(text.syllableKeys().get(s)), w -> {
                    words.add(w);
                    return words.size() - 1;
                });
                if (previous >= 0) {
                    pairs[pairCount++] = (long) previous << 32 | place;
                }
                if (text == title) {
                    titleWords.set(place);
                }
                previous = place;
            }
        }
        Map<String, Double> named = new HashMap<>();
        for (TopicScore score : lexicon.scores()) {
            if (score.score() > 0) {
                named.put("lex:" + score.id(), score.score());
            }
        }
        signals.features().forEach(f -> named.put(f, 1.0));
        return new Features(List.copyOf(words), distinct(Arrays.copyOf(pairs, pairCount)), titleWords.stream().toArray(),
                named);
    }

    private static String word(String syllable) {
        for (int i = 0; i < syllable.length(); i++) {
            if (Character.isDigit(syllable.charAt(i))) {
                return "#";
            }
        }
        return syllable;
    }

    /** The distinct values of {@code values}, ascending (sorts it in place). */
    private static long[] distinct(long[] values) {
        Arrays.sort(values);
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (i == 0 || values[i] != values[n - 1]) {
                values[n++] = values[i];
            }
        }
        return Arrays.copyOf(values, n);
    }

    /** Each label's score: a learnt label's probability, a lexicon label's lexicon score (an alert's: its topic's). */
    public double[] scores(Input input) {
        return scores(input, null);
    }

    /** An n-gram feature the article has and the model weighs: {@code w:}, {@code b:} or {@code t:} and its words. */
    private record Term(String kind, String first, String second, float[] weights) {
        String text() {
            return second == null ? first : first + " " + second;
        }

        /** The feature's name in the model file. */
        String name() {
            return kind + text();
        }
    }

    /** {@link #scores(Input)}, putting in {@code terms}, when given, each n-gram found with its weights. */
    private double[] scores(Input input, List<Term> terms) {
        double[] z = new double[labels.size()];
        for (int l = 0; l < z.length; l++) {
            z[l] = labels.get(l).bias();
        }
        Features features = input.features();
        int[] known = new int[features.words.size()];
        for (int w = 0; w < known.length; w++) {
            known[w] = ids.getOrDefault(features.words.get(w), -1);
            if (known[w] >= 0) {
                add(z, wordWeights[known[w]], features.gramShare, terms, "w:", features.words.get(w), null);
            }
        }
        for (long pair : features.pairs) {
            int first = known[Features.first(pair)];
            int second = known[Features.second(pair)];
            int p = first < 0 || second < 0 ? -1 : Arrays.binarySearch(pairs, (long) first << 32 | second);
            if (p >= 0) {
                add(z, pairWeights[p], features.gramShare, terms, "b:", vocabulary.get(first), vocabulary.get(second));
            }
        }
        for (int w : features.titleWords) {
            if (known[w] >= 0) {
                add(z, titleWeights[known[w]], features.titleShare, terms, "t:", features.words.get(w), null);
            }
        }
        features.named.forEach((feature, value) -> add(z, namedWeights.get(feature), value, null, null, null, null));
        double[] scores = new double[z.length];
        for (int l = 0; l < z.length; l++) {
            Label label = labels.get(l);
            scores[l] = label.learnt() ? 1 / (1 + Math.exp(-z[l])) : lexiconScore(input, label.topic());
        }
        return scores;
    }

    private static void add(double[] z, float[] w, double value, List<Term> terms, String kind, String first,
                            String second) {
        if (w == null) {
            return;
        }
        for (int l = 0; l < z.length; l++) {
            z[l] += w[l] * value;
        }
        if (terms != null) {
            terms.add(new Term(kind, first, second, w));
        }
    }

    /** The article's topics, primary topic, evidence and events. */
    public Result classify(Input input) {
        List<Term> terms = new ArrayList<>();
        double[] scores = scores(input, terms);
        Decision decision = decide(labels, second, scores, input);
        List<TopicScore> topics = decision.topics().entrySet().stream()
                .map(e -> new TopicScore(e.getKey(), round(e.getValue()))).toList();
        if (topics.isEmpty()) {
            Integer other = index.get(Enricher.OTHER_TOPIC);
            double best = 0;
            for (int l = 0; l < labels.size(); l++) {
                best = isTopic(labels.get(l)) ? Math.max(best, scores[l]) : best;
            }
            return new Result(List.of(new TopicScore(Enricher.OTHER_TOPIC, round(other != null ? scores[other] : best))),
                    Enricher.OTHER_TOPIC, Map.of(), Map.of());
        }
        Map<String, List<String>> evidence = new LinkedHashMap<>();
        Map<String, EventAssessment> events = new LinkedHashMap<>();
        for (TopicScore topic : topics) {
            evidence.put(topic.id(), evidence(topic.id(), index.get(topic.id()), input, terms));
            Integer alert = index.get(ALERT + topic.id());
            if (alert != null) {
                events.put(topic.id(), new EventAssessment(round(scores[alert]),
                        decision.alerts().contains(topic.id()), input.signals().reasons(topic.id())));
            }
        }
        return new Result(topics, topics.get(0).id(), Collections.unmodifiableMap(evidence),
                Collections.unmodifiableMap(events));
    }

    /** The topics given with their scores, the primary first, then best first; and the alert topics due. */
    public record Decision(Map<String, Double> topics, Set<String> alerts) {
    }

    /**
     * What the labels' scores decide, the same in training and use: each topic from its threshold, or from its
     * lexicon threshold of the lexicon's score (then scored the higher of the two); the learnt primary
     * labels' best topic among those given and those whose primary label passes its threshold (a lexicon's score is
     * no probability of being primary, so a topic the labels were too few for is first only by its score); none when that
     * is {@code other}, or when the {@code other} label scores from its threshold and above all topics given; else the
     * primary topic first, given with its topic score when it was not; then the lexicon's primary topic when given and
     * too rare to have a learnt primary label (the lexicon's judgement stands where the labels say nothing); then the
     * others best first, then the primary labels' runner-up when it scores from {@code second}; and each alert whose label passes its threshold, for a topic given, when
     * the signals show an occurrence ({@link EventSignals.Signals#isOccurrence}).
     */
    public static Decision decide(List<Label> labels, double second, double[] scores, Input input) {
        Map<String, Double> given = new HashMap<>();
        Map<String, Double> topicScores = new HashMap<>();
        String primary = null;
        double primaryScore = -1;
        int other = -1;
        for (int l = 0; l < labels.size(); l++) {
            Label label = labels.get(l);
            if (isTopic(label)) {
                double lexicon = label.learnt() ? lexiconScore(input, label.name()) : 0;
                double score = lexicon >= label.lexiconThreshold() ? Math.max(scores[l], lexicon) : scores[l];
                topicScores.put(label.name(), score);
                if (scores[l] >= label.threshold() || lexicon >= label.lexiconThreshold()) {
                    given.put(label.name(), score);
                }
            } else if (label.name().equals(Enricher.OTHER_TOPIC)) {
                other = l;
            }
        }
        String runnerUp = null;
        double runnerUpScore = -1;
        for (int l = 0; l < labels.size(); l++) {
            Label label = labels.get(l);
            String topic = label.topic();
            if (!label.name().startsWith(PRIMARY) || !label.learnt()) {
                continue;
            }
            if ((scores[l] >= label.threshold() || given.containsKey(topic)) && scores[l] > primaryScore) {
                runnerUp = primary;
                runnerUpScore = primaryScore;
                primary = topic;
                primaryScore = scores[l];
            } else if (scores[l] > runnerUpScore) {
                runnerUp = topic;
                runnerUpScore = scores[l];
            }
        }
        if (other >= 0 && isOther(scores[other], labels.get(other).threshold(), given.values())
                || Enricher.OTHER_TOPIC.equals(primary)) {
            given.clear();
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        if (!given.isEmpty() && primary != null && topicScores.containsKey(primary)) {
            ordered.put(primary, topicScores.get(primary));
        }
        String lexiconPrimary = input.lexicon().primaryTopic();
        boolean unlearnt = labels.stream().anyMatch(l -> l.name().equals(PRIMARY + lexiconPrimary) && !l.learnt());
        if (given.containsKey(lexiconPrimary) && unlearnt) {
            ordered.put(lexiconPrimary, given.get(lexiconPrimary));
        }
        given.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.putIfAbsent(e.getKey(), e.getValue()));
        if (!ordered.isEmpty() && runnerUp != null && runnerUpScore >= second && topicScores.containsKey(runnerUp)) {
            ordered.putIfAbsent(runnerUp, topicScores.get(runnerUp));
        }
        Set<String> alerts = new LinkedHashSet<>();
        for (int l = 0; l < labels.size(); l++) {
            Label label = labels.get(l);
            if (label.name().startsWith(ALERT) && ordered.containsKey(label.topic())
                    && scores[l] >= label.threshold() && input.signals().isOccurrence()) {
                alerts.add(label.topic());
            }
        }
        return new Decision(Collections.unmodifiableMap(ordered), Collections.unmodifiableSet(alerts));
    }

    /** The lexicon's score of a topic for an article, 0 when it has none. */
    public static double lexiconScore(Input input, String topic) {
        for (TopicScore score : input.lexicon().scores()) {
            if (score.id().equals(topic)) {
                return score.score();
            }
        }
        return 0;
    }

    /** Whether a label is a taxonomy topic: not an alert, not a primary label, not {@code other}. */
    private static boolean isTopic(Label label) {
        return !label.name().startsWith(ALERT) && !label.name().startsWith(PRIMARY)
                && !label.name().equals(Enricher.OTHER_TOPIC);
    }

    /**
     * Whether an article is {@code other} though topics passed their thresholds: its {@code other} label scores
     * from its threshold and above every topic given.
     */
    public static boolean isOther(double score, double threshold, Collection<Double> given) {
        return score >= threshold && given.stream().allMatch(topic -> score >= topic);
    }

    /**
     * Why a topic was given: the lexicon's phrases, then the n-grams that weigh most for it in this article
     * ({@code “nợ lương” +0.84}).
     */
    private List<String> evidence(String topic, int label, Input input, List<Term> found) {
        List<String> evidence = new ArrayList<>(input.lexicon().evidence().getOrDefault(topic, List.of()));
        if (!labels.get(label).learnt()) {
            return evidence;
        }
        // The strongest few, kept in order as the terms go by: the article's many others are never sorted or named.
        List<Term> best = new ArrayList<>(EVIDENCE_TERMS + 1);
        Comparator<Term> order = Comparator.<Term>comparingDouble(term -> -term.weights()[label])
                .thenComparing(Term::name);
        for (Term term : found) {
            if (term.weights()[label] > 0 && (best.size() < EVIDENCE_TERMS
                    || order.compare(term, best.get(EVIDENCE_TERMS - 1)) < 0)) {
                int at = 0;
                while (at < best.size() && order.compare(best.get(at), term) < 0) {
                    at++;
                }
                best.add(at, term);
                if (best.size() > EVIDENCE_TERMS) {
                    best.remove(EVIDENCE_TERMS);
                }
            }
        }
        for (Term term : best) {
            evidence.add(String.format(Locale.ROOT, "“%s” +%.2f", term.text(), (double) term.weights()[label]));
        }
        return evidence;
    }

    private static double round(double score) {
        return Math.round(score * 1000.0) / 1000.0;
    }

    /**
     * Reads a model: '#' lines are its header; then {@code second SCORE}, {@code label NAME learnt|lexicon BIAS
     * THRESHOLD LEXICON_THRESHOLD} per label, in order, and {@code FEATURE TAB LABEL:WEIGHT …}, the label by its place in that order,
     * for its weights that are not zero.
     */
    public static TopicModel read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + TopicModel.class.getName());
        }
        List<Label> labels = new ArrayList<>();
        double second = 1;
        Map<String, float[]> weights = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("second ")) {
                    second = Double.parseDouble(line.substring("second ".length()));
                    continue;
                }
                if (line.startsWith("label ")) {
                    String[] f = line.split(" ");
                    labels.add(new Label(f[1], f[2].equals("learnt"), Double.parseDouble(f[3]),
                            Double.parseDouble(f[4]), Double.parseDouble(f[5])));
                    continue;
                }
                int tab = line.indexOf('\t');
                float[] w = new float[labels.size()];
                for (String entry : line.substring(tab + 1).split(" ")) {
                    int colon = entry.indexOf(':');
                    w[Integer.parseInt(entry.substring(0, colon))] = Float.parseFloat(entry.substring(colon + 1));
                }
                weights.put(line.substring(0, tab), w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new TopicModel(labels, second, weights);
    }

    /** The model as {@link #read} reads it, after {@code header} ('#' lines), features in name order. */
    public String write(List<String> header) {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append("# ").append(line).append('\n'));
        out.append("second ").append(second).append('\n');
        for (Label label : labels) {
            out.append(String.format(Locale.ROOT, "label %s %s %s %s %s%n", label.name(),
                    label.learnt() ? "learnt" : "lexicon", label.bias(), label.threshold(), label.lexiconThreshold()));
        }
        weights.keySet().stream().sorted(Comparator.naturalOrder()).forEach(feature -> {
            float[] w = weights.get(feature);
            StringBuilder entries = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                if (w[i] != 0) {
                    entries.append(entries.length() == 0 ? "" : " ").append(i).append(':').append(w[i]);
                }
            }
            if (entries.length() > 0) {
                out.append(feature).append('\t').append(entries).append('\n');
            }
        });
        return out.toString();
    }
}
