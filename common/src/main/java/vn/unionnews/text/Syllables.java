package vn.unionnews.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese text as syllables, the unit Vietnamese length, n-grams and ROUGE are counted in. A syllable is a run
 * of letters (with their marks) and digits; a number, date or document code ("17.594", "1,9", "14/5/2011",
 * "17-CT/TW", "5440/QĐ-TLĐ") is one token, while "TP.HCM" or "Bà Rịa-Vũng Tàu" are several.
 */
public final class Syllables {
    private static final Pattern RUN = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[.,/\\-][\\p{L}\\p{M}\\p{N}]+)*");
    private static final Pattern SEPARATOR = Pattern.compile("[.,/\\-]");

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

    /** The syllables with where each starts and ends in {@code text}, as written. */
    public static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = RUN.matcher(text);
        while (m.find()) {
            String run = m.group();
            if (isOneToken(run)) {
                out.add(new Token(run, m.start(), m.end()));
                continue;
            }
            int start = 0;
            Matcher sep = SEPARATOR.matcher(run);
            while (sep.find()) {
                out.add(new Token(run.substring(start, sep.start()), m.start() + start, m.start() + sep.start()));
                start = sep.end();
            }
            out.add(new Token(run.substring(start), m.start() + start, m.end()));
        }
        return out;
    }

    /** Numbers, dates and codes hold together: a run with a digit, or with a slash ("đ/c", "QĐ/TU"). */
    private static boolean isOneToken(String run) {
        for (int i = 0; i < run.length(); i++) {
            char c = run.charAt(i);
            if (c == '/' || c >= '0' && c <= '9' || Character.isDigit(c)) {
                return true;
            }
        }
        return false;
    }

    /** A syllable of the text: {@code text} as written, at [{@code start}, {@code end}). */
    public record Token(String text, int start, int end) {
    }
}
