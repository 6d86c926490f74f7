package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.EventAssessment;
import vn.unionnews.event.TopicScore;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.text.AnalyzedText;

class TopicModelTest {
    private static final String STRIKE_TITLE = "Hàng trăm công nhân đình công";
    private static final String STRIKE = "Sáng 12/3, hơn 300 công nhân Công ty TNHH Minh Long đình công vì bị nợ lương.";
    private static final String POLICY = "Hội thảo góp ý dự thảo Bộ luật Lao động về đình công và tiền lương.";

    /** A model of four labels on two words: "đình công" is disputes, "hội thảo" makes it other. */
    private static TopicModel small() {
        List<TopicModel.Label> labels = List.of(
                new TopicModel.Label("disputes", true, -1, 0.5, TopicModel.Label.NEVER),
                new TopicModel.Label(Enricher.OTHER_TOPIC, true, -2, 0.5, TopicModel.Label.NEVER),
                new TopicModel.Label(TopicModel.PRIMARY + "disputes", true, -1, 0.5, TopicModel.Label.NEVER),
                new TopicModel.Label(TopicModel.ALERT + "disputes", true, -1, 0.5, TopicModel.Label.NEVER));
        return new TopicModel(labels, 1, Map.of(
                "b:đình công", new float[] {30, 0, 30, 30},
                "b:hội thảo", new float[] {0, 60, 0, -60}));
    }

    private static TopicModel.Input input(String title, String body) {
        AnalyzedText t = AnalyzedText.of(title);
        AnalyzedText b = AnalyzedText.of(body);
        TopicClassifier.Classification lexicon = TopicClassifier.vietnamese().classify(t, b);
        EventSignals.Signals signals = EventSignals.vietnamese().of(t, b, b, List.of(), List.of());
        return new TopicModel.Input(TopicModel.features(t, b, lexicon, signals), lexicon, signals);
    }

    @Test
    void aStrikeIsDisputesWithAnAlertThatNamesItsSignals() {
        TopicModel.Result result = small().classify(input(STRIKE_TITLE, STRIKE));

        assertEquals("disputes", result.primaryTopic());
        EventAssessment event = result.events().get("disputes");
        assertTrue(event.due(), event::toString);
        assertTrue(event.signals().containsAll(List.of("event “đình công”", "dated “Sáng 12/3”",
                "workers “Hàng trăm công nhân”")), event.signals()::toString);
        assertTrue(result.evidence().get("disputes").stream().anyMatch(e -> e.startsWith("“đình công” +")),
                result.evidence()::toString);
    }

    @Test
    void aWorkshopOnTheSameWordsIsOtherAndRaisesNothing() {
        TopicModel.Result result = small().classify(input("Hội thảo về đình công", POLICY));

        assertEquals(List.of(Enricher.OTHER_TOPIC), result.topics().stream().map(TopicScore::id).toList());
        assertTrue(result.events().isEmpty());
    }

    @Test
    void anAlertNeedsAnOccurrenceThoughItsModelSaysYes() {
        TopicModel.Input undated = input("Công nhân đình công", "Công nhân đình công vì bị nợ lương.");
        double[] scores = small().scores(undated);

        assertTrue(scores[3] > 0.5);
        assertFalse(undated.signals().isOccurrence());
        TopicModel.Decision decision = TopicModel.decide(small().labels(), 1, scores, undated);
        assertEquals(Set.of("disputes"), decision.topics().keySet());
        assertTrue(decision.alerts().isEmpty());
    }

    @Test
    void writtenAndReadTheModelScoresTheSame() {
        TopicModel model = small();
        String written = model.write(List.of("a test model"));
        TopicModel read = TopicModel.read(new ByteArrayInputStream(written.getBytes(StandardCharsets.UTF_8)));

        assertEquals(written, read.write(List.of("a test model")));
        assertArrayEquals(model.scores(input(STRIKE_TITLE, STRIKE)), read.scores(input(STRIKE_TITLE, STRIKE)));
    }

    @Test
    void anArticleScoresTheDotProductOfTheFeaturesTrainingNamesForIt() {
        TopicModel.Input input = input(STRIKE_TITLE, STRIKE + " " + POLICY);
        Map<String, Double> named = input.features().named();
        assertTrue(named.keySet().containsAll(List.of("w:đình", "b:đình công", "t:công", "w:#", "lex:disputes",
                "ev:dated")), named::toString);
        // Every feature of the article weighs something different for each label, and one it lacks weighs most.
        Map<String, float[]> weights = new java.util.HashMap<>();
        named.keySet().forEach(f -> weights.put(f, new float[] {
            f.hashCode() % 7 / 10f, f.length() / 20f, -f.hashCode() % 5 / 10f, 0.1f}));
        weights.put("b:hội nghị", new float[] {9, 9, 9, 9});
        List<TopicModel.Label> labels = small().labels();
        TopicModel model = new TopicModel(labels, 1, weights);

        double[] scores = model.scores(input);
        for (int l = 0; l < labels.size(); l++) {
            double z = labels.get(l).bias();
            for (Map.Entry<String, Double> feature : named.entrySet()) {
                z += weights.get(feature.getKey())[l] * feature.getValue();
            }
            assertEquals(1 / (1 + Math.exp(-z)), scores[l], 1e-9, labels.get(l).name());
        }
    }

    @Test
    void theLearntModelsScoresAreInTheUnitIntervalAndEveryTopicGivenIsExplained() {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(3);
        for (Seeds.Seed seed : Seeds.all()) {
            EnrichedArticle enriched = analyzer.enrich(analyzer.toArticle(RawPage.ofContent(seed.content())));
            for (TopicScore topic : enriched.topics()) {
                assertTrue(topic.score() >= 0 && topic.score() <= 1, topic::toString);
                if (!topic.id().equals(Enricher.OTHER_TOPIC)) {
                    assertFalse(enriched.topicEvidence().getOrDefault(topic.id(), List.of()).isEmpty(),
                            () -> topic + " unexplained in " + seed);
                }
            }
            assertTrue(enriched.events() != null, "the learnt model assesses events");
        }
    }
}
