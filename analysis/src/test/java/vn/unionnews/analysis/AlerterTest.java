package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.event.Subscription;
import vn.unionnews.TestJson;
import vn.unionnews.summary.Summary;
import vn.unionnews.text.SentenceSplitter;

class AlerterTest {
    private static final ArticleAnalyzer ANALYZER = new ArticleAnalyzer(3);
    private static final Alerter ALERTER = new Alerter();
    private static final String STRIKE_BODY = "Sáng 15/3, khoảng 2.300 công nhân Công ty TNHH Giày da Thuận Phát ở tỉnh"
            + " Bình Dương đồng loạt đình công, ngừng việc tập thể vì công ty nợ lương hai tháng.\n\nLiên đoàn Lao động tỉnh"
            + " Bình Dương đã cử cán bộ đến doanh nghiệp tổ chức đối thoại để giải quyết tranh chấp lao động.";

    private static EnrichedArticle article(String id, String title, String body) {
        return ANALYZER.enrich(new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null, SourceOrg.UNKNOWN, null, null,
                title, body, null, null, SentenceSplitter.split(body), null, null));
    }

    private static List<AlertEvent> alerts(EnrichedArticle article, Subscription... subscriptions) {
        return ALERTER.alerts(article, new Summary("lexrank", List.of("Tóm tắt.")), List.of(subscriptions));
    }

    private static Subscription subscription(List<String> topics, List<String> orgs, List<String> provinces,
                                             List<String> keywords) {
        return new Subscription(Subscription.SCHEMA_VERSION, "sub-1", topics, orgs, provinces, keywords,
                Subscription.DEFAULT_MIN_SCORE, "critical");
    }

    @Test
    void aStrikeRaisesTheDefaultDisputesAlertWithItsPhrases() {
        List<AlertEvent> raised = alerts(article("s1", "Công nhân đình công đòi nợ lương", STRIKE_BODY));

        AlertEvent disputes = raised.stream().filter(a -> a.rule().equals("default:disputes")).findFirst().orElseThrow();
        assertEquals("disputes", disputes.topic());
        assertTrue(disputes.reason().contains("đình công"), disputes.reason());
        assertEquals("Tóm tắt.", disputes.summary());
        assertEquals("s1", disputes.articleId());
    }

    @Test
    void aSubscriptionMatchesOnlyWhenEveryCriterionDoes() {
        EnrichedArticle strike = article("s1", "Công nhân đình công đòi nợ lương", STRIKE_BODY);

        assertEquals(1, countSubscriptionAlerts(strike, subscription(List.of("disputes"), List.of(),
                List.of("Bình Dương"), List.of("nợ lương"))));
        assertEquals(1, countSubscriptionAlerts(strike, subscription(List.of(), List.of("LĐLĐ tỉnh Bình Dương"
                .replace("LĐLĐ", "Liên đoàn Lao động")), List.of(), List.of())));
        assertEquals(0, countSubscriptionAlerts(strike, subscription(List.of("disputes"), List.of(),
                List.of("Nghệ An"), List.of())), "another province");
        assertEquals(0, countSubscriptionAlerts(strike, subscription(List.of("safety"), List.of(), List.of(),
                List.of())), "another topic");
        assertEquals(0, countSubscriptionAlerts(strike, subscription(List.of(), List.of(), List.of(),
                List.of("sa thải"))), "another keyword");
    }

    @Test
    void keywordsMatchWhateverTheCaseAndTonePlacement() {
        EnrichedArticle article = article("s2", "Hoà giải tranh chấp", STRIKE_BODY.replace("đối thoại", "hoà giải"));

        assertEquals(1, countSubscriptionAlerts(article, subscription(List.of(), List.of(), List.of(),
                List.of("HÒA GIẢI"))));
    }

    private static long countSubscriptionAlerts(EnrichedArticle article, Subscription subscription) {
        return alerts(article, subscription).stream().filter(a -> a.rule().equals(subscription.id())).count();
    }

    @Test
    void defaultRulesFindTheAlertArticlesOfTheLabelledCorpus() throws IOException {
        int alertArticles = 0;
        int caught = 0;
        int quietArticles = 0;
        int falseAlarms = 0;
        try (InputStream in = AlerterTest.class.getResourceAsStream("/labelled/articles.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode gold = TestJson.mapper().readTree(line);
                boolean raised = !alerts(article(gold.path("id").asText(), gold.path("title").asText(),
                        gold.path("text").asText())).isEmpty();
                if (gold.path("alert").asBoolean()) {
                    alertArticles++;
                    caught += raised ? 1 : 0;
                } else {
                    quietArticles++;
                    falseAlarms += raised ? 1 : 0;
                }
            }
        }
        // Measured on the 32 articles (10 alert articles): see the README.
        assertTrue(caught >= 0.8 * alertArticles, caught + " of " + alertArticles + " alert articles raised an alert");
        assertTrue(falseAlarms <= 0.1 * quietArticles, falseAlarms + " of " + quietArticles + " others raised one");
    }
}
