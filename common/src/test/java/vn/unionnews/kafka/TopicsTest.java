package vn.unionnews.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void namesTheContractTopicsBehindTheDefaultPrefix() {
        Topics topics = new Topics(null);

        assertEquals("union-news.articles", topics.articles());
        assertEquals("union-news.articles.enriched", topics.enriched());
        assertEquals("union-news.org-stats", topics.orgStats());
        assertEquals("union-news.province-stats", topics.provinceStats());
        assertEquals("union-news.output", topics.output());
        assertEquals("union-news.subscriptions", topics.subscriptions());
        assertEquals("union-news.dlq", topics.dlq());
        assertEquals("union-news.alerts-raised", topics.alertsRaised());
    }

    @Test
    void compactsOnlyTheTablesChangelogs() {
        assertEquals(List.of(
                new Topics.Spec("test.articles", false),
                new Topics.Spec("test.articles.enriched", false),
                new Topics.Spec("test.org-stats", true),
                new Topics.Spec("test.province-stats", true),
                new Topics.Spec("test.output", false),
                new Topics.Spec("test.subscriptions", true),
                new Topics.Spec("test.alerts-raised", true, 3),
                new Topics.Spec("test.dlq", false)), new Topics("test.").all());
    }
}
