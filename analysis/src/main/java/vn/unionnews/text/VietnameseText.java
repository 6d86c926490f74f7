package vn.unionnews.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Normalisation every stage applies before looking at Vietnamese text. */
public final class VietnameseText {
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\t]");
    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    /**
     * In decomposed text: an open syllable ending in "oa", "oe" or "uy" (not "qu…") with its tone mark on the last
     * vowel, the placement "hoà", "khoẻ", "thuỷ" use. Group 1 is the first vowel, 2 the second, 3 the tone mark.
     */
    private static final Pattern TONE_ON_SECOND_VOWEL = Pattern.compile(
            "(?<![qQ])(?:([oO])([aAeE])|([uU])([yY]))([\\u0300\\u0301\\u0303\\u0309\\u0323])(?![\\p{L}\\p{M}])");

    private static final String TONED_SECOND_VOWELS = "àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ";
    /** Each of {@link #TONED_SECOND_VOWELS} without its tone, and the first vowels that take it, by tone. */
    private static final String PLAIN_SECOND_VOWELS = "aaaaaeeeeeyyyyyAAAAAEEEEEYYYYY";
    private static final String FIRST_VOWELS = "oOuU";
    private static final String[] TONED_FIRST_VOWELS = {"òóỏõọ", "ÒÓỎÕỌ", "ùúủũụ", "ÙÚỦŨỤ"};
    private static final int TONES = 5;
    /** Composed Vietnamese letters all lie below this; the fold tables cover it. */
    private static final char FOLD_RANGE = '\u1F00';
    /** By character: the plain vowel of a toned second vowel ("à" gives "a"), else 0. */
    private static final char[] SECOND_VOWEL_BASE = new char[FOLD_RANGE];
    /** By character: the position of a toned second vowel in {@link #TONED_SECOND_VOWELS}. */
    private static final byte[] SECOND_VOWEL_INDEX = new byte[FOLD_RANGE];

    /** By character: whether it is a combining (non-spacing) mark; Vietnamese letters ask this all the time. */
    private static final boolean[] NON_SPACING_MARK = new boolean[FOLD_RANGE];

    static {
        for (char c = 0; c < FOLD_RANGE; c++) {
            NON_SPACING_MARK[c] = Character.getType(c) == Character.NON_SPACING_MARK;
        }
        for (int i = 0; i < TONED_SECOND_VOWELS.length(); i++) {
            SECOND_VOWEL_BASE[TONED_SECOND_VOWELS.charAt(i)] = PLAIN_SECOND_VOWELS.charAt(i);
            SECOND_VOWEL_INDEX[TONED_SECOND_VOWELS.charAt(i)] = (byte) i;
        }
    }

    private VietnameseText() {
    }

    /**
     * NFC, odd spaces to plain spaces, zero-width characters and soft hyphens removed, runs of spaces folded
     * and each line trimmed. Line breaks are kept: they carry the page's block structure.
     */
    public static String normalize(String text) {
        if (isClean(text)) {
            return text;
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String cleaned = ODD_SPACE.matcher(ZERO_WIDTH.matcher(nfc).replaceAll("")).replaceAll(" ");
        cleaned = cleaned.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder out = new StringBuilder(cleaned.length());
        for (String line : cleaned.split("\n", -1)) {
            out.append(SPACE_RUN.matcher(line.strip()).replaceAll(" ")).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * One tone placement for matching: "hoà" and "hòa", "khoẻ" and "khỏe", "thuỷ" and "thủy" become the second form
     * (the mark on the first vowel of an open "oa", "oe", "uy"), so either spelling finds the other. "quý" and
     * closed syllables ("hoàn", "khuyến") have one placement only and are left alone. Only for matching: text shown
     * to users keeps the page's spelling.
     */
    public static String foldTones(String text) {
        if (!mayNeedFolding(text)) {
            return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
        }
        if (hasCombiningMark(text) || !Normalizer.isNormalized(text, Normalizer.Form.NFC)) {
            return foldDecomposed(text);
        }
        // Composed text, the usual case: move the mark in place, one pass, no decomposition.
        char[] out = text.toCharArray();
        for (int i = 1; i < out.length; i++) {
            if (!isTonedSecondVowel(out[i]) || i + 1 < out.length && isLetterOrMark(text.codePointAt(i + 1))
                    || i >= 2 && (text.charAt(i - 2) == 'q' || text.charAt(i - 2) == 'Q')) {
                continue;
            }
            int toned = SECOND_VOWEL_INDEX[out[i]];
            char base = SECOND_VOWEL_BASE[out[i]];
            int first = FIRST_VOWELS.indexOf(out[i - 1]);
            boolean pairs = first >= 0 && (first < 2 ? "aAeE".indexOf(base) >= 0 : base == 'y' || base == 'Y');
            if (pairs) {
                out[i - 1] = TONED_FIRST_VOWELS[first].charAt(toned % TONES);
                out[i] = base;
            }
        }
        return new String(out);
    }

    /** The decomposed way: decompose, move the combining tone mark, compose again. */
    private static String foldDecomposed(String text) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        Matcher m = TONE_ON_SECOND_VOWEL.matcher(nfd);
        if (!m.find()) {
            return Normalizer.normalize(nfd, Normalizer.Form.NFC);
        }
        StringBuilder out = new StringBuilder(nfd.length());
        do {
            String first = m.group(1) != null ? m.group(1) : m.group(3);
            String second = m.group(2) != null ? m.group(2) : m.group(4);
            m.appendReplacement(out, Matcher.quoteReplacement(first + m.group(5) + second));
        } while (m.find());
        m.appendTail(out);
        return Normalizer.normalize(out, Normalizer.Form.NFC);
    }

    private static boolean hasCombiningMark(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && isNonSpacingMark(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNonSpacingMark(char c) {
        return c < FOLD_RANGE ? NON_SPACING_MARK[c] : Character.getType(c) == Character.NON_SPACING_MARK;
    }

    private static boolean isLetterOrMark(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
        }
        return Character.isLetter(c) || switch (Character.getType(c)) {
            case Character.NON_SPACING_MARK, Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK -> true;
            default -> false;
        };
    }

    /**
     * Whether {@link #normalize} would leave {@code text} as it is: NFC, no odd or zero-width character, no carriage
     * return, no tab, no run of spaces and no space at either end of a line. One pass, no copy: most text that
     * reaches matching has been normalised already.
     */
    private static boolean isClean(String text) {
        char previous = '\n';
        boolean punctuation = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' && (previous == ' ' || previous == '\n')
                    || c == '\n' && previous == ' '
                    || c == '\r' || c == '\t' || c == '\u00A0' || c == '\u00AD' || c == '\uFEFF' || c == '\u1680'
                    || c >= '\u2000' && c <= '\u200D' || c == '\u2028' || c == '\u2029' || c == '\u202F'
                    || c == '\u205F' || c == '\u2060' || c == '\u3000'
                    || c >= '\u0300' && isNonSpacingMark(c)) {
                return false;
            }
            punctuation |= c >= '\u2000' && c <= '\u2060';
            previous = c;
        }
        // Dashes, quotes and "…" are in every article: text with them is clean when composing (NFC) and stripping
        // each line leave it as it is, the two steps of normalize that the loop does not see.
        return previous != ' ' && (!punctuation || Normalizer.isNormalized(text, Normalizer.Form.NFC) && linesStripped(text));
    }

    /** Whether no line of {@code text} starts or ends with whitespace ({@link String#strip}'s). */
    private static boolean linesStripped(String text) {
        for (int start = 0; start <= text.length(); ) {
            int end = text.indexOf('\n', start);
            end = end < 0 ? text.length() : end;
            if (end > start && (Character.isWhitespace(text.charAt(start))
                    || Character.isWhitespace(text.charAt(end - 1)))) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    /**
     * Whether an "o" or "u" precedes a toned "a", "e" or "y" (composed), or any combining tone mark occurs: the
     * only texts {@link #foldTones} can change. Most lines have neither, and skip the decomposition.
     */
    private static boolean mayNeedFolding(String text) {
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && c <= '\u0323') {
                return true;
            }
            if (isTonedSecondVowel(c) && FIRST_VOWELS.indexOf(text.charAt(i - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTonedSecondVowel(char c) {
        return c < FOLD_RANGE && SECOND_VOWEL_BASE[c] != 0;
    }

    /**
     * {@link #matchKey} character for character with {@code text}, which must be normalised already
     * ({@link #normalize}): lower case ({@link Character#toLowerCase(char)}) of the tone-folded text, or of the text
     * itself in the rare case folding changes its length. Offsets in the key are offsets in the text.
     */
    public static String alignedMatchKey(String text) {
        String folded = foldTones(text);
        char[] chars = (folded.length() == text.length() ? folded : text).toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /**
     * The form text is compared in: normalised, tone placement folded, lower case. "LIÊN ĐOÀN LAO ĐỘNG",
     * "Liên đoàn Lao động" and "liên đoàn lao động" have one match key.
     */
    public static String matchKey(String text) {
        return foldTones(normalize(text)).toLowerCase(Locale.ROOT);
    }

    /**
     * Number of syllables (space-separated letter/digit runs, combining marks included so decomposed text counts
     * the same): Vietnamese length is counted in syllables.
     */
    public static int syllableCount(String text) {
        int count = 0;
        boolean inRun = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean word = Syllables.isWordChar(c);
            count += word && !inRun ? 1 : 0;
            inRun = word;
            i += Character.charCount(c);
        }
        return count;
    }
}
