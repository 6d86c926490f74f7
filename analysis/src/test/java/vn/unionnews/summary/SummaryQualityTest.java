package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.TestJson;
import vn.unionnews.text.SentenceSplitter;

/**
 * The default summariser against the LEAD baselines on the VietNews development set (297 articles with
 * human-written abstracts, 97 of them labour news): ROUGE-1 and ROUGE-2 F1 on syllables, overall and on the
 * labour subset. Figures are in the README.
 */
class SummaryQualityTest {

    /** Mean ROUGE of three summarisers on the articles that pass {@code labourOnly}. */
    private static Rouge.Mean[] evaluate(boolean labourOnly) throws IOException {
        Summarizer ours = Summarizers.fresh(3, 0);
        Summarizer lead2 = new LeadSummarizer(2, 0);
        Summarizer lead3 = new LeadSummarizer(3, 0);
        Rouge.Mean[] means = {new Rouge.Mean(), new Rouge.Mean(), new Rouge.Mean()};
        try (InputStream in = SummaryQualityTest.class.getResourceAsStream("/eval/vietnews_dev.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode article = TestJson.mapper().readTree(line);
                if (labourOnly && !article.path("labour").asBoolean()) {
                    continue;
                }
                String title = article.path("title").asText();
                List<String> sentences = SentenceSplitter.split(article.path("body").asText());
                String reference = article.path("reference").asText();
                means[0].add(Rouge.score(ours.summarize(title, sentences).text(), reference));
                means[1].add(Rouge.score(lead2.summarize(title, sentences).text(), reference));
                means[2].add(Rouge.score(lead3.summarize(title, sentences).text(), reference));
            }
        }
        return means;
    }

    private static void assertBeatsBothLeads(Rouge.Mean[] means, String subset) {
        Rouge.Scores ours = means[0].percent();
        for (int lead = 1; lead <= 2; lead++) {
            Rouge.Scores baseline = means[lead].percent();
            String figures = subset + ": ours " + ours + ", LEAD-" + (lead + 1) + " " + baseline;
            assertTrue(ours.rouge1() > baseline.rouge1(), figures);
            assertTrue(ours.rouge2() > baseline.rouge2(), figures);
        }
    }

    @Test
    void beatsLeadTwoAndLeadThreeOnTheWholeDevelopmentSet() throws IOException {
        assertBeatsBothLeads(evaluate(false), "all articles");
    }

    @Test
    void beatsLeadTwoAndLeadThreeOnItsLabourSubset() throws IOException {
        assertBeatsBothLeads(evaluate(true), "labour subset");
    }
}
