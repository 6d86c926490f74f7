package vn.unionnews.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

class DeadLettersTest {
    private static final String DLQ = "union-news.dlq";
    private static final DeadLetters.Origin ORIGIN =
            new DeadLetters.Origin("streams", "union-news.articles", 2, 1417L);
    private static final byte[] KEY = "bdf0d9a903f8d4d9".getBytes(StandardCharsets.UTF_8);

    private static JsonNode value(ProducerRecord<byte[], byte[]> record) throws IOException {
        return Json.mapper().readTree(new String(record.value(), StandardCharsets.UTF_8));
    }

    @Test
    void keepsTheOriginalKeyAndSaysWhereTheRecordCameFrom() throws IOException {
        byte[] value = "{\"schemaVersion\": 1, \"body\": \"Nội dung.\"}".getBytes(StandardCharsets.UTF_8);

        ProducerRecord<byte[], byte[]> record = DeadLetters.record(DLQ, ORIGIN, KEY, value,
                new SerializationException("Cannot read ArticleEvent from union-news.articles: article event without an id"));

        assertEquals(DLQ, record.topic());
        assertArrayEquals(KEY, record.key());
        JsonNode json = value(record);
        assertEquals(1, json.get("schemaVersion").asInt());
        assertEquals("streams", json.get("stage").asText());
        assertEquals("union-news.articles", json.get("topic").asText());
        assertEquals(2, json.get("partition").asInt());
        assertEquals(1417L, json.get("offset").asLong());
        assertEquals("bdf0d9a903f8d4d9", json.get("originalKey").asText());
        assertEquals(SerializationException.class.getName(), json.get("exception").asText());
        assertTrue(json.get("failedAt").isTextual(), "failedAt is an ISO-8601 string");
    }

    @Test
    void reasonNamesTheErrorAndEveryCause() throws IOException {
        Exception error = new IllegalStateException("Cannot enrich article bdf0d9a903f8d4d9",
                new IllegalArgumentException("no sentence in the body", new ArithmeticException("/ by zero")));

        JsonNode json = value(DeadLetters.record(DLQ, ORIGIN, KEY, new byte[] {'{', '}'}, error));

        assertEquals("Cannot enrich article bdf0d9a903f8d4d9 <- no sentence in the body <- / by zero",
                json.get("error").asText());
    }

    @Test
    void reasonOfAnErrorWithoutMessageIsItsNameAndWhereItWasThrown() throws IOException {
        JsonNode json = value(DeadLetters.record(DLQ, ORIGIN, KEY, new byte[] {'{', '}'}, new NullPointerException()));

        assertEquals("NullPointerException", json.get("error").asText());
        assertTrue(json.get("thrownAt").asText().startsWith(DeadLettersTest.class.getName()
                + ".reasonOfAnErrorWithoutMessageIsItsNameAndWhereItWasThrown("), json.toString());
    }

    @Test
    void keepsTheOriginalBytesAndTheirTextWhenTheyAreUtf8() throws IOException {
        byte[] value = "{\"title\": \"Các cấp công đoàn quan tâm phát triển tổ chức và đoàn viên\"}"
                .getBytes(StandardCharsets.UTF_8);

        JsonNode json = value(DeadLetters.record(DLQ, ORIGIN, KEY, value, new IllegalStateException("boom")));

        assertArrayEquals(value, Base64.getDecoder().decode(json.get("originalValueBase64").asText()));
        assertEquals(new String(value, StandardCharsets.UTF_8), json.get("originalValueText").asText());
    }

    @Test
    void keepsTheOriginalBytesButNoTextWhenTheyAreNotUtf8() throws IOException {
        byte[] value = {(byte) 0xC3, (byte) 0x28, 0x00, (byte) 0xFF, (byte) 0xFE, 'L', (byte) 0xD0};

        JsonNode json = value(DeadLetters.record(DLQ, ORIGIN, KEY, value, new SerializationException("Invalid UTF-8")));

        assertArrayEquals(value, Base64.getDecoder().decode(json.get("originalValueBase64").asText()));
        assertTrue(json.get("originalValueText").isNull(), json.toString());
    }

    @Test
    void nullKeyAndValueStayNull() throws IOException {
        ProducerRecord<byte[], byte[]> record = DeadLetters.record(DLQ, ORIGIN, null, null,
                new IllegalStateException("tombstone on a table that allows none"));

        JsonNode json = value(record);
        assertNull(record.key());
        assertTrue(json.get("originalKey").isNull());
        assertTrue(json.get("originalValueBase64").isNull());
        assertTrue(json.get("originalValueText").isNull());
    }

    @Test
    void setsTheStageHeader() {
        ProducerRecord<byte[], byte[]> record = DeadLetters.record(DLQ, new DeadLetters.Origin("consumer",
                "union-news.articles.enriched", 0, 7L), KEY, new byte[] {1, 2, 3}, new IllegalStateException("boom"));

        assertEquals("consumer", EventHeaders.get(record.headers(), EventHeaders.STAGE));
        int stageHeaders = 0;
        for (Header ignored : record.headers().headers(EventHeaders.STAGE)) {
            stageHeaders++;
        }
        assertEquals(1, stageHeaders);
    }

    @Test
    void aValueTooLargeForTheRecordLosesItsTextFirstThenItsBase64AndTellsItsLength() throws IOException {
        byte[] text = "Nội dung bài báo. ".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        Exception error = new IllegalArgumentException("not an article");
        int whole = DeadLetters.record(DLQ, ORIGIN, KEY, text, error, 10_000_000).value().length;

        JsonNode roomy = value(DeadLetters.record(DLQ, ORIGIN, KEY, text, error, 10_000_000));
        JsonNode noText = value(DeadLetters.record(DLQ, ORIGIN, KEY, text, error, whole + 16 * 1024 - 1));
        ProducerRecord<byte[], byte[]> tight = DeadLetters.record(DLQ, ORIGIN, KEY, text, error, 64 * 1024);

        assertTrue(roomy.hasNonNull("originalValueText") && roomy.hasNonNull("originalValueBase64"));
        assertNull(noText.get("originalValueText").textValue(), "the text goes first");
        assertArrayEquals(text, Base64.getDecoder().decode(noText.get("originalValueBase64").asText()));
        assertNull(value(tight).get("originalValueBase64").textValue(), "then the Base64");
        assertTrue(tight.value().length < 64 * 1024);
        for (JsonNode json : new JsonNode[] {roomy, noText, value(tight)}) {
            assertEquals(text.length, json.get("originalValueBytes").asInt());
            assertEquals("not an article", json.get("error").asText());
        }
    }

    @Test
    void theRecordLimitIsTheProducersMaxRequestSize() {
        assertEquals(DeadLetters.DEFAULT_MAX_REQUEST_SIZE, DeadLetters.maxRequestSize(Map.of()));
        assertEquals(5_000_000, DeadLetters.maxRequestSize(Map.of("max.request.size", "5000000")));
        assertEquals(2_000_000, DeadLetters.maxRequestSize(Map.of("max.request.size", "5000000",
                "producer.max.request.size", "2000000")));
    }
}
