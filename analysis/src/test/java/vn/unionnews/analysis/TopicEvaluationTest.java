package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.TopicScore;

class TopicEvaluationTest {
    private static EnrichedArticle given(String... topics) {
        ArticleEvent article = new TopicEvaluation.Gold("a", "Tiêu đề", "Nội dung.", List.of(), "other", List.of())
                .article();
        List<TopicScore> scores = Arrays.stream(topics).map(t -> new TopicScore(t, 0.9)).toList();
        return EnrichedArticle.of(article, scores, topics[0], List.of(), List.of(), Map.of(), List.of(), null);
    }

    @Test
    void countsTopicsPrimaryAndAlertsAgainstTheLabels() {
        TopicEvaluation evaluation = new TopicEvaluation();
        evaluation.add(new TopicEvaluation.Gold("1", "", "", List.of("disputes", "rights_law"), "disputes",
                List.of("disputes")), given("disputes", "welfare"), List.of("disputes"));
        evaluation.add(new TopicEvaluation.Gold("2", "", "", List.of("other"), "other", List.of()),
                given("safety", "rights_law", "other"), List.of("safety"));

        assertEquals(new TopicEvaluation.Counts(1, 0, 0), evaluation.topics().get("disputes"));
        assertEquals(new TopicEvaluation.Counts(0, 1, 1), evaluation.topics().get("rights_law"));
        assertEquals(new TopicEvaluation.Counts(2, 3, 1), evaluation.microTopics());
        assertEquals(0.5, evaluation.primaryInTopTwo());
        assertEquals(new TopicEvaluation.Counts(1, 0, 0), evaluation.alerts().get("disputes"));
        assertEquals(new TopicEvaluation.Counts(0, 1, 0), evaluation.alerts().get("safety"));
        assertEquals(0.5, evaluation.microAlerts().precision());
        assertEquals(1, evaluation.alertMisses().size());
    }
}
