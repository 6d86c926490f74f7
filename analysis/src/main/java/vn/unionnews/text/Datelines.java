package vn.unionnews.text;

import java.util.Locale;

/**
 * A newspaper's dateline before an article's first words: its short name and a dash ("LCĐT – ",
 * "(Baothanhhoa.vn) - ", "TP HCM - "). It names the source; it is not part of the sentence.
 */
public final class Datelines {
    /** A dateline ends within this many characters of the sentence's start, and has at most so many words. */
    private static final int MAX_LENGTH = 40;
    private static final int MAX_WORDS = 4;

    private Datelines() {
    }

    /**
     * The sentence without its leading dateline: a source's short name before a dash, in capitals ("LCĐT",
     * "TP HCM"), in brackets ("(Dân trí)") or as a web address ("Baothanhhoa.vn"). Any other sentence as it is.
     */
    public static String strip(String sentence) {
        int limit = Math.min(sentence.length(), MAX_LENGTH);
        for (int i = 1; i < limit; i++) {
            char c = sentence.charAt(i);
            boolean dash = c == '–' || c == '—' || (c == '-' && sentence.charAt(i - 1) == ' ');
            if (!dash) {
                continue;
            }
            String prefix = sentence.substring(0, i).strip();
            String rest = sentence.substring(i + 1).strip();
            if (rest.isEmpty() || !Character.isLetterOrDigit(rest.codePointAt(0)) || !isSourceName(prefix)) {
                return sentence;
            }
            return rest;
        }
        return sentence;
    }

    private static boolean isSourceName(String prefix) {
        if (prefix.isEmpty() || prefix.split("\\s+").length > MAX_WORDS) {
            return false;
        }
        if (prefix.startsWith("(") && prefix.endsWith(")")) {
            return true;
        }
        String lower = prefix.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".vn") || lower.endsWith(".com") || lower.endsWith(".net")) {
            return true;
        }
        boolean letter = false;
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }
}
