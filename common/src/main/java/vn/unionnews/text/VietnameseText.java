package vn.unionnews.text;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Normalisation every stage applies before looking at Vietnamese text. */
public final class VietnameseText {
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern ODD_SPACE = Pattern.compile("[\\u00A0\\u1680\\u2000-\\u200A\\u202F\\u205F\\u3000\\t]");
    private static final Pattern SPACE_RUN = Pattern.compile(" {2,}");
    private static final Pattern SYLLABLE = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");

    private VietnameseText() {
    }

    /**
     * NFC, odd spaces to plain spaces, zero-width characters and soft hyphens removed, runs of spaces folded
     * and each line trimmed. Line breaks are kept: they carry the page's block structure.
     */
    public static String normalize(String text) {
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
     * Number of syllables (space-separated letter/digit runs, combining marks included so decomposed text counts
     * the same): Vietnamese length is counted in syllables.
     */
    public static int syllableCount(String text) {
        int count = 0;
        var m = SYLLABLE.matcher(text);
        while (m.find()) {
            count++;
        }
        return count;
    }
}
