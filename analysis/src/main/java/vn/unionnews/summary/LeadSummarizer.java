package vn.unionnews.summary;

import java.util.ArrayList;
import java.util.List;
import vn.unionnews.text.VietnameseText;

/**
 * The LEAD-n baseline: an article's first n sentences, fewer when a word budget (in syllables) is set.
 * Honest, cheap, and what better summarisers must beat.
 */
public final class LeadSummarizer implements Summarizer {
    private final int sentences;
    private final int maxWords;

    /** @param maxWords an upper bound in syllables, or 0 for none; the first sentence is always kept */
    public LeadSummarizer(int sentences, int maxWords) {
        if (sentences < 1) {
            throw new IllegalArgumentException("A summary needs at least one sentence, got " + sentences);
        }
        this.sentences = sentences;
        this.maxWords = maxWords;
    }

    @Override
    public Summary summarize(String title, List<String> articleSentences) {
        return summarize(articleSentences);
    }

    public Summary summarize(List<String> articleSentences) {
        List<String> picked = new ArrayList<>();
        int words = 0;
        for (String sentence : articleSentences) {
            int length = VietnameseText.syllableCount(sentence);
            if (picked.size() == sentences || (maxWords > 0 && !picked.isEmpty() && words + length > maxWords)) {
                break;
            }
            picked.add(sentence);
            words += length;
        }
        return new Summary("lead-" + sentences, picked);
    }
}
