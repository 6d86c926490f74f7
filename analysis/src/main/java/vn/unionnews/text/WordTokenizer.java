package vn.unionnews.text;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Vietnamese text into words: runs of syllables that a lexicon knows as one word ("công đoàn cơ sở",
 * "người lao động", "bởi vì") are joined by longest match, everything else stays a one-syllable word. Words never
 * span punctuation. Matching is on {@link VietnameseText#matchKey} (lower case, one tone placement), so "HOÀ BÌNH"
 * and "Hòa Bình" are the same word. Words come out in that form, syllables separated by one space.
 *
 * <p>The lexicon is {@code words-vi.txt} (written for this project) plus the multi-syllable entries of the
 * Vietnamese stopword list; {@link #isStopword} answers from the stopword list. Immutable and thread-safe.
 */
public final class WordTokenizer {
    private static final int MAX_WORD_SYLLABLES = 4;

    private final Set<String> words = new HashSet<>();
    private final Set<String> stopwords = new HashSet<>();
    /** {@link #words} by syllable: where a longer word may go on from the syllables so far. */
    private final SyllableTrie wordsBySyllable;

    private WordTokenizer(List<String> lexicon, List<String> stopwordList) {
        for (String word : stopwordList) {
            stopwords.add(VietnameseText.matchKey(word));
        }
        for (String word : lexicon) {
            words.add(VietnameseText.matchKey(word));
        }
        for (String word : stopwords) {
            if (word.indexOf(' ') > 0) {
                words.add(word);
            }
        }
        wordsBySyllable = SyllableTrie.of(words.stream().map(word -> List.of(word.split(" ", -1))).toList());
    }

    private static final class Holder {
        static final WordTokenizer VIETNAMESE = new WordTokenizer(
                LanguageData.lines(WordTokenizer.class, "words-vi.txt"),
                LanguageData.lines(WordTokenizer.class, "stopwords-vi.txt"));
    }

    /** The tokenizer with the bundled Vietnamese lexicon and stopwords, loaded once. */
    public static WordTokenizer vietnamese() {
        return Holder.VIETNAMESE;
    }

    /** The words of {@code text}, in order, each in {@link VietnameseText#matchKey} form. */
    public List<String> words(String text) {
        List<Syllables.Token> tokens = Syllables.tokens(text);
        List<String> keys = matchKeys(text, tokens);
        return join(keys, wordStarts(text, tokens, keys));
    }

    /** The match keys of {@code tokens}, the syllables of {@code text}, as {@link #words} reads them. */
    public static List<String> matchKeys(String text, List<Syllables.Token> tokens) {
        // Folding keeps a text's length as a rule, and then each syllable's folded form is at its place: one fold.
        String folded = VietnameseText.foldTones(text).toLowerCase(Locale.ROOT);
        boolean aligned = folded.length() == text.length();
        List<String> keys = new ArrayList<>(tokens.size());
        for (Syllables.Token token : tokens) {
            keys.add(aligned ? folded.substring(token.start(), token.end())
                    : VietnameseText.foldTones(token.text()).toLowerCase(Locale.ROOT));
        }
        return keys;
    }

    /**
     * Where the words of {@code text} start, by longest match: for each of its syllables {@code tokens} (with
     * their match keys {@code keys}) whether a word starts there, and {@code true} after the last.
     */
    public boolean[] wordStarts(String text, List<Syllables.Token> tokens, List<String> keys) {
        boolean[] starts = new boolean[keys.size() + 1];
        int i = 0;
        while (i < keys.size()) {
            starts[i] = true;
            i += longestWordAt(text, tokens, keys, i);
        }
        starts[keys.size()] = true;
        return starts;
    }

    /** The words that {@link #wordStarts} cut {@code keys} into, syllables separated by one space. */
    static List<String> join(List<String> keys, boolean[] starts) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= keys.size(); i++) {
            if (starts[i]) {
                out.add(String.join(" ", keys.subList(start, i)));
                start = i;
            }
        }
        return out;
    }

    public boolean isStopword(String word) {
        return stopwords.contains(VietnameseText.matchKey(word));
    }

    /** {@link #isStopword} for a word already in {@link VietnameseText#matchKey} form, without folding it again. */
    public boolean isStopwordKey(String matchKey) {
        return stopwords.contains(matchKey);
    }

    /** Whether {@code word} (any case or tone placement) is a multi-syllable word of the lexicon. */
    public boolean isWord(String word) {
        return words.contains(VietnameseText.matchKey(word));
    }

    private int longestWordAt(String text, List<Syllables.Token> tokens, List<String> keys, int start) {
        int best = 1;
        int node = wordsBySyllable.next(SyllableTrie.ROOT, keys.get(start));
        for (int end = start + 1; node >= 0 && end < keys.size() && end - start < MAX_WORD_SYLLABLES; end++) {
            if (!wordsBySyllable.goesOn(node) || !onlySpaceBetween(text, tokens.get(end - 1), tokens.get(end))) {
                break; // no word of the lexicon goes on from here
            }
            node = wordsBySyllable.next(node, keys.get(end));
            if (node >= 0 && wordsBySyllable.phrasesAt(node).length > 0) {
                best = end - start + 1;
            }
        }
        return best;
    }

    private static boolean onlySpaceBetween(String text, Syllables.Token left, Syllables.Token right) {
        for (int i = left.end(); i < right.start(); i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }
}
