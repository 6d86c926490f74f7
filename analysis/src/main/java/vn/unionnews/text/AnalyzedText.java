package vn.unionnews.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A text analysed once for every stage that reads it: normalised ({@link VietnameseText#normalize}), its match
 * key character for character with it ({@link VietnameseText#alignedMatchKey}, so that an offset in one is an
 * offset in the other), its syllables with their match keys, and where its words start ({@link WordTokenizer}).
 * Immutable.
 */
public final class AnalyzedText {
    private final String text;
    private final String key;
    private final List<Syllables.Token> syllables;
    private final List<String> syllableKeys;
    private final boolean[] wordStarts;

    private AnalyzedText(String text) {
        this.text = VietnameseText.normalize(text);
        this.key = VietnameseText.alignedMatchKey(this.text);
        this.syllables = Syllables.tokens(this.text);
        List<String> keys = new ArrayList<>(syllables.size());
        for (Syllables.Token syllable : syllables) {
            keys.add(key.substring(syllable.start(), syllable.end()));
        }
        this.syllableKeys = List.copyOf(keys);
        this.wordStarts = WordTokenizer.vietnamese().wordStarts(this.text, syllables, syllableKeys);
    }

    /** {@code text} analysed; null reads as the empty text. */
    public static AnalyzedText of(String text) {
        return new AnalyzedText(text == null ? "" : text);
    }

    /** The text, normalised. */
    public String text() {
        return text;
    }

    /** The match key: lower case, one tone placement, as long as {@link #text()}. */
    public String key() {
        return key;
    }

    /** The syllables as written in {@link #text()}, with their offsets. */
    public List<Syllables.Token> syllables() {
        return syllables;
    }

    /** The match key of each syllable, in order. */
    public List<String> syllableKeys() {
        return syllableKeys;
    }

    /** Whether a word starts at this syllable; true at {@code syllables().size()}, after the last. */
    public boolean startsWord(int syllable) {
        return wordStarts[syllable];
    }

    /** The words, as {@link WordTokenizer#words} gives them. */
    public List<String> words() {
        return WordTokenizer.join(syllableKeys, wordStarts);
    }
}
