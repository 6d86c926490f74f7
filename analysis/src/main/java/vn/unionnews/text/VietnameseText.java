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
     * and each line trimmed. Line breaks are kept: they carry the page's block structure. Text that is normalised
     * already comes back as it is after one scan, and a line whose only fault is its spacing is cleaned in one
     * more: most text that reaches this has been normalised once.
     */
    public static String normalize(String text) {
        if (isNormalized(text)) {
            return text;
        }
        if (onlySpacingToClean(text)) {
            return cleanSpacing(text);
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
     * Whether the only steps of {@link #normalize} that change {@code text} are the ones on spaces: it
     * is one line, NFC, without zero-width characters or soft hyphens, and its only control character is the tab.
     */
    private static boolean onlySpacingToClean(String text) {
        boolean mayNotBeNfc = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\t' || c >= '\u007F' && c < '\u00A0' || c == '\u00AD' || c >= '\u200B' && c <= '\u200F'
                    || c >= '\u2028' && c <= '\u202E' || c >= '\u2060' && c <= '\u206F' || c == '\uFEFF') {
                return false;
            }
            mayNotBeNfc |= c >= '\u0300' && !(c >= '\u1E00' && c < '\u1F00' || c >= '\u2010' && c < '\u2028');
        }
        return !mayNotBeNfc || Normalizer.isNormalized(text, Normalizer.Form.NFC);
    }

    /** A line with {@link #onlySpacingToClean}: odd spaces and tabs as spaces, stripped, runs of spaces as one. */
    private static String cleanSpacing(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\u00A0' || c == '\u1680' || c >= '\u2000' && c <= '\u200A'
                    || c == '\u202F' || c == '\u205F' || c == '\u3000';
            if (!space) {
                out.append(c);
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                out.append(' ');
            }
        }
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        return out.substring(0, end);
    }

    /**
     * Whether {@link #normalize} leaves {@code text} as it is: no control character but line feeds,
     * no odd or zero-width space, no soft hyphen, no run of spaces, no space at either end of a line, and NFC. NFC
     * needs looking up only for characters beyond the Latin blocks Vietnamese is written in and the general
     * punctuation of dashes and quotes: each of those is NFC and composes with nothing before it.
     */
    static boolean isNormalized(String text) {
        boolean mayNotBeNfc = false;
        char previous = '\n';
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < ' ' && c != '\n' || c == ' ' && (previous == ' ' || previous == '\n') || c == '\n' && previous == ' '
                    || c >= '\u007F' && c <= '\u00A0' || c == '\u00AD' || c == '\u1680'
                    || c >= '\u2000' && c <= '\u200F' || c >= '\u2028' && c <= '\u202F' || c >= '\u205F' && c <= '\u206F'
                    || c == '\u3000' || c == '\uFEFF') {
                return false;
            }
            mayNotBeNfc |= c >= '\u0300' && !(c >= '\u1E00' && c < '\u1F00' || c >= '\u2010' && c < '\u2028');
            previous = c;
        }
        return previous != ' ' && (!mayNotBeNfc || Normalizer.isNormalized(text, Normalizer.Form.NFC));
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
