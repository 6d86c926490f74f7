package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * A small chaos run on a real broker: the Streams and consumer JVMs are each killed twice with SIGKILL while the
 * pages flow, and still every article has one summary, every alert is there once, the aggregates match a recount
 * and the DLQ is empty; the run's topics are deleted afterwards.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ChaosCommandTest {
    @Test
    void killedStagesStillGiveOneSummaryPerArticleAndExactAggregates(KafkaBroker broker) throws Exception {
        String prefix = broker.uniquePrefix("chaos");
        CliRun run = CliRun.of("chaos", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix,
                "--articles", "60", "--kills", "2", "--rate", "5", "--seed", "13", "--timeout", "120",
                "--seeds", RepoPaths.find("seeds").toString());
        String out = run.out();
        System.out.println(out + run.err());

        assertEquals(0, run.exitCode(), out + run.err());
        // Pages 24 and 49 are long reports; 4, 9, …, 59 but those two strike reports.
        assertTrue(out.contains("60 articles (10 strike reports, 2 long reports) at 5 pages/s, 2 SIGKILLs per stage,"
                + " seed 13"), out);
        assertTrue(out.contains("published 60 articles in "), out);
        assertTrue(out.contains("SIGKILLs: streams 2, consumer 2"), out);
        assertTrue(out.contains("every article summarised"), out);
        assertTrue(out.contains("summaries: 60 for 60 articles, 0 duplicate(s), 0 missing, 0 of unknown articles"), out);
        Matcher alerts = Pattern.compile("\\((\\d+) of (\\d+) due to the articles, \\d+ spikes\\), 0 duplicate\\(s\\),"
                + " 0 lost, 0 unexpected").matcher(out);
        assertTrue(alerts.find(), out);
        assertEquals(alerts.group(2), alerts.group(1));
        assertTrue(Integer.parseInt(alerts.group(1)) >= 10, "each strike report raises its default alert: " + out);
        Matcher aggregates = Pattern.compile("aggregates: (\\d+) organisations in org-stats checked against a recount"
                + " of 60 enriched articles, 0 mismatch\\(es\\)").matcher(out);
        assertTrue(aggregates.find(), out);
        assertTrue(Integer.parseInt(aggregates.group(1)) >= 5, "the strike reports' companies at least: " + out);
        assertTrue(out.contains("dlq: 0 record(s)"), out);
        assertTrue(out.contains("unexpected child exits: streams 0, consumer 0"), out);
        assertTrue(out.contains("Every check holds."), out);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertEquals(List.of(), admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix))
                    .toList(), "a run on a real cluster deletes its topics");
        }
    }
}
