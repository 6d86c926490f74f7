package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.TopicReader;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;
import vn.unionnews.testkit.KafkaBroker;
import vn.unionnews.testkit.KafkaBrokerExtension;

/**
 * Every input of {@code produce} ends as sent, sent truncated or dead-lettered with the reason, against a real
 * broker: the DLQ keeps the bytes exactly as read, a body over the limit is cut and flagged, an event larger than
 * the producer may send is dead-lettered with advice, the producer creates only the topics it writes, and an
 * unreachable cluster fails a command at once, naming the address.
 */
@ExtendWith(KafkaBrokerExtension.class)
class ProduceAccountingIntegrationTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static UnionNewsConfig config(KafkaBroker broker, Map<String, String> more) {
        Map<String, String> values = new HashMap<>(more);
        values.put(UnionNewsConfig.BOOTSTRAP_SERVERS, broker.bootstrapServers());
        values.put(UnionNewsConfig.TOPIC_PREFIX, broker.uniquePrefix("accounting"));
        UnionNewsConfig config = UnionNewsConfig.defaults(values);
        TopicAdmin.ensureTopics(config, config.topics().producers());
        return config;
    }

    /** A union report of distinct paragraphs, about {@code chars} characters long. */
    private static String longReport(int chars) {
        StringBuilder text = new StringBuilder("Báo cáo tổng kết công tác công đoàn nhiều năm\n\n");
        for (int i = 1; text.length() < chars; i++) {
            text.append("Trong năm thứ ").append(i).append(", Liên đoàn Lao động tỉnh Lào Cai đã kết nạp ")
                    .append(100 + i).append(" đoàn viên mới và thành lập ").append(i % 17 + 1)
                    .append(" công đoàn cơ sở tại các doanh nghiệp trên địa bàn tỉnh.\n\n");
        }
        return text.toString();
    }

    private static ArticlePublisher.Report publish(UnionNewsConfig config, List<PageInput> inputs) {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            return publisher.publish(inputs, done -> { });
        }
    }

    /** The DLQ's letters by their input ({@code topic} of a producer's letter). */
    private static Map<String, JsonNode> deadLetters(UnionNewsConfig config) {
        Map<String, JsonNode> letters = new HashMap<>();
        try (TopicReader reader = new TopicReader(config, config.topics().dlq())) {
            reader.readToEnd(event -> letters.put(json(event.json()).path("topic").asText(), json(event.json())),
                    DEADLINE);
        }
        return letters;
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new AssertionError(text, e);
        }
    }

    @Test
    void theDlqKeepsTheBytesAsReadAndTheirTextOnlyWhenTheyAreUtf8(KafkaBroker broker) throws Exception {
        UnionNewsConfig config = config(broker, Map.of());
        byte[] binary = new byte[200_000];
        new Random(13).nextBytes(binary);
        Path binaryFile = Files.write(dir.resolve("photo.txt"), binary);
        byte[] badLine = "{\"text\": \"Công nhân \u00ff".getBytes(StandardCharsets.UTF_8);
        badLine[badLine.length - 1] = (byte) 0xC3; // a character cut in half: not UTF-8
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        lines.writeBytes("{\"html\": \"<ul><li>Trang chủ</li></ul>\"}\n".getBytes(StandardCharsets.UTF_8));
        lines.writeBytes(badLine);
        Path jsonl = Files.write(dir.resolve("pages.jsonl"), lines.toByteArray());

        ArticlePublisher.Report report = publish(config, PageInputs.fromPaths(List.of(binaryFile, jsonl)));

        assertEquals(3, report.count(ArticlePublisher.Fate.DEAD_LETTERED), report.failures().toString());
        Map<String, JsonNode> letters = deadLetters(config);
        JsonNode photo = letters.get(binaryFile.toString());
        assertArrayEquals(binary, Base64.getDecoder().decode(photo.get("originalValueBase64").asText()),
                "the file's bytes, not their text re-encoded");
        assertEquals(200_000, photo.get("originalValueBytes").asInt());
        assertTrue(photo.path("originalValueText").isNull(), "random bytes are no UTF-8 text");
        JsonNode cut = letters.get(jsonl + ":2");
        assertArrayEquals(badLine, Base64.getDecoder().decode(cut.get("originalValueBase64").asText()));
        assertTrue(cut.path("originalValueText").isNull());
        JsonNode menu = letters.get(jsonl + ":1");
        assertEquals("{\"html\": \"<ul><li>Trang chủ</li></ul>\"}", menu.get("originalValueText").asText());
        assertTrue(menu.get("error").asText().length() > 10, menu.toString());
    }

    @Test
    void aBodyOverTheLimitIsSentCutAndFlaggedAndAnEventTooLargeIsDeadLetteredWithAdvice(KafkaBroker broker)
            throws Exception {
        UnionNewsConfig config = config(broker, Map.of());
        Path huge = Files.writeString(dir.resolve("huge.txt"), longReport(1_000_000));

        ArticlePublisher.Report sent = publish(config, PageInputs.fromPaths(List.of(huge)));

        assertEquals(ArticlePublisher.Fate.SENT_TRUNCATED, sent.outcomes().get(0).fate(), sent.outcomes().toString());
        assertTrue(sent.outcomes().get(0).toString().contains("200,000 characters"), sent.outcomes().toString());
        Map<String, JsonNode> events = new HashMap<>();
        try (TopicReader reader = new TopicReader(config, config.topics().articles())) {
            reader.readToEnd(event -> events.put(event.key(), json(event.json())), DEADLINE);
        }
        JsonNode article = events.get(sent.sentIds().get(0));
        assertTrue(article.get("truncated").asBoolean());
        assertTrue(article.get("body").asText().length() <= ArticleEvent.MAX_BODY_CHARS);
        assertTrue(article.path("sentences").isMissingNode(), "the sentences travel as spans, not as a second copy");
        assertTrue(article.get("sentenceSpans").size() > 1000);

        UnionNewsConfig small = config(broker, Map.of("producer.max.request.size", "120000"));
        Path large = Files.writeString(dir.resolve("large.txt"), longReport(150_000));
        ArticlePublisher.Report refused = publish(small, PageInputs.fromPaths(List.of(large)));

        ArticlePublisher.Outcome outcome = refused.outcomes().get(0);
        assertEquals(ArticlePublisher.Fate.DEAD_LETTERED, outcome.fate(), refused.outcomes().toString());
        assertTrue(outcome.reason().contains("max.request.size of 120,000 bytes")
                && outcome.reason().contains("-D producer.max.request.size="), outcome.reason());
        JsonNode letter = deadLetters(small).get(large.toString());
        assertEquals(Files.size(large), letter.get("originalValueBytes").asLong());
        assertTrue(letter.path("originalValueBase64").isNull(), "too large to travel beside the reason");
        assertTrue(letter.get("error").asText().contains("max.request.size"), letter.toString());
    }

    @Test
    void theProducerCreatesOnlyTheTopicsItWritesAndReportsEachInput(KafkaBroker broker) throws Exception {
        String prefix = broker.uniquePrefix("produce-topics");
        Path page = Files.writeString(dir.resolve("menu.txt"), "Trang chủ\nGiới thiệu\nLiên hệ\n");

        CliRun run = CliRun.of("produce", "--bootstrap-servers", broker.bootstrapServers(), "--topic-prefix", prefix,
                RepoPaths.find("seeds").toString(), page.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.err().contains("Sent 5 article(s) (0 truncated), 1 dead-lettered"), run.err());
        assertTrue(run.err().contains(page + ": dead-lettered: "), run.err());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            Set<String> ours = new TreeSet<>(admin.listTopics().names().get());
            ours.removeIf(name -> !name.startsWith(prefix));
            assertEquals(Set.of(prefix + "articles", prefix + "dlq"), ours);
        }
    }

    @Test
    void everyCommandFailsAtOnceNamingAnAddressWhereNothingListens() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String address = "localhost:" + port;
        for (String command : List.of("produce", "streams", "consume", "alerts", "subscriptions", "topics")) {
            List<String> args = new ArrayList<>(List.of(command, "--bootstrap-servers", address,
                    "--connect-timeout", "2"));
            if (command.equals("produce")) {
                args.add(RepoPaths.find("seeds").toString());
            }
            CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRun.of(args.toArray(String[]::new)), command + " must give up within its timeout");

            assertEquals(2, run.exitCode(), command + ": " + run.err());
            String line = run.err().strip();
            assertFalse(line.contains("\n"), command + " says it in one line: " + line);
            assertTrue(line.contains("Cannot reach the Kafka cluster at " + address)
                    && line.contains(address + " refused the connection"), command + ": " + line);
            assertFalse(line.contains("articles.enriched"), line);
        }
    }
}
