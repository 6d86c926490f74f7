package vn.unionnews.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleEventTest {
    private static final String BODY = "Trong những năm qua, công tác chỉ đạo, quản lý hội quần chúng tỉnh Điện Biên"
            + " luôn được các cấp ủy Đảng, chính quyền quan tâm chỉ đạo.";

    private static ArticleEvent article(String id, Instant fetchedAt, String title, String body) {
        return new ArticleEvent(ArticleEvent.SCHEMA_VERSION, id, null,
                new SourceOrg("Liên đoàn Lao động tỉnh Điện Biên", "provincial_federation"), fetchedAt,
                "2017-09-15T05:22:00+07:00", title, body, "Vũ Thị Tươi - Trưởng ban TGNC", null, null, null, null);
    }

    @Test
    void rejectsAnArticleWithoutId() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> article(null, null, "Tiêu đề", BODY));
        assertThrows(IllegalArgumentException.class, () -> article("  ", null, "Tiêu đề", BODY));

        assertTrue(missing.getMessage().contains("without an id"), missing.getMessage());
    }

    @Test
    void rejectsAnArticleWithoutBodyNamingItsId() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> article("02503a3991b040c3", null, "Tiêu đề", null));

        assertTrue(e.getMessage().contains("02503a3991b040c3"), e.getMessage());
    }

    @Test
    void fillsAnUnknownSourceAndNoSentences() {
        ArticleEvent event = new ArticleEvent(1, "a1", null, null, null, null, null, BODY, null, null, null, null, null);

        assertEquals(SourceOrg.UNKNOWN, event.source());
        assertEquals(List.of(), event.sentences());
    }

    @Test
    void contentDigestIgnoresTheFetchTime() {
        assertEquals(article("a1", Instant.parse("2017-09-15T00:00:00Z"), "Tiêu đề", BODY).contentDigest(),
                article("a1", Instant.parse("2024-03-01T08:30:00Z"), "Tiêu đề", BODY).contentDigest());
    }

    @Test
    void contentDigestChangesWithTheContent() {
        String digest = article("a1", null, "Tiêu đề", BODY).contentDigest();

        assertNotEquals(digest, article("a1", null, "Tiêu đề mới", BODY).contentDigest());
        assertNotEquals(digest, article("a1", null, "Tiêu đề", BODY + " Bổ sung.").contentDigest());
    }

    @Test
    void contentDigestIsPinnedBecauseStateStoresKeepIt() {
        // SHA-256 over url, source name, source type, publishedAt, title, body, author, category joined by NUL.
        ArticleEvent event = new ArticleEvent(1, "a1", "https://example.vn/a", new SourceOrg("Báo Lào Cai", "media"),
                Instant.EPOCH, "2022-01-14", "Tiêu đề", "Nội dung.", null, null, List.of("Nội dung."), null,
                List.of("Quang cảnh hội nghị."));

        assertEquals("87c2fe7c6286f7fb29cc05634274b18727004a36e1e21fd29b924fe32f82e08f", event.contentDigest());
    }
}
