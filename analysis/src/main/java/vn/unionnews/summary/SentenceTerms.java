package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * The terms {@link LexRankSummarizer} counts in a sentence: its syllables (lower case, tone placement folded) and
 * then its multi-syllable words, exactly as {@link Syllables#of}, {@link VietnameseText#foldTones} and
 * {@link WordTokenizer#words} give them, from one tokenisation of the sentence. Words are matched by longest match
 * on the tokenizer's lexicon, looked up only from a syllable that starts a word of it; each distinct syllable of a
 * document is folded once. One per document: not thread-safe.
 */
final class SentenceTerms {
    private static final int MAX_WORD_SYLLABLES = 4;

    /** The multi-syllable words of {@link WordTokenizer#vietnamese()}, and the syllables they start with. */
    private static final class Lexicon {
        static final Set<String> WORDS = new HashSet<>();
        static final Set<String> FIRST_SYLLABLES = new HashSet<>();

        static {
            for (String word : LanguageData.lines(WordTokenizer.class, "words-vi.txt")) {
                WORDS.add(VietnameseText.matchKey(word));
            }
            for (String word : LanguageData.lines(WordTokenizer.class, "stopwords-vi.txt")) {
                String key = VietnameseText.matchKey(word);
                if (key.indexOf(' ') > 0) {
                    WORDS.add(key);
                }
            }
            for (String word : WORDS) {
                int space = word.indexOf(' ');
                if (space > 0) {
                    FIRST_SYLLABLES.add(word.substring(0, space));
                }
            }
        }
    }

    /** Syllables as written, by their term. */
    private final Map<String, String> folded = new HashMap<>();

    /** The sentence's syllables, then its multi-syllable words, in order. */
    List<String> of(String sentence) {
        List<Syllables.Token> tokens = Syllables.tokens(sentence);
        List<String> terms = new ArrayList<>(tokens.size() + tokens.size() / 2);
        for (Syllables.Token token : tokens) {
            terms.add(folded.computeIfAbsent(token.text(),
                    text -> VietnameseText.foldTones(text.toLowerCase(Locale.ROOT))));
        }
        addWords(sentence, tokens, terms);
        return terms;
    }

    /** {@link WordTokenizer#words}' multi-syllable words, by the same keys and the same longest match. */
    private static void addWords(String text, List<Syllables.Token> tokens, List<String> out) {
        int n = tokens.size();
        if (n < 2) {
            return;
        }
        // Each syllable's match key is its place in the folded sentence, as the tokenizer reads it; a word joins
        // syllables with nothing but spaces between them.
        String foldedText = VietnameseText.foldTones(text).toLowerCase(Locale.ROOT);
        boolean aligned = foldedText.length() == text.length();
        String[] keys = new String[n];
        boolean[] joinsPrevious = new boolean[n];
        for (int i = 0; i < n; i++) {
            Syllables.Token token = tokens.get(i);
            keys[i] = aligned ? foldedText.substring(token.start(), token.end())
                    : VietnameseText.foldTones(token.text()).toLowerCase(Locale.ROOT);
            int gap = i > 0 ? tokens.get(i - 1).end() : token.start();
            while (gap < token.start() && text.charAt(gap) == ' ') {
                gap++;
            }
            joinsPrevious[i] = i > 0 && gap == token.start();
        }
        for (int i = 0; i + 1 < n; i++) {
            if (!Lexicon.FIRST_SYLLABLES.contains(keys[i])) {
                continue;
            }
            StringBuilder candidate = new StringBuilder(keys[i]);
            String best = null;
            int length = 1;
            for (int end = i + 1; end < n && end - i < MAX_WORD_SYLLABLES && joinsPrevious[end]; end++) {
                candidate.append(' ').append(keys[end]);
                if (Lexicon.WORDS.contains(candidate.toString())) {
                    best = candidate.toString();
                    length = end - i + 1;
                }
            }
            if (best != null) {
                out.add(best);
                i += length - 1;
            }
        }
    }
}
