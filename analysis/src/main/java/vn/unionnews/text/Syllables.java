package vn.unionnews.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Vietnamese text as syllables, the unit Vietnamese length, n-grams and ROUGE are counted in. A syllable is a run
 * of letters (with their marks) and digits; a number, date or document code ("17.594", "1,9", "14/5/2011",
 * "17-CT/TW", "5440/QĐ-TLĐ") is one token, while "TP.HCM" or "Bà Rịa-Vũng Tàu" are several.
 */
public final class Syllables {

    private Syllables() {
    }

    /** The syllables of {@code text} as written, lower-cased (NFC, diacritics kept). */
    public static List<String> of(String text) {
        List<String> out = new ArrayList<>();
        for (Token token : tokens(text)) {
            out.add(token.text().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * The syllables with where each starts and ends in {@code text}, as written. One scan by character classes
     * (what {@code [\\p{L}\\p{M}\\p{N}]+(?:[.,/-][\\p{L}\\p{M}\\p{N}]+)*} matches), as this runs on every line of
     * every page.
     */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                i += Character.charCount(c);
                continue;
            }
            int start = i;
            int end = endOfRun(text, i);
            while (end + 1 < n && isSeparator(text.charAt(end)) && isWordChar(text.codePointAt(end + 1))) {
                end = endOfRun(text, end + 1);
            }
            addRun(text, start, end, out);
            i = end;
        }
        return out;
    }

    private static int endOfRun(String text, int from) {
        int i = from;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            if (!isWordChar(c)) {
                break;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** A run with a digit or a slash is one token; any other splits at its separators. */
    private static void addRun(String text, int start, int end, List<Token> out) {
        if (isOneToken(text, start, end)) {
            out.add(new Token(text.substring(start, end), start, end));
            return;
        }
        int from = start;
        for (int i = start; i < end; i++) {
            if (isSeparator(text.charAt(i))) {
                out.add(new Token(text.substring(from, i), from, i));
                from = i + 1;
            }
        }
        out.add(new Token(text.substring(from, end), from, end));
    }

    private static boolean isSeparator(char c) {
        return c == '.' || c == ',' || c == '/' || c == '-';
    }

    /** A letter, a mark or a number: {@code [\\p{L}\\p{M}\\p{N}]}. */
    public static boolean isWordChar(int c) {
        if (c < 0x80) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Numbers, dates and codes hold together: a run with a digit, or with a slash ("đ/c", "QĐ/TU"). */
    private static boolean isOneToken(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c == '/' || c >= '0' && c <= '9' || !isLatinLetter(c) && Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    /** ASCII or a letter of the Latin blocks Vietnamese is written in, none of them a digit but '0' to '9'. */
    private static boolean isLatinLetter(char c) {
        return c < '\u0250' || c >= '\u1E00' && c < '\u1F00';
    }

    /** A syllable of the text: {@code text} as written, at [{@code start}, {@code end}). */
    public record Token(String text, int start, int end) {
    }
}
