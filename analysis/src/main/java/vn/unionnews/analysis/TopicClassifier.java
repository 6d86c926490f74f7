package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.unionnews.event.TopicScore;
import vn.unionnews.text.AnalyzedText;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.PhraseMatcher;
import vn.unionnews.text.SyllableTrie;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;

/**
 * Multi-label union topics (TAXONOMY.md) from weighted cue phrases, every score explained by the phrases found; an
 * article with no topic above the threshold is {@code other}. The lexicon is a data file, {@code topics-vi.txt},
 * whose header documents its format. Immutable and thread-safe.
 */
public final class TopicClassifier {
    /** Evidence that scores 1 - 1/e: one weak mention stays low, several strong ones come near 1. */
    private static final double EVIDENCE_SCALE = 6.0;
    /** The score from which the lexicon gives a topic. */
    public static final double ASSIGN_THRESHOLD = 0.35;
    /** Each phrase counts at most this often in the body and again in the title, so one repeated term cannot decide. */
    private static final int MAX_COUNT = 3;
    /** A title mention weighs as much as this many in the body: the title says what the article is about. */
    private static final double TITLE_FACTOR = 4.0;
    /** Bodies longer than this many syllables have their evidence damped by sqrt(length / this). */
    private static final double PLAIN_LENGTH = 300.0;
    private static final Pattern FIELD_SEPARATOR = Pattern.compile("\\s*\\|\\s*");
    private static final Pattern TOPIC_ID = Pattern.compile("[a-z][a-z0-9_]*");

    private final List<String> topics;
    private final List<Cue> cues;
    /** Whole-syllable cues, in the order of {@link #phrases}. */
    private final List<Cue> phraseCues;
    /** The whole-syllable cues' syllables, walked along a text's syllables from each word start. */
    private final SyllableTrie phrases;
    /** "*suffix" cues, matching any syllable that ends so. */
    private final List<Cue> suffixCues;

    /** One cue phrase of the lexicon: {@code phrase} as written there, {@code syllables} its match key. */
    private record Cue(int index, int topic, double weight, String phrase, List<String> syllables, String suffix) {
    }

    /**
     * Topics for an article, best first, and for every topic with evidence the cue phrases found, best first;
     * {@code scores} are every topic's score, given or not, best first.
     */
    public record Classification(List<TopicScore> topics, String primaryTopic, Map<String, List<String>> evidence,
                                 List<TopicScore> scores) {
    }

    private TopicClassifier(List<String> lexiconLines) {
        List<String> topicIds = new ArrayList<>();
        List<Cue> parsed = new ArrayList<>();
        List<Cue> whole = new ArrayList<>();
        List<Cue> bySuffix = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : lexiconLines) {
            String line = VietnameseText.normalize(raw).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.indexOf('|') >= 0 ? FIELD_SEPARATOR.split(line, 3) : line.split("\\s+", 3);
            if (fields.length != 3 || !TOPIC_ID.matcher(fields[0]).matches()) {
                throw badLine(raw, "expected 'topic_id | weight | phrase'");
            }
            double weight = parseWeight(fields[1], raw);
            String phrase = fields[2].strip();
            String key = VietnameseText.matchKey(phrase);
            if (!seen.add(fields[0] + "|" + key)) {
                throw badLine(raw, "the phrase is already listed for " + fields[0]);
            }
            int topic = topicIds.indexOf(fields[0]);
            if (topic < 0) {
                topic = topicIds.size();
                topicIds.add(fields[0]);
            }
            Cue cue;
            if (key.startsWith("*")) {
                String suffix = key.substring(1);
                if (suffix.isEmpty() || suffix.contains(" ")) {
                    throw badLine(raw, "a '*' phrase is one word ending, such as '*/tw'");
                }
                cue = new Cue(parsed.size(), topic, weight, phrase, List.of(), suffix);
                bySuffix.add(cue);
            } else {
                List<String> syllables = Syllables.of(key);
                if (syllables.isEmpty()) {
                    throw badLine(raw, "the phrase has no letters or digits");
                }
                cue = new Cue(parsed.size(), topic, weight, phrase, List.copyOf(syllables), null);
                whole.add(cue);
            }
            parsed.add(cue);
        }
        if (parsed.isEmpty()) {
            throw new IllegalArgumentException("The topic lexicon has no cue phrases");
        }
        this.topics = List.copyOf(topicIds);
        this.cues = List.copyOf(parsed);
        this.phraseCues = List.copyOf(whole);
        this.phrases = SyllableTrie.of(whole.stream().map(Cue::syllables).toList());
        this.suffixCues = List.copyOf(bySuffix);
    }

    private static final class Holder {
        static final TopicClassifier VIETNAMESE = new TopicClassifier(
                LanguageData.lines(TopicClassifier.class, "topics-vi.txt"));
    }

    /** The classifier with the bundled lexicon {@code topics-vi.txt}, loaded once. */
    public static TopicClassifier vietnamese() {
        return Holder.VIETNAMESE;
    }

    /** A classifier with one's own lexicon, in the format of {@code topics-vi.txt}; '#' lines are comments. */
    public static TopicClassifier of(List<String> lexiconLines) {
        return new TopicClassifier(lexiconLines);
    }

    /** Title and body as plain text; either may be null or empty. Linear in their length. */
    public Classification classify(String title, String body) {
        return classify(AnalyzedText.of(title), AnalyzedText.of(body));
    }

    /** {@link #classify(String, String)} of texts analysed already. */
    public Classification classify(AnalyzedText title, AnalyzedText body) {
        Words bodyWords = Words.of(body);
        int[] titleCounts = count(Words.of(title));
        int[] bodyCounts = count(bodyWords);
        double lengthDamping = Math.max(1.0, Math.sqrt(bodyWords.syllables().size() / PLAIN_LENGTH));

        double[] evidence = new double[topics.size()];
        List<List<Cue>> found = new ArrayList<>();
        topics.forEach(topic -> found.add(new ArrayList<>()));
        for (Cue cue : cues) {
            if (titleCounts[cue.index()] + bodyCounts[cue.index()] == 0 || cue.weight() == 0) {
                continue;
            }
            evidence[cue.topic()] += contribution(cue, titleCounts, bodyCounts, lengthDamping);
            found.get(cue.topic()).add(cue);
        }

        // Ranked on the evidence itself: rounded scores of long articles tie near 1.
        List<Integer> ranked = new ArrayList<>();
        for (int topic = 0; topic < topics.size(); topic++) {
            ranked.add(topic);
        }
        ranked.sort(Comparator.comparingDouble((Integer topic) -> evidence[topic]).reversed());

        List<TopicScore> scored = new ArrayList<>();
        Map<String, List<String>> explained = new LinkedHashMap<>();
        for (int topic : ranked) {
            scored.add(new TopicScore(topics.get(topic), score(evidence[topic])));
            List<Cue> topicCues = found.get(topic);
            if (topicCues.isEmpty()) {
                continue;
            }
            topicCues.sort(Comparator.comparingDouble(
                    (Cue cue) -> contribution(cue, titleCounts, bodyCounts, lengthDamping)).reversed());
            explained.put(topics.get(topic), topicCues.stream()
                    .map(cue -> cue.phrase() + " ×" + (titleCounts[cue.index()] + bodyCounts[cue.index()]))
                    .toList());
        }
        List<TopicScore> assigned = scored.stream().filter(t -> t.score() >= ASSIGN_THRESHOLD).toList();
        if (assigned.isEmpty()) {
            return new Classification(List.of(new TopicScore(Enricher.OTHER_TOPIC, scored.get(0).score())),
                    Enricher.OTHER_TOPIC, Collections.unmodifiableMap(explained), List.copyOf(scored));
        }
        return new Classification(assigned, assigned.get(0).id(), Collections.unmodifiableMap(explained),
                List.copyOf(scored));
    }

    /**
     * How often each cue occurs in {@code text}. Scans once, left to right; within a topic the longest cue at a
     * position wins and the syllables it covers start no other cue of that topic.
     */
    private int[] count(Words text) {
        List<String> syllables = text.syllables();
        int[] counts = new int[cues.size()];
        int[] coveredUntil = new int[topics.size()];
        List<PhraseMatcher.Match> found = wholeWordMatches(text);
        int next = 0;
        for (int i = 0; i < syllables.size(); i++) {
            if (!text.wordStarts()[i]) {
                continue;
            }
            for (; next < found.size() && found.get(next).start() <= i; next++) {
                Cue cue = phraseCues.get(found.get(next).phrase());
                if (found.get(next).start() == i && coveredUntil[cue.topic()] <= i) {
                    counts[cue.index()]++;
                    coveredUntil[cue.topic()] = i + cue.syllables().size();
                }
            }
            String syllable = syllables.get(i);
            for (Cue cue : suffixCues) {
                if (coveredUntil[cue.topic()] <= i && text.wordStarts()[i + 1]
                        && syllable.length() > cue.suffix().length() && syllable.endsWith(cue.suffix())) {
                    counts[cue.index()]++;
                    coveredUntil[cue.topic()] = i + 1;
                }
            }
        }
        return counts;
    }

    /**
     * The whole-syllable cues found in {@code text} that begin and end whole words, as matches whose start is a
     * syllable index; by start, the longest first, then in lexicon order.
     */
    private List<PhraseMatcher.Match> wholeWordMatches(Words text) {
        List<String> syllables = text.syllables();
        List<PhraseMatcher.Match> found = new ArrayList<>();
        for (int start = 0; start < syllables.size(); start++) {
            if (!text.wordStarts()[start]) {
                continue;
            }
            int node = SyllableTrie.ROOT;
            for (int end = start; end < syllables.size(); end++) {
                node = phrases.next(node, syllables.get(end));
                if (node < 0) {
                    break;
                }
                if (text.wordStarts()[end + 1]) {
                    for (int phrase : phrases.phrasesAt(node)) {
                        found.add(new PhraseMatcher.Match(phrase, start, end + 1));
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(PhraseMatcher.Match::start)
                .thenComparing(Comparator.comparingInt((PhraseMatcher.Match m) -> m.end() - m.start()).reversed())
                .thenComparingInt(PhraseMatcher.Match::phrase));
        return found;
    }

    /**
     * A text's match-key syllables and where its words start ({@code wordStarts[size]} is true), so that a phrase
     * matches whole words only: "đình công" is not found in "gia đình công nhân".
     */
    private record Words(List<String> syllables, boolean[] wordStarts) {
        static Words of(AnalyzedText text) {
            boolean[] wordStarts = new boolean[text.syllableKeys().size() + 1];
            for (int i = 0; i < wordStarts.length; i++) {
                wordStarts[i] = text.startsWord(i);
            }
            return new Words(text.syllableKeys(), wordStarts);
        }
    }

    private static double contribution(Cue cue, int[] titleCounts, int[] bodyCounts, double lengthDamping) {
        double inTitle = TITLE_FACTOR * Math.min(MAX_COUNT, titleCounts[cue.index()]);
        double inBody = Math.min(MAX_COUNT, bodyCounts[cue.index()]) / lengthDamping;
        return cue.weight() * (inTitle + inBody);
    }

    /** 1 - exp(-evidence / scale), rounded to three decimals so equal evidence prints the same. */
    private static double score(double evidence) {
        return Math.round((1.0 - Math.exp(-evidence / EVIDENCE_SCALE)) * 1000.0) / 1000.0;
    }

    private static double parseWeight(String field, String raw) {
        try {
            double weight = Double.parseDouble(field.strip());
            if (weight >= 0 && Double.isFinite(weight)) {
                return weight;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw badLine(raw, "the weight must be a number, 0 or more");
    }

    private static IllegalArgumentException badLine(String line, String problem) {
        return new IllegalArgumentException("Topic lexicon entry '" + line + "': " + problem);
    }
}
