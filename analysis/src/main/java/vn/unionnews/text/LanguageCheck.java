package vn.unionnews.text;

import java.text.Normalizer;

/**
 * Is a text Vietnamese? Vietnamese writes almost every other syllable with a letter or a mark no other Latin-script
 * language uses together: ă, đ, ơ, ư, the hook above (ả), the dot below (ạ), and tone marks stacked on â, ê, ô
 * (ấ, ề, ổ). French, Portuguese or English text has almost none of these; Chinese or Russian text is mostly not in
 * Latin letters at all. The share of syllables with such a mark separates them with a wide margin (about 0.4 to 0.6 for Vietnamese
 * news, under 0.05 for the others).
 */
public final class LanguageCheck {
    /** The least share of Vietnamese-marked syllables for text to count as Vietnamese. */
    static final double MIN_VIETNAMESE_SHARE = 0.15;
    /** Too little text to judge: short texts are given the benefit of the doubt. */
    static final int MIN_SYLLABLES = 20;
    /** Enough letters to tell the script: Chinese or Russian text has few Latin letters and few spaces. */
    static final int MIN_LETTERS = 40;
    /** The canonical decompositions of the Latin blocks Vietnamese is written in, by character; null for none. */
    private static final String[] LATIN_1_TO_EXTENDED_B = decompositions('\u0080', '\u0250');
    private static final String[] LATIN_EXTENDED_ADDITIONAL = decompositions('\u1E00', '\u1F00');
    /** By character below U+1F00: whether it is part of a syllable, a letter, digit or combining mark. */
    private static final boolean[] SYLLABLE_PART = new boolean[0x1F00];

    static {
        for (char c = 0; c < SYLLABLE_PART.length; c++) {
            SYLLABLE_PART[c] = isPartOfSyllable(c);
        }
    }

    private LanguageCheck() {
    }

    /** The share of syllables that carry a mark only Vietnamese uses, among all syllables of {@code text}. */
    public static double vietnameseShare(String text) {
        MarkedSyllables syllables = new MarkedSyllables();
        if (hasNoMarks(text)) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String decomposed = decomposition(c);
                if (decomposed == null) {
                    syllables.add(c);
                } else {
                    for (int j = 0; j < decomposed.length(); j++) {
                        syllables.add(decomposed.charAt(j));
                    }
                }
            }
        } else {
            String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
            for (int i = 0; i < nfd.length(); i++) {
                syllables.add(nfd.charAt(i));
            }
        }
        return syllables.share();
    }

    /** Counts syllables and those with a Vietnamese mark, fed the text's NFD one character at a time. */
    private static final class MarkedSyllables {
        int syllables;
        int marked;
        boolean inSyllable;
        boolean syllableMarked;
        char previous;

        void add(char c) {
            boolean part = c < SYLLABLE_PART.length ? SYLLABLE_PART[c] : isPartOfSyllable(c);
            if (!part) {
                if (inSyllable && syllableMarked) {
                    marked++;
                }
                inSyllable = false;
            } else {
                if (!inSyllable) {
                    syllables++;
                    inSyllable = true;
                    syllableMarked = false;
                }
                syllableMarked |= isVietnameseMark(c, previous);
            }
            previous = c;
        }

        double share() {
            int all = marked + (inSyllable && syllableMarked ? 1 : 0);
            return syllables == 0 ? 0 : (double) all / syllables;
        }
    }

    private static boolean isPartOfSyllable(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /**
     * Whether {@code text} has no combining mark and no surrogate: then its NFD is each character's decomposition
     * in turn (there are no marks to reorder across characters), which tables give without the normaliser.
     */
    private static boolean hasNoMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && (Character.isSurrogate(c) || switch (Character.getType(c)) {
                case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
                default -> false;
            })) {
                return false;
            }
        }
        return true;
    }

    /**
     * The canonical decomposition of a character of a text without marks ({@link #hasNoMarks}), or null when it
     * has none: the NFD of such a text is each character's decomposition in turn.
     */
    private static String decomposition(char c) {
        if (c < '\u0080') {
            return null;
        }
        if (c < '\u0250') {
            return LATIN_1_TO_EXTENDED_B[c - '\u0080'];
        }
        if (c >= '\u1E00' && c < '\u1F00') {
            return LATIN_EXTENDED_ADDITIONAL[c - '\u1E00'];
        }
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        return decomposed.equals(String.valueOf(c)) ? null : decomposed;
    }

    private static String[] decompositions(char from, char to) {
        String[] table = new String[to - from];
        for (char c = from; c < to; c++) {
            String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            table[c - from] = decomposed.equals(String.valueOf(c)) ? null : decomposed;
        }
        return table;
    }

    /** Whether {@code text} reads as Vietnamese; too short a text is not judged and counts as Vietnamese. */
    public static boolean isVietnamese(String text) {
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
                if (isLatin(c)) {
                    latin++;
                }
            }
        }
        if (letters >= MIN_LETTERS && latin < letters / 2) {
            return false;
        }
        return VietnameseText.syllableCount(text) < MIN_SYLLABLES || vietnameseShare(text) >= MIN_VIETNAMESE_SHARE;
    }

    /**
     * Whether a letter is of the Latin script. Looking a script up is a binary search, and most letters of a page
     * are in the Latin blocks Vietnamese is written in, where every letter but the micro sign is Latin.
     */
    private static boolean isLatin(char letter) {
        if (letter < '\u0250') {
            return letter != '\u00B5';
        }
        return letter >= '\u1E00' && letter <= '\u1EFF'
                || Character.UnicodeScript.of(letter) == Character.UnicodeScript.LATIN;
    }

    private static boolean isVietnameseMark(char c, char previous) {
        switch (c) {
            case 'đ', 'Đ', '\u0306', '\u031B', '\u0309', '\u0323' -> {
                // đ; breve (ă); horn (ơ, ư); hook above (ả); dot below (ạ)
                return true;
            }
            case '\u0300', '\u0301', '\u0303' -> {
                // grave, acute or tilde stacked on a circumflex (ầ, ấ, ẫ), which only Vietnamese writes
                return previous == '\u0302';
            }
            default -> {
                return false;
            }
        }
    }
}
