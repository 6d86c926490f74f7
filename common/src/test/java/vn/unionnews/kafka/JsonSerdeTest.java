package vn.unionnews.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.event.EnrichedArticle;
import vn.unionnews.event.SourceOrg;
import vn.unionnews.event.TopicScore;

class JsonSerdeTest {
    private static final String TOPIC = "union-news.articles";
    private static final JsonSerde<ArticleEvent> SERDE = JsonSerde.of(ArticleEvent.class);
    private static final ArticleEvent ARTICLE = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "bdf0d9a903f8d4d9",
            "https://baolaocai.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien",
            new SourceOrg("Báo Lào Cai", "media"), Instant.parse("2022-01-14T03:15:00Z"), "2022-01-14",
            "Các cấp công đoàn quan tâm phát triển tổ chức và đoàn viên",
            "LCĐT – Đó là chỉ đạo của đồng chí Vũ Xuân Cường.\n\nDự hội nghị có các đồng chí Ủy viên Ban Chấp hành.",
            null, null,
            List.of("LCĐT – Đó là chỉ đạo của đồng chí Vũ Xuân Cường.", "Dự hội nghị có các đồng chí Ủy viên Ban Chấp hành."),
            "Các cấp công đoàn quan tâm phát triển tổ chức và đoàn viên", List.of("Quang cảnh hội nghị."));

    @Test
    void articleEventSurvivesTheRoundTrip() {
        assertEquals(ARTICLE, SERDE.deserialize(TOPIC, SERDE.serialize(TOPIC, ARTICLE)));
    }

    @Test
    void writesUtf8JsonWithSchemaVersionAndIsoTimes() throws Exception {
        byte[] bytes = SERDE.serialize(TOPIC, ARTICLE);
        JsonNode json = Json.mapper().readTree(new String(bytes, StandardCharsets.UTF_8));

        assertEquals(2, json.get("schemaVersion").asInt());
        assertEquals("2022-01-14T03:15:00Z", json.get("fetchedAt").asText());
        assertEquals("Báo Lào Cai", json.get("source").get("name").asText());
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("Các cấp công đoàn"), "Vietnamese stays readable");
    }

    @Test
    void sentencesTravelAsCodePointSpansOfTheBodyNotAsASecondCopy() throws Exception {
        // An emoji is two UTF-16 units and one code point: the spans count code points, as Python's str does.
        String body = "Công nhân 😀 vui. Họ trở lại làm việc.\n\nCông ty trả đủ lương.";
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "a1", null, null, null, null, "Tiêu đề",
                body, null, null, List.of("Công nhân 😀 vui.", "Họ trở lại làm việc.", "Công ty trả đủ lương."), null,
                null);

        JsonNode json = Json.mapper().readTree(SERDE.serialize(TOPIC, article));

        assertNull(json.get("sentences"), "no second copy of the text");
        assertEquals("[[0,16],[17,37],[39,60]]", json.get("sentenceSpans").toString());
        assertEquals(article, SERDE.deserialize(TOPIC, SERDE.serialize(TOPIC, article)));
    }

    @Test
    void sentencesNotFoundInTheBodyTravelAsText() throws Exception {
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "a1", null, null, null, null, null,
                "Nội dung.", null, null, List.of("Một câu khác."), null, null, true);

        JsonNode json = Json.mapper().readTree(SERDE.serialize(TOPIC, article));

        assertEquals("[\"Một câu khác.\"]", json.get("sentences").toString());
        assertNull(json.get("sentenceSpans"));
        assertTrue(json.get("truncated").asBoolean());
        assertEquals(article, SERDE.deserialize(TOPIC, SERDE.serialize(TOPIC, article)));
    }

    @Test
    void aVersionOneRecordWithSentencesIsRead() {
        String json = "{\"schemaVersion\": 1, \"id\": \"a1\", \"body\": \"Câu một. Câu hai.\","
                + " \"sentences\": [\"Câu một.\", \"Câu hai.\"]}";

        ArticleEvent read = SERDE.deserialize(TOPIC, json.getBytes(StandardCharsets.UTF_8));

        assertEquals(List.of("Câu một.", "Câu hai."), read.sentences());
        assertFalse(read.truncated());
    }

    @Test
    void anEnrichedArticleCarriesItsSentencesAsSpansAndAVersionOneOneIsRead() throws Exception {
        JsonSerde<EnrichedArticle> serde = JsonSerde.of(EnrichedArticle.class);
        ArticleEvent article = new ArticleEvent(ArticleEvent.SCHEMA_VERSION, "a1", null, null, null, null, "Tiêu đề",
                "Câu một có chữ Đ.\n\nCâu hai.", null, null, List.of("Câu một có chữ Đ.", "Câu hai."), null, null);
        EnrichedArticle enriched = EnrichedArticle.of(article, List.of(new TopicScore("disputes", 0.9)), "disputes",
                List.of(), List.of());

        JsonNode json = Json.mapper().readTree(serde.serialize(TOPIC, enriched));

        assertNull(json.get("sentences"), "no second copy of the text");
        assertEquals("[[0,17],[19,27]]", json.get("sentenceSpans").toString());
        assertEquals(enriched, serde.deserialize(TOPIC, serde.serialize(TOPIC, enriched)));
        String versionOne = "{\"schemaVersion\": 1, \"id\": \"a1\", \"body\": \"Câu một. Câu hai.\","
                + " \"sentences\": [\"Câu một.\", \"Câu hai.\"], \"primaryTopic\": \"other\"}";
        assertEquals(List.of("Câu một.", "Câu hai."),
                serde.deserialize(TOPIC, versionOne.getBytes(StandardCharsets.UTF_8)).sentences());
    }

    @Test
    void aSpanOutsideTheBodyIsASerializationExceptionNamingTheArticle() {
        byte[] json = "{\"schemaVersion\": 2, \"id\": \"a1\", \"body\": \"Ngắn.\", \"sentenceSpans\": [[0, 99]]}"
                .getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class, () -> SERDE.deserialize(TOPIC, json));

        assertTrue(e.getMessage().contains("a1") && e.getMessage().contains("[0, 99]"), e.getMessage());
    }

    @Test
    void readerIgnoresFieldsItDoesNotKnow() {
        String json = """
                {"schemaVersion": 2, "id": "a1", "body": "Nội dung.", "title": "Tiêu đề",
                 "source": {"name": "Báo Lào Cai", "type": "media", "website": "baolaocai.vn"},
                 "readingMinutes": 3, "tags": ["công đoàn"], "layout": {"hero": true}}
                """;

        ArticleEvent read = SERDE.deserialize(TOPIC, json.getBytes(StandardCharsets.UTF_8));

        assertEquals("a1", read.id());
        assertEquals("Tiêu đề", read.title());
        assertEquals(new SourceOrg("Báo Lào Cai", "media"), read.source());
        assertEquals(List.of(), read.sentences());
    }

    @Test
    void missingIdIsASerializationExceptionThatSaysSo() {
        byte[] json = "{\"schemaVersion\": 1, \"body\": \"Nội dung.\"}".getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class, () -> SERDE.deserialize(TOPIC, json));

        assertTrue(e.getMessage().contains("without an id"), e.getMessage());
        assertTrue(e.getMessage().contains("ArticleEvent") && e.getMessage().contains(TOPIC), e.getMessage());
    }

    @Test
    void missingBodyIsASerializationExceptionNamingTheArticle() {
        byte[] json = "{\"schemaVersion\": 1, \"id\": \"a1\"}".getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class, () -> SERDE.deserialize(TOPIC, json));

        assertTrue(e.getMessage().contains("a1 without a body"), e.getMessage());
    }

    @Test
    void invalidJsonIsASerializationException() {
        byte[] json = "{\"id\": \"a1\", \"body\": ".getBytes(StandardCharsets.UTF_8);

        SerializationException e = assertThrows(SerializationException.class, () -> SERDE.deserialize(TOPIC, json));

        assertTrue(e.getMessage().startsWith("Cannot read ArticleEvent from " + TOPIC + ": "), e.getMessage());
    }

    @Test
    void randomBytesAreASerializationException() {
        Random random = new Random(20220114);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(300)];
            random.nextBytes(bytes);
            assertThrows(SerializationException.class, () -> SERDE.deserialize(TOPIC, bytes));
        }
    }

    @Test
    void jsonNullIsASerializationException() {
        SerializationException e = assertThrows(SerializationException.class,
                () -> SERDE.deserialize(TOPIC, "null".getBytes(StandardCharsets.UTF_8)));

        assertTrue(e.getMessage().contains("JSON null"), e.getMessage());
    }

    @Test
    void nullIsATombstoneBothWays() {
        assertNull(SERDE.serialize(TOPIC, null));
        assertNull(SERDE.deserialize(TOPIC, null));
        assertNull(SERDE.serializer().serialize(TOPIC, null));
        assertNull(SERDE.deserializer().deserialize(TOPIC, null));
    }
}
