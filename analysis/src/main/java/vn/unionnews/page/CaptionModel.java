package vn.unionnews.page;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import vn.unionnews.text.SentenceSplitter;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * Whether a line of a page is a photo caption rather than article text, by a logistic model over what the line
 * says and how: its words and word pairs (first and last ones marked), its length in syllables and sentences, how
 * it ends, parentheses, quotes, commas and capitalised names. A caption describes a picture ("Lãnh đạo tỉnh trao
 * quà cho công nhân.", "Bị cáo tại toà."); prose goes on with the story ("Tuy nhiên, ông A cho biết …"). The
 * weights are learnt from the captions and paragraphs of the VietNews training split ({@code train-captions}); the
 * model file's header says how. Immutable and thread-safe.
 */
public final class CaptionModel {
    static final String RESOURCE = "caption-model.tsv";
    /** The model file's name for the threshold of a length class: "threshold:0" … */
    public static final String THRESHOLD = "threshold:";
    private static final String WORD = "w:";
    private static final String PAIR = "b:";
    private static final String START = "^";
    private static final String END = "$";
    private static final Pattern DATE = Pattern.compile("\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}h\\d{0,2}");
    private static final Pattern QUOTE = Pattern.compile("[\"“”«»]");
    private static final WordTokenizer STOPWORDS = WordTokenizer.vietnamese();
    /** Lines shorter than this are labels and credits, not sentences, when a page's layout is measured. */
    private static final int MIN_SENTENCE_SYLLABLES = 6;

    /**
     * Lines are judged at a threshold of their own length class (upper bounds in syllables): taking a long paragraph
     * for a caption loses more text than taking a short one, so a long line needs more evidence.
     */
    private static final int[] LENGTH_CLASSES = {9, 19, 29, 44};

    /**
     * The weights by feature: of words and pairs of words by word (looked up without building their names, as
     * every line of every page asks), of every other feature by its name.
     */
    private final Map<String, Weight> wordWeights = new HashMap<>();
    private final Map<String, Map<String, Weight>> pairWeights = new HashMap<>();
    private final Map<String, Double> lineWeights = new HashMap<>();
    private final double bias;
    private final double[] thresholds;

    CaptionModel(Map<String, Double> weights, double bias, double[] thresholds) {
        if (thresholds.length != lengthClasses()) {
            throw new IllegalArgumentException("A caption model needs " + lengthClasses() + " thresholds");
        }
        this.bias = bias;
        this.thresholds = thresholds.clone();
        weights.forEach((name, weight) -> {
            if (name.startsWith(WORD)) {
                wordWeights.put(name.substring(WORD.length()), new Weight(weight));
            } else if (name.startsWith(PAIR)) {
                String pair = name.substring(PAIR.length());
                int space = pair.indexOf(' ');
                pairWeights.computeIfAbsent(pair.substring(0, space), w -> new HashMap<>())
                        .put(pair.substring(space + 1), new Weight(weight));
            } else {
                lineWeights.put(name, weight);
            }
        });
    }

    /** How many length classes lines are judged in. */
    public static int lengthClasses() {
        return LENGTH_CLASSES.length + 1;
    }


    /** The model learnt for this project, read once. */
    public static CaptionModel standard() {
        return Standard.MODEL;
    }

    private static final class Standard {
        static final CaptionModel MODEL = read(CaptionModel.class.getResourceAsStream(RESOURCE));
    }

    /**
     * A line as the model reads it, each part worked out once: its text (normalised), its syllables as the model
     * sees them (folded, numbers as their kind), those that are not function words, and its length in syllables and
     * sentences.
     */
    public record Line(String text, List<String> words, Set<String> content, int syllables, int sentences,
                       int capitalised, int leadingCapitals, int upperCase) {

        public static Line of(String text) {
            String normalized = VietnameseText.normalize(text).strip();
            return of(normalized, VietnameseText.matchKey(normalized));
        }

        /**
         * A normalised line with its {@link VietnameseText#matchKey}, which a page has already worked out. The line
         * is read once: folding keeps a line's length, so each syllable's folded form is at its place in the key.
         */
        public static Line of(String text, String matchKey) {
            List<Syllables.Token> tokens = Syllables.tokens(text);
            boolean aligned = matchKey.length() == text.length();
            List<Syllables.Token> folded = aligned ? tokens : Syllables.tokens(matchKey);
            List<String> words = new ArrayList<>(folded.size());
            Set<String> content = new HashSet<>();
            for (Syllables.Token token : folded) {
                String word = word(aligned ? matchKey.substring(token.start(), token.end()) : token.text());
                words.add(word);
                if (!STOPWORDS.isStopwordKey(word)) {
                    content.add(word);
                }
            }
            int capitalised = 0;
            int leadingCapitals = -1;
            int upperCase = 0;
            for (int i = 0; i < tokens.size(); i++) {
                String written = tokens.get(i).text();
                if (Character.isUpperCase(written.codePointAt(0))) {
                    capitalised++;
                } else if (leadingCapitals < 0) {
                    leadingCapitals = i;
                }
                if (written.length() > 1 && isUpperCase(written) && written.chars().anyMatch(Character::isLetter)) {
                    upperCase++;
                }
            }
            return new Line(text, Collections.unmodifiableList(words), Collections.unmodifiableSet(content),
                    VietnameseText.syllableCount(text),
                    SentenceSplitter.count(text), capitalised,
                    leadingCapitals < 0 ? tokens.size() : leadingCapitals, upperCase);
        }

        /**
         * Whether upper-casing leaves a syllable as it is. Most syllables have a letter that upper-casing changes
         * on its own ("Công"), and then the syllable is told apart without building its upper case.
         */
        private static boolean isUpperCase(String written) {
            for (int i = 0; i < written.length(); i++) {
                char c = written.charAt(i);
                if (!Character.isSurrogate(c) && Character.toUpperCase(c) != c) {
                    return false;
                }
            }
            return written.equals(written.toUpperCase(Locale.ROOT));
        }

        /** The length class the line is judged in, from 0 to {@link #lengthClasses()} - 1. */
        public int lengthClass() {
            return bucket(syllables, LENGTH_CLASSES);
        }
    }

    /**
     * What the page says around a line: the title's syllables, how many lines of the article carry each syllable,
     * and the share of its lines that are one sentence. A caption retells the story around its picture, so more of
     * its words recur in the title and the text than a sentence that moves the story on; and a line of one
     * sentence says less on a page that writes one sentence a line than on one of longer paragraphs.
     */
    public record Context(Set<String> title, Map<String, Integer> article, double singleSentenceShare) {
        public static final Context NONE = new Context(Set.of(), Map.of(), 0);

        /** The context of a page with this title and these lines of article text (captions included or not). */
        public static Context of(String title, List<Line> lines) {
            Map<String, Integer> article = new HashMap<>();
            int sentenceLines = 0;
            int single = 0;
            for (Line line : lines) {
                line.content().forEach(syllable -> article.merge(syllable, 1, Integer::sum));
                if (line.syllables() >= MIN_SENTENCE_SYLLABLES) {
                    sentenceLines++;
                    single += line.sentences() == 1 ? 1 : 0;
                }
            }
            return new Context(title == null ? Set.of() : Line.of(title).content(), article,
                    sentenceLines == 0 ? 0 : (double) single / sentenceLines);
        }
    }

    /**
     * The weight of one word or pair of words: one object per feature, so that a line's features count once each
     * by identity, without building their names.
     */
    private static final class Weight {
        final double value;

        Weight(double value) {
            this.value = value;
        }
    }

    /** The probability that {@code line}, one of the lines of {@code context}'s article, is a photo caption. */
    public double probability(Line line, Context context) {
        double z = bias;
        List<String> words = line.words();
        Set<Weight> counted = Collections.newSetFromMap(new IdentityHashMap<>());
        String previous = START;
        for (int i = 0; i <= words.size(); i++) {
            String word = i < words.size() ? words.get(i) : END;
            Weight weight = i < words.size() ? wordWeights.get(word) : null;
            if (weight != null && counted.add(weight)) {
                z += weight.value;
            }
            Weight pair = pairWeights.getOrDefault(previous, Map.of()).get(word);
            if (pair != null && counted.add(pair)) {
                z += pair.value;
            }
            previous = word;
        }
        for (String feature : lineFeatures(line, context)) {
            z += lineWeights.getOrDefault(feature, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the line is a caption, at the threshold chosen for its length when the model was learnt. */
    public boolean isCaption(Line line, Context context) {
        return probability(line, context) >= threshold(line);
    }

    /** The probability from which a line of this length is a caption, chosen when the model was learnt. */
    public double threshold(Line line) {
        return thresholds[line.lengthClass()];
    }

    /**
     * The binary features of a line, the same in training and use; {@code context}'s article counts the line
     * itself when it is one of its lines (it is left out of its own overlap).
     */
    public static Set<String> features(Line line, Context context) {
        List<String> words = line.words();
        Set<String> features = new LinkedHashSet<>();
        String previous = START;
        for (String word : words) {
            features.add(WORD + word);
            features.add(PAIR + previous + " " + word);
            previous = word;
        }
        features.add(PAIR + previous + " " + END);
        features.addAll(lineFeatures(line, context));
        return features;
    }

    /** The features of a line beyond its words and pairs of words: its first words, shape, length and context. */
    private static Set<String> lineFeatures(Line line, Context context) {
        String text = line.text();
        List<String> words = line.words();
        Set<String> features = new LinkedHashSet<>();
        String beforePrevious = START;
        String previous = START;
        for (int i = 0; i < Math.min(3, words.size()); i++) {
            features.add("t:" + beforePrevious + " " + previous + " " + words.get(i));
            beforePrevious = previous;
            previous = words.get(i);
        }
        features.add("leading-capitals:" + Math.min(4, line.leadingCapitals()));
        features.add("upper-case:" + Math.min(3, line.upperCase()));
        int syllables = words.size();
        features.add("len:" + bucket(syllables, 3, 6, 9, 12, 16, 20, 25, 30, 40, 60));
        features.add("sentences:" + Math.min(3, line.sentences()));
        features.add("end:" + ending(text));
        if (text.startsWith("(")) {
            features.add("starts:(");
        }
        if (QUOTE.matcher(text).find()) {
            features.add("quote");
        }
        if (text.contains(" - ") || text.contains(" – ")) {
            features.add("dash");
        }
        features.add("commas:" + Math.min(3, text.chars().filter(c -> c == ',').count()));
        if (syllables > 0) {
            features.add("capitals:" + bucket(10 * line.capitalised() / syllables, 1, 2, 3, 5, 7));
        }
        Set<String> content = line.content();
        if (!content.isEmpty() && !context.title().isEmpty()) {
            long inTitle = content.stream().filter(context.title()::contains).count();
            features.add("title-overlap:" + bucket(10 * inTitle / content.size(), 0, 1, 2, 4, 6));
        }
        if (!content.isEmpty() && !context.article().isEmpty()) {
            long elsewhere = content.stream().filter(w -> context.article().getOrDefault(w, 0) > 1).count();
            features.add("article-overlap:" + bucket(10 * elsewhere / content.size(), 2, 4, 6, 8, 9));
        }
        if (!context.article().isEmpty()) {
            features.add("page-single-sentences:"
                    + bucket(Math.round(20 * context.singleSentenceShare()), 10, 14, 17, 19));
        }
        return features;
    }

    /** A folded syllable as the model sees it, with numbers, dates and times as their kind. */
    private static String word(String folded) {
        if (!hasDigit(folded)) {
            return folded;
        }
        if (DATE.matcher(folded).matches()) {
            return "#date";
        }
        return TIME.matcher(folded).matches() ? "#time" : "#number";
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String ending(String text) {
        if (text.isEmpty()) {
            return "none";
        }
        char last = text.charAt(text.length() - 1);
        return switch (last) {
            case '.', '!', '?', ':', ';', ',', ')', '…' -> String.valueOf(last);
            case '"', '”', '’', '»', '\'' -> "quote";
            default -> Character.isLetterOrDigit(last) ? "word" : "other";
        };
    }

    /** The index of the first bound {@code value} does not exceed, or the number of bounds. */
    private static int bucket(long value, int... bounds) {
        for (int i = 0; i < bounds.length; i++) {
            if (value <= bounds[i]) {
                return i;
            }
        }
        return bounds.length;
    }

    /**
     * Reads a model (from {@code train-captions}): '#' lines are its header, then "bias", "threshold:CLASS" for each length class and one
     * "feature TAB weight" per line.
     */
    public static CaptionModel read(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("Missing resource " + RESOURCE + " next to " + CaptionModel.class.getName());
        }
        Map<String, Double> weights = new HashMap<>();
        double bias = 0;
        double[] thresholds = new double[lengthClasses()];
        Arrays.fill(thresholds, Double.NaN);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                String name = line.substring(0, tab);
                double value = Double.parseDouble(line.substring(tab + 1));
                if (name.equals("bias")) {
                    bias = value;
                } else if (name.startsWith(THRESHOLD)) {
                    thresholds[Integer.parseInt(name.substring(THRESHOLD.length()))] = value;
                } else {
                    weights.put(name, value);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        if (Arrays.stream(thresholds).anyMatch(Double::isNaN)) {
            throw new IllegalStateException(RESOURCE + " lacks a threshold for a length class");
        }
        return new CaptionModel(weights, bias, thresholds);
    }
}
