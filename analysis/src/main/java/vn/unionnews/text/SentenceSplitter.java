package vn.unionnews.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits Vietnamese prose into sentences. A sentence ends at '.', '!', '?' or '…' (with closing quotes and
 * brackets) followed by a space and the start of a new sentence; never inside numbers (20.033; 82,758), dates
 * (14/5/2011) or codes (17-CT/TW), which contain no space, and never after an abbreviation such as "TP.",
 * "TS." or "PGS.TS."; an ellipsis or "v.v." followed by a capital ends a sentence, an attribution after a quote
 * ("“…!” – đồng chí nhấn mạnh") does not. The closing "./." stays with its sentence.
 */
public final class SentenceSplitter {
    private static final Set<String> ABBREVIATIONS = Set.of(
            "tp", "ts", "ths", "th.s", "pgs", "gs", "bs", "ks", "cn", "ls", "đ/c", "tt", "p", "q", "st",
            "mr", "mrs", "ms", "dr", "no", "vs", "tr", "ng");
    private static final String CLOSERS = "\"'”’»)]";
    private static final String OPENERS = "\"'“‘«([";
    private static final String BULLETS = "-–•";

    private SentenceSplitter() {
    }

    public static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            splitParagraph(paragraph.strip(), (line, start, end) -> add(sentences, line.substring(start, end)));
        }
        return sentences;
    }

    /** How many sentences {@link #split} finds in {@code text}, without building them. */
    public static int count(String text) {
        int[] sentences = {0};
        // Most texts counted are one line, their own only paragraph.
        String[] paragraphs = text.indexOf('\n') < 0 ? new String[] {text} : text.split("\n");
        for (String paragraph : paragraphs) {
            splitParagraph(paragraph.strip(), (line, start, end) -> sentences[0] += isBlank(line, start, end) ? 0 : 1);
        }
        return sentences[0];
    }

    /** Where a paragraph's sentences are, before they are stripped of spaces; some may be blank. */
    private interface Sentences {
        void accept(String paragraph, int start, int end);
    }

    private static void splitParagraph(String paragraph, Sentences out) {
        int start = 0;
        int n = paragraph.length();
        for (int i = 0; i < n; i++) {
            char c = paragraph.charAt(i);
            if (c != '.' && c != '!' && c != '?' && c != '…') {
                continue;
            }
            int end = i + 1;
            while (end < n && (".!?…/".indexOf(paragraph.charAt(end)) >= 0 || CLOSERS.indexOf(paragraph.charAt(end)) >= 0)) {
                end++;
            }
            if (end >= n || paragraph.charAt(end) != ' ' || !startsSentence(paragraph, end + 1)) {
                i = end - 1;
                continue;
            }
            if (c == '.' && end == i + 1 && isAbbreviation(paragraph, start, i)) {
                continue;
            }
            out.accept(paragraph, start, end);
            start = end + 1;
            i = end;
        }
        out.accept(paragraph, Math.min(start, n), n);
    }

    private static boolean startsSentence(String text, int at) {
        int i = at;
        while (i < text.length() && (OPENERS.indexOf(text.charAt(i)) >= 0 || BULLETS.indexOf(text.charAt(i)) >= 0
                || text.charAt(i) == ' ')) {
            i++;
        }
        return i < text.length() && (Character.isUpperCase(text.charAt(i)) || Character.isDigit(text.charAt(i)));
    }

    /**
     * The word before the period, e.g. "TP" in "TP. Vinh", is a known abbreviation, a chain of them ("PGS.TS" in
     * "PGS.TS. Nguyễn") or a single letter.
     */
    private static boolean isAbbreviation(String text, int sentenceStart, int dot) {
        int wordStart = dot;
        while (wordStart > sentenceStart && !Character.isWhitespace(text.charAt(wordStart - 1))
                && OPENERS.indexOf(text.charAt(wordStart - 1)) < 0) {
            wordStart--;
        }
        String word = text.substring(wordStart, dot).toLowerCase(Locale.ROOT);
        return ABBREVIATIONS.contains(word) || (word.length() == 1 && Character.isLetter(word.charAt(0)))
                || Arrays.stream(word.split("\\.")).allMatch(ABBREVIATIONS::contains);
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int i = start; i < end; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static void add(List<String> out, String sentence) {
        String s = sentence.strip();
        if (!s.isEmpty()) {
            out.add(s);
        }
    }
}
