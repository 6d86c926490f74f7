package vn.unionnews.summary;

import java.util.List;
import java.util.Set;
import vn.unionnews.text.Datelines;
import vn.unionnews.text.LanguageData;
import vn.unionnews.text.Syllables;
import vn.unionnews.text.VietnameseText;

/**
 * What a sentence's first words say about its place in a summary: an opening that leans on the sentence before
 * it ("Đó là", "Ngoài ra", {@code anaphoric-openings-vi.txt}), or a photo, video or byline label ("Ảnh: …").
 * Datelines are stripped before ({@link Datelines}).
 */
final class Openings {
    /** A label ends within this many characters of the sentence's start, and has at most so many words. */
    private static final int LABEL_MAX_LENGTH = 40;
    private static final int LABEL_MAX_WORDS = 4;
    private static final List<String> LEANING = LanguageData.lines(Openings.class, "anaphoric-openings-vi.txt")
            .stream().map(VietnameseText::matchKey).toList();
    /** A media line's label starts with one of these, and its other words are among {@link #LABEL_WORDS}. */
    private static final Set<String> MEDIA_LABELS = Set.of("ảnh", "photo", "video", "clip", "nguồn", "bài");
    private static final Set<String> LABEL_WORDS = Set.of("ảnh", "bài", "và", "minh", "họa", "tư", "liệu", "chụp",
            "màn", "hình", "nguồn", "video", "clip", "photo");

    private Openings() {
    }

    /** Whether the sentence (its dateline stripped) opens with words that refer to the sentence before. */
    static boolean leansOnPrevious(String sentence) {
        String key = openingKey(sentence);
        int start = 0;
        while (start < key.length() && !Character.isLetterOrDigit(key.charAt(start))) {
            start++;
        }
        for (String opening : LEANING) {
            if (key.startsWith(opening, start) && endsWord(key, start + opening.length())) {
                return true;
            }
        }
        return false;
    }

    /** A photo, video, source or byline label: "Ảnh: …", "Ảnh minh họa: …", "Bài và ảnh: …", "Video: …". */
    static boolean isMediaLine(String sentence) {
        String key = openingKey(sentence);
        int colon = key.indexOf(':');
        if (colon < 0 || colon > LABEL_MAX_LENGTH) {
            return false;
        }
        List<String> words = Syllables.of(key.substring(0, colon));
        return !words.isEmpty() && words.size() <= LABEL_MAX_WORDS && MEDIA_LABELS.contains(words.get(0))
                && LABEL_WORDS.containsAll(words.subList(1, words.size()));
    }

    /**
     * The match key of the sentence's start, all that an opening or a label can be: three times the label's
     * length, room for decomposed letters, which normalising composes.
     */
    private static String openingKey(String sentence) {
        return VietnameseText.matchKey(sentence.substring(0, Math.min(sentence.length(), 3 * LABEL_MAX_LENGTH)));
    }

    private static boolean endsWord(String key, int at) {
        return at >= key.length() || !Character.isLetterOrDigit(key.charAt(at));
    }
}
