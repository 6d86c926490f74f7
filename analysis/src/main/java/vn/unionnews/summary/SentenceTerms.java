package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;
import vn.unionnews.text.WordTokenizer;

/**
 * The terms {@link LexRankSummarizer} counts in a sentence: its syllables (lower case, tone placement folded) and
 * then its multi-syllable words, exactly as {@link Syllables#of}, {@link VietnameseText#foldTones} and
 * {@link WordTokenizer#words} give them, from one tokenisation of the sentence; each distinct syllable of a
 * document is folded once. One per document: not thread-safe.
 */
final class SentenceTerms {
    private final WordTokenizer words = WordTokenizer.vietnamese();
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
        if (tokens.size() < 2) {
            return terms;
        }
        List<String> keys = WordTokenizer.matchKeys(sentence, tokens);
        boolean[] starts = words.wordStarts(sentence, tokens, keys);
        int start = 0;
        for (int i = 1; i <= keys.size(); i++) {
            if (starts[i]) {
                if (i - start > 1) {
                    terms.add(String.join(" ", keys.subList(start, i)));
                }
                start = i;
            }
        }
        return terms;
    }
}
