package vn.unionnews.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import vn.unionnews.event.Metric;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.PhraseMatcher;
import vn.unionnews.text.VietnameseNumbers;
import vn.unionnews.text.VietnameseNumbers.NumberMatch;
import vn.unionnews.text.VietnameseText;

/**
 * Reads the quantities an article reports ("kết nạp mới được 17.594 đoàn viên", "164/195 doanh nghiệp ký thỏa
 * ước") as metrics of TAXONOMY.md, typed by the cue phrases of {@code metric-cues-vi.txt} around each number.
 * Organisations are left to the caller.
 */
public final class MetricExtractor {
    private static final String CUES = "metric-cues-vi.txt";
    // Each number of a sentence is masked by one private-use character per kind, keeping every offset.
    private static final char COUNT = '\uE000';
    private static final char MONEY = '\uE001';
    private static final char UNTYPED = '\uE002';
    private static final char SCALED = '\uE003';
    private static final Map<String, String> SLOTS = Map.of(
            "{n}", "(?<q>[" + COUNT + SCALED + "]+)",
            "{money}", "(?<q>" + MONEY + "+)",
            "{amount}", "(?<q>" + SCALED + "+)");
    private static final String GAP = "(?:[^ ,;:!?()" + COUNT + "-" + SCALED + "]+ ){0,6}?";
    /** Another number of the sentence, as context: bounded, so that it may stand in a lookbehind. */
    private static final String OTHER_NUMBER = "[" + COUNT + "-" + SCALED + "]{1,40}";
    /** The mask characters each slot stands for, one or more of them: what the cues' literals may hold. */
    private static final Map<String, String> SLOT_MASKS = Map.of("n", "" + COUNT + SCALED, "money", "" + MONEY,
            "amount", "" + SCALED, "#", "" + COUNT + MONEY + UNTYPED + SCALED);
    private static final Pattern WORD_LIST = Pattern.compile("@([\\p{L}_]+)\\s*=\\s*(.+)");
    private static final Pattern SCALE_WORD = Pattern.compile(
            "(?<![\\p{L}\\p{M}])(?:tỷ|tỉ|triệu|nghìn|ngàn)(?![\\p{L}\\p{M}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern LIST_REFERENCE = Pattern.compile("\\{([\\p{L}_]+)}");

    private final List<Cue> cues;
    /** Every cue's {@link Cue#literals}, found in a sentence in one pass. */
    private final PhraseMatcher literals;

    /**
     * A compiled cue: the metric type it gives, its pattern over a masked match key, and sets of indexes in
     * {@link #literals} of strings: any text it matches holds one of each set (no sets: it is tried everywhere).
     */
    private record Cue(String type, Pattern pattern, int[][] literals) {
    }

    /** The extractor with the cue phrases shipped in {@code metric-cues-vi.txt}. */
    public MetricExtractor() {
        this(LanguageData.lines(MetricExtractor.class, CUES));
    }

    /** An extractor with these cue lines, in the format {@code metric-cues-vi.txt} describes. */
    public MetricExtractor(List<String> cueLines) {
        List<String> required = new ArrayList<>();
        this.cues = compile(cueLines, required);
        this.literals = PhraseMatcher.of(required);
    }

    /** The metrics of these sentences, in reading order, each (type, value, text, total) once. */
    public List<Metric> extract(List<String> sentences) {
        Set<Metric> metrics = new LinkedHashSet<>();
        for (String sentence : sentences) {
            extractFrom(VietnameseText.normalize(sentence), metrics);
        }
        return List.copyOf(metrics);
    }

    private void extractFrom(String sentence, Set<Metric> out) {
        List<NumberMatch> numbers = VietnameseNumbers.find(sentence);
        if (numbers.isEmpty()) {
            return;
        }
        char[] masked = VietnameseText.alignedMatchKey(sentence).toCharArray();
        Map<Integer, Integer> numberAt = new HashMap<>();
        for (int i = 0; i < numbers.size(); i++) {
            NumberMatch number = numbers.get(i);
            Arrays.fill(masked, number.start(), number.end(), maskOf(number, sentence));
            numberAt.put(number.start(), i);
        }
        String key = new String(masked);
        int[] bestCue = new int[numbers.size()];
        Arrays.fill(bestCue, Integer.MAX_VALUE);
        String[] evidence = new String[numbers.size()];
        boolean[] present = new boolean[literals.phrases().size()];
        literals.forEachMatch(key, (literal, start, end) -> present[literal] = true);
        for (int c = 0; c < cues.size(); c++) {
            if (!mayMatch(cues.get(c), present)) {
                continue;
            }
            Matcher m = cues.get(c).pattern().matcher(key);
            while (m.find()) {
                Integer number = numberAt.get(m.start("q"));
                if (number != null && c < bestCue[number]) {
                    bestCue[number] = c;
                    evidence[number] = sentence.substring(m.start(), m.end()).strip();
                }
            }
        }
        for (int i = 0; i < numbers.size(); i++) {
            if (evidence[i] != null) {
                NumberMatch number = numbers.get(i);
                out.add(new Metric(cues.get(bestCue[i]).type(), number.value(), evidence[i], null, number.total()));
            }
        }
    }

    /** Percentages and rates per unit ("1.000.000đ/trường") are not counts or amounts any cue can type. */
    private static char maskOf(NumberMatch number, String sentence) {
        if (number.percent()) {
            return UNTYPED;
        }
        if (number.money()) {
            boolean rate = number.end() < sentence.length() && sentence.charAt(number.end()) == '/';
            return rate ? UNTYPED : MONEY;
        }
        boolean scaled = SCALE_WORD.matcher(sentence).region(number.start(), number.end()).find();
        return scaled ? SCALED : COUNT;
    }

    private static boolean mayMatch(Cue cue, boolean[] present) {
        for (int[] anyOf : cue.literals()) {
            if (!anyPresent(anyOf, present)) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyPresent(int[] literals, boolean[] present) {
        for (int literal : literals) {
            if (present[literal]) {
                return true;
            }
        }
        return false;
    }

    /** The cues of {@code lines}; the literals they require are added to {@code required}. */
    private static List<Cue> compile(List<String> lines, List<String> required) {
        Map<String, String> wordLists = new HashMap<>();
        List<Cue> compiled = new ArrayList<>();
        for (String raw : lines) {
            String line = VietnameseText.foldTones(raw.strip());
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Matcher list = WORD_LIST.matcher(line);
            if (list.matches()) {
                wordLists.put(list.group(1), "(?:" + list.group(2).strip() + ")");
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalArgumentException("Metric cue without a pattern in " + CUES + ": " + raw);
            }
            String source = line.substring(space + 1).strip();
            int[][] literals = CueLiterals.required(source, wordLists, SLOT_MASKS).stream()
                    .map(anyOf -> anyOf.stream().mapToInt(literal -> {
                        required.add(literal);
                        return required.size() - 1;
                    }).toArray())
                    .toArray(int[][]::new);
            compiled.add(new Cue(line.substring(0, space), compilePattern(source, wordLists, raw), literals));
        }
        return List.copyOf(compiled);
    }

    private static Pattern compilePattern(String source, Map<String, String> wordLists, String raw) {
        String pattern = source.replace("… ", GAP).replace("{#}", OTHER_NUMBER);
        int slots = 0;
        for (Map.Entry<String, String> slot : SLOTS.entrySet()) {
            int at = pattern.indexOf(slot.getKey());
            if (at >= 0) {
                slots += pattern.indexOf(slot.getKey(), at + 1) >= 0 ? 2 : 1;
                pattern = pattern.replace(slot.getKey(), slot.getValue());
            }
        }
        if (slots != 1) {
            throw new IllegalArgumentException("Metric cue needs exactly one of {n}, {money}, {amount}: " + raw);
        }
        Matcher reference = LIST_REFERENCE.matcher(pattern);
        StringBuilder expanded = new StringBuilder();
        while (reference.find()) {
            String words = wordLists.get(reference.group(1));
            if (words == null) {
                throw new IllegalArgumentException("Metric cue uses undefined word list {" + reference.group(1)
                        + "}: " + raw);
            }
            reference.appendReplacement(expanded, Matcher.quoteReplacement(words));
        }
        reference.appendTail(expanded);
        try {
            return Pattern.compile("(?<![\\p{L}\\p{M}\\p{N}])(?:" + expanded + ")(?![\\p{L}\\p{M}\\p{N}])");
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Metric cue is not a valid pattern: " + raw, e);
        }
    }
}
