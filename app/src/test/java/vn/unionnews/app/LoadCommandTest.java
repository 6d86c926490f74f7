package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
 * The load generator drives the whole pipeline on a real broker and reports what it measured: every page
 * summarised once, the strike pages' alerts, nothing dead-lettered. Its figures are printed, not asserted.
 */
@ExtendWith(KafkaBrokerExtension.class)
class LoadCommandTest {
    @Test
    void everyGeneratedPageIsSummarisedAndTheFiguresArePrinted(KafkaBroker broker) throws Exception {
        String prefix = broker.uniquePrefix("load");
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exit;
        try {
            // Pages 9 and 19 are long reports; 3, 7, 11 and 15 strike reports.
            exit = UnionNews.run("load", "--bootstrap-servers", broker.bootstrapServers(),
                    "--topic-prefix", prefix, "--pages", "20", "--long-every", "10",
                    "--strike-every", "4", "--consumers", "2", "--timeout", "120",
                    "--seeds", RepoPaths.find("seeds").toString());
        } finally {
            System.setOut(original);
        }
        String out = captured.toString(StandardCharsets.UTF_8);

        assertEquals(0, exit, out);
        assertTrue(out.contains("20 pages (2 long reports, 4 strike reports), 2 consumer(s)"), out);
        assertTrue(out.contains("summarised 20 of 20"), out);
        assertTrue(out.contains("latency, page acknowledged by Kafka → summary committed: p50 "), out);
        Matcher alerts = Pattern.compile("output: (\\d+) alert\\(s\\); dlq: 0 record\\(s\\)").matcher(out);
        assertTrue(alerts.find(), out);
        assertTrue(Integer.parseInt(alerts.group(1)) >= 4, "each strike report raises its default alert: " + out);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            assertEquals(List.of(), admin.listTopics().names().get().stream().filter(name -> name.startsWith(prefix))
                    .toList(), "a run on a real cluster deletes its topics");
        }
    }
}
