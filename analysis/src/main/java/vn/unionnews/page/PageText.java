package vn.unionnews.page;

import java.text.Normalizer;
import java.util.Locale;
import vn.unionnews.text.VietnameseText;

/**
 * {@link VietnameseText#normalize} and {@link VietnameseText#matchKey} for the lines of pages, each of which they
 * see several times. The same results; only the check for text that is normalised already is quicker, as
 * VietnameseText's takes the dashes, quotes and "…" of every article for odd spaces and normalises such text anew
 * (a private stand-in until VietnameseText's own check knows them).
 */
final class PageText {
    private PageText() {
    }

    /**
     * {@link VietnameseText#normalize}: text that is normalised already is returned as it is, after one scan, and a
     * line that only has odd spaces, tabs or spaces too many is cleaned in one more.
     */
    static String normalize(String text) {
        if (isNormalized(text)) {
            return text;
        }
        return onlySpacingToClean(text) ? cleanSpacing(text) : VietnameseText.normalize(text);
    }

    /** {@link VietnameseText#matchKey}, folding tones and case only of text that is not normalised already. */
    static String matchKey(String text) {
        return VietnameseText.foldTones(normalize(text)).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether the only steps of {@link VietnameseText#normalize} that change {@code text} are the ones on spaces: it
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
     * Whether {@link VietnameseText#normalize} leaves {@code text} as it is: no control character but line feeds,
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
}
