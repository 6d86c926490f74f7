package vn.unionnews.page;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
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
    private static final Pattern DATE = Pattern.compile("\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?");
    private static final Pattern TIME = Pattern.compile("\\d{1,2}h\\d{0,2}");
    private static final Pattern QUOTE = Pattern.compile("[\"“”«»]");
    private static final WordTokenizer STOPWORDS = WordTokenizer.vietnamese();

    /**
     * Lines are judged at a threshold of their own length class (upper bounds in syllables): taking a long paragraph
     * for a caption loses more text than taking a short one, so a long line needs more evidence.
     */
    private static final int[] LENGTH_CLASSES = {9, 19, 29, 44};

    private final Map<String, Double> weights;
    private final double bias;
    private final double[] thresholds;

    CaptionModel(Map<String, Double> weights, double bias, double[] thresholds) {
        if (thresholds.length != lengthClasses()) {
            throw new IllegalArgumentException("A caption model needs " + lengthClasses() + " thresholds");
        }
        this.weights = Map.copyOf(weights);
        this.bias = bias;
        this.thresholds = thresholds.clone();
    }

    /** How many length classes lines are judged in. */
    public static int lengthClasses() {
        return LENGTH_CLASSES.length + 1;
    }

    /** The length class of a line. */
    public static int lengthClass(String line) {
        return bucket(VietnameseText.syllableCount(line), LENGTH_CLASSES);
    }

    /** The model learnt for this project, read once. */
    public static CaptionModel standard() {
        return Standard.MODEL;
    }

    private static final class Standard {
        static final CaptionModel MODEL = read(CaptionModel.class.getResourceAsStream(RESOURCE));
    }

    /**
     * What the page says around a line: the title's syllables and how many lines of the article carry each syllable.
     * A caption retells the story around its picture, so more of its words recur in the title and the text than a
     * sentence that moves the story on.
     */
    public record Context(Set<String> title, Map<String, Integer> article) {
        public static final Context NONE = new Context(Set.of(), Map.of());

        /** The context of a page with this title and these lines of article text (captions included or not). */
        public static Context of(String title, List<String> lines) {
            Map<String, Integer> article = new HashMap<>();
            for (String line : lines) {
                for (String syllable : contentSyllables(line)) {
                    article.merge(syllable, 1, Integer::sum);
                }
            }
            return new Context(contentSyllables(title == null ? "" : title), article);
        }
    }

    /** The probability that {@code line}, one of the lines of {@code context}'s article, is a photo caption. */
    public double probability(String line, Context context) {
        double z = bias;
        for (String feature : features(line, context)) {
            z += weights.getOrDefault(feature, 0.0);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether the line is a caption, at the threshold chosen for its length when the model was learnt. */
    public boolean isCaption(String line, Context context) {
        return probability(line, context) >= thresholds[lengthClass(line)];
    }

    /**
     * The binary features of a line, the same in training and use; {@code context}'s article counts the line
     * itself when it is one of its lines (it is left out of its own overlap).
     */
    public static Set<String> features(String line, Context context) {
        String text = VietnameseText.normalize(line).strip();
        Set<String> features = new LinkedHashSet<>();
        List<Syllables.Token> tokens = Syllables.tokens(text);
        String beforePrevious = "^";
        String previous = "^";
        int capitalised = 0;
        int leadingCapitals = -1;
        int upperCase = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String written = tokens.get(i).text();
            String word = word(written);
            features.add("w:" + word);
            features.add("b:" + previous + " " + word);
            if (i < 3) {
                features.add("t:" + beforePrevious + " " + previous + " " + word);
            }
            beforePrevious = previous;
            previous = word;
            if (Character.isUpperCase(written.codePointAt(0))) {
                capitalised++;
            } else if (leadingCapitals < 0) {
                leadingCapitals = i;
            }
            if (written.length() > 1 && written.equals(written.toUpperCase(java.util.Locale.ROOT))
                    && written.chars().anyMatch(Character::isLetter)) {
                upperCase++;
            }
        }
        features.add("b:" + previous + " $");
        features.add("leading-capitals:" + Math.min(4, leadingCapitals < 0 ? tokens.size() : leadingCapitals));
        features.add("upper-case:" + Math.min(3, upperCase));
        int syllables = tokens.size();
        features.add("len:" + bucket(syllables, 3, 6, 9, 12, 16, 20, 25, 30, 40, 60));
        features.add("sentences:" + Math.min(3, SentenceSplitter.split(text).size()));
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
            features.add("capitals:" + bucket(10 * capitalised / syllables, 1, 2, 3, 5, 7));
        }
        Set<String> content = contentSyllables(text);
        if (!content.isEmpty() && !context.title().isEmpty()) {
            long inTitle = content.stream().filter(context.title()::contains).count();
            features.add("title-overlap:" + bucket(10 * inTitle / content.size(), 0, 1, 2, 4, 6));
        }
        if (!content.isEmpty() && !context.article().isEmpty()) {
            long elsewhere = content.stream().filter(w -> context.article().getOrDefault(w, 0) > 1).count();
            features.add("article-overlap:" + bucket(10 * elsewhere / content.size(), 2, 4, 6, 8, 9));
        }
        return features;
    }

    /** The distinct syllables of a text that are not function words, as the model sees them. */
    private static Set<String> contentSyllables(String text) {
        Set<String> out = new HashSet<>();
        for (Syllables.Token token : Syllables.tokens(text)) {
            String word = word(token.text());
            if (!STOPWORDS.isStopword(word)) {
                out.add(word);
            }
        }
        return out;
    }

    /** A syllable as the model sees it: folded and lower-cased, with numbers, dates and times as their kind. */
    private static String word(String syllable) {
        String folded = VietnameseText.matchKey(syllable);
        if (folded.chars().noneMatch(Character::isDigit)) {
            return folded;
        }
        if (DATE.matcher(folded).matches()) {
            return "#date";
        }
        return TIME.matcher(folded).matches() ? "#time" : "#number";
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
     * Reads a model: '#' lines are its header, then "bias", "threshold:CLASS" for each length class and one
     * "feature TAB weight" per line.
     */
    static CaptionModel read(InputStream in) {
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
