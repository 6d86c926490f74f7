package vn.unionnews.page;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import vn.unionnews.text.Syllables;

/**
 * Display forms of titles. Many sites print titles in capitals ("KẾT QUẢ SAU 5 NĂM THỰC HIỆN KẾT LUẬN 100-KL/TW
 * … TỈNH LÀO CAI"); the title stays as written and gets a display form in sentence case that keeps what the
 * article itself capitalises: every word is written the way the body writes it in mid-sentence ("Ban Bí thư",
 * "Lào Cai", "CNVCLĐ"), preferring the casing of the pair of words it stands in. Codes, numbers and Roman
 * numerals keep their capitals; anything else is lower case.
 */
final class Titles {
    private static final Pattern ROMAN = Pattern.compile("[IVXLC]+");
    private static final String SENTENCE_PUNCTUATION = ".!?…:";
    /** Share of upper-case letters from which a title counts as written in capitals. */
    private static final double CAPITALS_SHARE = 0.8;

    private Titles() {
    }

    static boolean isAllCaps(String title) {
        int upper = 0;
        int cased = 0;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
                cased++;
            } else if (Character.isLowerCase(c)) {
                cased++;
            }
        }
        return cased >= 8 && upper >= CAPITALS_SHARE * cased;
    }

    /** The title for display: itself, or its sentence-case form when written in capitals. */
    static String displayForm(String title, String body) {
        if (title == null || !isAllCaps(title)) {
            return title;
        }
        List<Syllables.Token> tokens = Syllables.tokens(title);
        Set<String> titleWords = new HashSet<>();
        for (Syllables.Token token : tokens) {
            titleWords.add(Casing.key(token.text()));
        }
        Casing casing = Casing.of(body, titleWords);
        StringBuilder out = new StringBuilder(title);
        for (int i = 0; i < tokens.size(); i++) {
            Syllables.Token token = tokens.get(i);
            String previous = i > 0 ? tokens.get(i - 1).text() : null;
            String next = i + 1 < tokens.size() ? tokens.get(i + 1).text() : null;
            String written = i == 0 && !keepsCapitals(token.text()) ? capitalised(token.text())
                    : casing.formOf(token.text(), previous, next).orElseGet(() -> fallback(token.text()));
            out.replace(token.start(), token.end(), written);
        }
        return out.toString();
    }

    private static String fallback(String syllable) {
        return keepsCapitals(syllable) ? syllable : syllable.toLowerCase(Locale.ROOT);
    }

    private static boolean keepsCapitals(String syllable) {
        return syllable.chars().anyMatch(Character::isDigit) || syllable.indexOf('/') >= 0
                || ROMAN.matcher(syllable).matches();
    }

    private static String capitalised(String syllable) {
        String lower = syllable.toLowerCase(Locale.ROOT);
        return lower.substring(0, 1).toUpperCase(Locale.ROOT) + lower.substring(1);
    }

    /**
     * How the body writes each word and pair of words away from the start of a sentence; only the words of the
     * title ({@code titleWords}, by {@link #key}) and pairs of them, the only ones asked for.
     */
    private static final class Casing {
        private final Map<String, Map<String, Integer>> words = new HashMap<>();
        private final Map<String, Map<String, Integer>> pairs = new HashMap<>();

        static Casing of(String body, Set<String> titleWords) {
            Casing casing = new Casing();
            List<Syllables.Token> tokens = Syllables.tokens(body == null ? "" : body);
            boolean previousStarts = true;
            boolean previousInTitle = false;
            for (int i = 0; i < tokens.size(); i++) {
                boolean starts = startsSentence(body, tokens, i);
                boolean pairCounts = !starts && !previousStarts;
                previousStarts = starts;
                if (starts) {
                    previousInTitle = false;
                    continue;
                }
                String word = tokens.get(i).text();
                String key = key(word);
                boolean inTitle = titleWords.contains(key);
                // A pair's key is its words' keys with a space between: a pair of the title has both in it.
                pairCounts &= inTitle && previousInTitle;
                previousInTitle = inTitle;
                if (!inTitle) {
                    continue;
                }
                casing.words.computeIfAbsent(key, k -> new HashMap<>()).merge(word, 1, Integer::sum);
                if (pairCounts) {
                    String pair = tokens.get(i - 1).text() + " " + word;
                    casing.pairs.computeIfAbsent(key(pair), k -> new HashMap<>()).merge(pair, 1, Integer::sum);
                }
            }
            return casing;
        }

        Optional<String> formOf(String word, String previous, String next) {
            if (next != null) {
                String pair = mostCommon(pairs.get(key(word + " " + next)));
                if (pair != null) {
                    return Optional.of(pair.substring(0, pair.indexOf(' ')));
                }
            }
            if (previous != null) {
                String pair = mostCommon(pairs.get(key(previous + " " + word)));
                if (pair != null) {
                    return Optional.of(pair.substring(pair.indexOf(' ') + 1));
                }
            }
            return Optional.ofNullable(mostCommon(words.get(key(word))));
        }

        static String key(String text) {
            return text.toLowerCase(Locale.ROOT);
        }

        private static String mostCommon(Map<String, Integer> forms) {
            if (forms == null) {
                return null;
            }
            Comparator<Map.Entry<String, Integer>> byCount = Map.Entry.comparingByValue();
            return forms.entrySet().stream()
                    .max(byCount.thenComparing(e -> capitals(e.getKey())).thenComparing(Map.Entry::getKey))
                    .map(Map.Entry::getKey).orElse(null);
        }

        /** On a tie, the capitalised form wins: a name written lower case is rarer than a capital for grammar. */
        private static int capitals(String form) {
            return (int) form.chars().filter(Character::isUpperCase).count();
        }

        /**
         * The first word of a paragraph or after sentence punctuation is capitalised for grammar, not meaning; it
         * counts neither alone nor as the first of a pair.
         */
        private static boolean startsSentence(String body, List<Syllables.Token> tokens, int i) {
            if (i == 0) {
                return true;
            }
            int from = tokens.get(i - 1).end();
            int to = tokens.get(i).start();
            for (int k = from; k < to; k++) {
                if (body.charAt(k) == '\n') {
                    return true;
                }
            }
            return endsSentence(body, from, to);
        }

        /**
         * Whether the gap between two words, {@code text} from {@code from} to {@code to}, is sentence punctuation
         * and what may follow it before the next sentence: sentence punctuation with no letter, digit or '_' after it
         * (regular expressions' {@code \w}), and no line break before it.
         */
        private static boolean endsSentence(String text, int from, int to) {
            int afterWords = from;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
                    afterWords = k + 1;
                }
            }
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                if (c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                    return false;
                }
                if (k >= afterWords && SENTENCE_PUNCTUATION.indexOf(c) >= 0) {
                    return true;
                }
            }
            return false;
        }
    }
}
