package vn.unionnews.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.WakeupException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.event.AlertEvent;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "alerts", description = {"Print the alerts in the output topic.",
        "Reads the topic from its beginning; --follow keeps printing new ones until Ctrl-C."})
final class AlertsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Only alerts of this taxonomy topic id.")
    String topic;

    @Option(names = "--org", paramLabel = "ORG", description = "Only alerts whose title or reason names ORG (any case).")
    String org;

    @Option(names = "--severity", paramLabel = "info|warning|critical", description = "Only alerts of this severity.")
    String severity;

    @Option(names = "--follow", description = "Keep reading new alerts until Ctrl-C.")
    boolean follow;

    @Override
    public Integer call() {
        if (severity != null && !Subscription.SEVERITIES.contains(severity)) {
            throw new IllegalArgumentException("unknown severity '" + severity + "'; severities are "
                    + String.join(", ", Subscription.SEVERITIES));
        }
        UnionNewsConfig config = kafka.connect();
        TopicAdmin.ensureTopics(config);
        String output = config.topics().output();
        if (follow) {
            follow(config, output);
        } else {
            try (TopicReader reader = new TopicReader(config, output)) {
                reader.readToEnd(event -> print(output, event), SubscriptionsCommand.READ_DEADLINE);
            }
        }
        return 0;
    }

    /** Prints alerts as they arrive until the JVM shuts down: Ctrl-C wakes the reader up. */
    private void follow(UnionNewsConfig config, String output) {
        CountDownLatch closed = new CountDownLatch(1);
        try (TopicReader reader = new TopicReader(config, output)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                reader.wakeup();
                try {
                    closed.await(15, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "union-news-alerts-stop"));
            reader.read(event -> {
                print(output, event);
                return true;
            }, ChronoUnit.FOREVER.getDuration());
        } catch (WakeupException e) {
            // Ctrl-C: the reader is closed, nothing more to print
        } finally {
            closed.countDown();
        }
    }

    private void print(String output, TopicReader.Event event) {
        if (!AlertEvent.EVENT_TYPE.equals(event.eventType())) {
            return;
        }
        AlertEvent alert;
        try {
            alert = Json.mapper().readValue(event.json(), AlertEvent.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            System.err.printf("union-news: skipping unreadable alert %s at %s-%d@%d: %s%n", event.key(), output,
                    event.partition(), event.offset(), e.getMessage());
            return;
        }
        if (matches(alert)) {
            System.out.println(block(alert));
            System.out.flush();
        }
    }

    private boolean matches(AlertEvent alert) {
        return (topic == null || topic.equals(alert.topic()))
                && (severity == null || severity.equals(alert.severity()))
                && (org == null || contains(alert.reason(), org) || contains(alert.title(), org));
    }

    private static boolean contains(String text, String part) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT));
    }

    /** One alert as the command prints it: a headline, then rule, reason and summary indented. */
    static String block(AlertEvent alert) {
        return "[" + alert.severity() + "] " + alert.topic() + " — " + alert.title()
                + "\n  rule: " + alert.rule()
                + "\n  reason: " + alert.reason()
                + "\n  summary: " + alert.summary();
    }
}
