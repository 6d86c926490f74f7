package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.TestJson;
import vn.unionnews.text.SentenceSplitter;

class SentenceScorerTrainingTest {
    private static final double[] LAMBDAS = {10, 100};
    private static final int[] BUDGETS = {35, 45, 60};

    private static List<SentenceScorerTraining.Article> developmentSet() throws IOException {
        List<SentenceScorerTraining.Article> articles = new ArrayList<>();
        try (InputStream in = SentenceScorerTrainingTest.class.getResourceAsStream("/eval/vietnews_dev.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode a = TestJson.mapper().readTree(line);
                    articles.add(new SentenceScorerTraining.Article(a.path("title").asText(),
                            SentenceSplitter.split(a.path("body").asText()), a.path("reference").asText(),
                            a.path("labour").asBoolean()));
                }
            }
        }
        return articles;
    }

    private static SentenceScorerTraining.Choice train(List<SentenceScorerTraining.Article> train,
                                                       List<SentenceScorerTraining.Article> dev) {
        SentenceScorerTraining training = new SentenceScorerTraining();
        train.forEach(training::add);
        return training.choose(dev, 3, LAMBDAS, BUDGETS);
    }

    @Test
    void learnsTheSameModelFromTheSameDataToTheBitAndKeepsTheBestTrial() throws IOException {
        List<SentenceScorerTraining.Article> all = developmentSet();
        List<SentenceScorerTraining.Article> train = all.subList(0, 200);
        List<SentenceScorerTraining.Article> dev = all.subList(200, all.size());

        SentenceScorerTraining.Choice first = train(train, dev);
        SentenceScorerTraining.Choice second = train(train, dev);

        assertEquals(first.scorer().write(List.of()), second.scorer().write(List.of()));
        assertEquals(LAMBDAS.length * BUDGETS.length, first.trials().size());
        SentenceScorerTraining.Trial best = first.trials().stream()
                .max(Comparator.comparingDouble(t -> t.all().rouge1() + t.all().rouge2())).orElseThrow();
        assertEquals(best.all(), first.best().all());
        assertEquals(best.budget(), first.scorer().budget());
    }

    @Test
    void whatItLearnsFromTwoHundredArticlesBeatsTheLeadOnNinetySevenOthers() throws IOException {
        List<SentenceScorerTraining.Article> all = developmentSet();
        List<SentenceScorerTraining.Article> dev = all.subList(200, all.size());
        SentenceScorerTraining.Choice choice = train(all.subList(0, 200), dev);

        Rouge.Mean lead = new Rouge.Mean();
        for (SentenceScorerTraining.Article article : dev) {
            lead.add(Rouge.score(new LeadSummarizer(2, 0).summarize(article.sentences()).text(), article.reference()));
        }
        assertTrue(choice.best().all().rouge1() > lead.percent().rouge1(), choice.best() + " vs " + lead.percent());
    }
}
