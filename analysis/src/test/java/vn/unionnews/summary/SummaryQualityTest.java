package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.TestJson;
import vn.unionnews.analysis.PageReader;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.page.RawPage;
import vn.unionnews.text.SentenceSplitter;

/**
 * The default (learned) summariser and the LexRank baseline against the LEAD baselines on the VietNews development
 * set (297 articles with human-written abstracts, 97 of them labour news): ROUGE-1 and ROUGE-2 F1 on syllables,
 * overall and on the labour subset. Figures are in the README.
 */
class SummaryQualityTest {
    private static final int LEARNED = 0;
    private static final int LEXRANK = 1;
    private static final int LEAD_2 = 2;
    private static final int LEAD_3 = 3;

    private static List<Summarizer> methods() {
        return List.of(Summarizers.fresh(3, 0), Summarizers.lexRank(3, 0), new LeadSummarizer(2, 0),
                new LeadSummarizer(3, 0));
    }

    private static Rouge.Mean[] means() {
        return new Rouge.Mean[] {new Rouge.Mean(), new Rouge.Mean(), new Rouge.Mean(), new Rouge.Mean()};
    }

    /** Mean ROUGE of the four summarisers on the articles' own sentences, those that pass {@code labourOnly}. */
    private static Rouge.Mean[] evaluate(boolean labourOnly) throws IOException {
        List<Summarizer> methods = methods();
        Rouge.Mean[] means = means();
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
                for (int m = 0; m < methods.size(); m++) {
                    means[m].add(Rouge.score(methods.get(m).summarize(title, sentences).text(), reference));
                }
            }
        }
        return means;
    }

    /**
     * The same articles as pages (the development set in the seed page templates, short paragraphs, photo
     * captions), read by the producer's {@link PageReader} as the pipeline reads them.
     */
    private static Rouge.Mean[] evaluatePages(boolean labourOnly) throws IOException {
        List<Summarizer> methods = methods();
        Rouge.Mean[] means = means();
        PageReader reader = new PageReader();
        Path pages = Path.of("src/test/resources/pages-dev");
        for (String line : Files.readAllLines(pages.resolve("gold.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode gold = TestJson.mapper().readTree(line);
            if (labourOnly && !gold.path("labour").asBoolean()) {
                continue;
            }
            String content = Files.readString(pages.resolve(gold.path("file").asText()), StandardCharsets.UTF_8);
            ArticleEvent article = reader.read(RawPage.ofContent(content));
            String reference = gold.path("reference").asText();
            for (int m = 0; m < methods.size(); m++) {
                Summary summary = methods.get(m).summarize(article.displayTitle(), article.sentences());
                means[m].add(Rouge.score(summary.text(), reference));
            }
        }
        return means;
    }

    /** The learned summariser at least 3 ROUGE-1 and 2 ROUGE-2 points above LEAD-2. */
    private static void assertMargin(Rouge.Mean[] means, String subset) {
        Rouge.Scores learned = means[LEARNED].percent();
        Rouge.Scores lead2 = means[LEAD_2].percent();
        String figures = subset + ": learned " + learned + ", LEAD-2 " + lead2;
        assertTrue(learned.rouge1() >= lead2.rouge1() + 3, figures);
        assertTrue(learned.rouge2() >= lead2.rouge2() + 2, figures);
    }

    /** That margin, and LexRank, the baseline, above both leads on the articles' own sentences. */
    private static void assertMargins(Rouge.Mean[] means, String subset) {
        assertMargin(means, subset);
        Rouge.Scores lexRank = means[LEXRANK].percent();
        for (int lead : new int[] {LEAD_2, LEAD_3}) {
            Rouge.Scores baseline = means[lead].percent();
            String baselines = subset + ": lexrank " + lexRank + ", lead " + baseline;
            assertTrue(lexRank.rouge1() > baseline.rouge1(), baselines);
            assertTrue(lexRank.rouge2() > baseline.rouge2(), baselines);
        }
    }

    @Test
    void learnedIsThreeRougeOnePointsAboveLeadTwoOnTheWholeDevelopmentSet() throws IOException {
        assertMargins(evaluate(false), "all articles");
    }

    @Test
    void learnedIsThreeRougeOnePointsAboveLeadTwoOnItsLabourSubset() throws IOException {
        assertMargins(evaluate(true), "labour subset");
    }

    @Test
    void learnedIsThreeRougeOnePointsAboveLeadTwoThroughThePageReader() throws IOException {
        assertMargin(evaluatePages(false), "pages");
    }

    @Test
    void learnedIsThreeRougeOnePointsAboveLeadTwoThroughThePageReaderOnLabourNews() throws IOException {
        assertMargin(evaluatePages(true), "labour pages");
    }
}
