package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleIdsTest {
    private static final String URL = "https://baolaocai.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien";
    private static final String TITLE = "Các cấp công đoàn quan tâm phát triển tổ chức và đoàn viên";
    private static final String BODY = "LCĐT – Đó là chỉ đạo của đồng chí Vũ Xuân Cường, Phó Bí thư Thường trực Tỉnh ủy,"
            + " Chủ tịch HĐND tỉnh tại hội nghị Ban Chấp hành lần thứ 10.\n\nDự hội nghị có các đồng chí Ủy viên"
            + " Ban Chấp hành, Ủy viên Ủy ban Kiểm tra LĐLĐ tỉnh khóa XVI, nhiệm kỳ 2018 – 2023.";

    @ParameterizedTest
    @ValueSource(strings = {
            URL,
            URL + "/",
            URL + "?utm_source=facebook&utm_medium=social&utm_campaign=tet",
            URL + "?fbclid=IwAR0abc",
            URL + "#binh-luan",
            URL + "/?utm_source=zalo#binh-luan",
            "http://baolaocai.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien",
            "https://www.baolaocai.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien",
            "HTTPS://WWW.BaoLaoCai.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien",
            "  " + URL + "  "})
    void sameArticleUrlGivesTheSameIdWhateverTheTrackingAndSpelling(String variant) {
        assertEquals(ArticleIds.forPage(URL, TITLE, BODY), ArticleIds.forPage(variant, TITLE, BODY));
    }

    @Test
    void orderOfRealQueryParametersDoesNotMatter() {
        assertEquals(ArticleIds.forPage("https://ldld.laocai.gov.vn/news?cat=5&id=1234", null, BODY),
                ArticleIds.forPage("https://ldld.laocai.gov.vn/news?id=1234&utm_source=x&cat=5", null, BODY));
    }

    @Test
    void differentUrlsGiveDifferentIds() {
        Set<String> ids = Stream.of(
                        URL,
                        URL + "-2",
                        "https://baolaocai.vn/vung-tru-cot-an-sinh",
                        "https://laichau.vn/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien",
                        "https://ldld.laocai.gov.vn/news?id=1234",
                        "https://ldld.laocai.gov.vn/news?id=1235",
                        "https://baolaocai.vn:8443/cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien")
                .map(url -> ArticleIds.forPage(url, TITLE, BODY))
                .collect(Collectors.toSet());

        assertEquals(7, ids.size());
    }

    @Test
    void urlAloneDecidesTheIdWhenThereIsOne() {
        assertEquals(ArticleIds.forPage(URL, TITLE, BODY), ArticleIds.forPage(URL, "Tiêu đề khác", "Nội dung khác."));
    }

    @Test
    void idsAreSixteenLowerCaseHexDigits() {
        for (String id : new String[] {ArticleIds.forPage(URL, TITLE, BODY), ArticleIds.forPage(null, TITLE, BODY),
                ArticleIds.forPage(null, null, "")}) {
            assertTrue(id.matches("[0-9a-f]{16}"), id);
        }
    }

    @Test
    void withoutUrlTheIdComesFromTitleAndBody() {
        String id = ArticleIds.forPage(null, TITLE, BODY);

        assertEquals(id, ArticleIds.forPage("", TITLE, BODY));
        assertEquals(id, ArticleIds.forPage("   ", TITLE, BODY));
        assertNotEquals(id, ArticleIds.forPage(URL, TITLE, BODY));
    }

    @Test
    void textIdIgnoresWhitespaceCaseAndUnicodeForm() {
        String id = ArticleIds.forPage(null, TITLE, BODY);

        assertEquals(id, ArticleIds.forPage(null, "  " + TITLE.toUpperCase() + "\n", BODY));
        assertEquals(id, ArticleIds.forPage(null, TITLE, BODY.replace(" ", "  ").replace("\n\n", "\n")));
        assertEquals(id, ArticleIds.forPage(null, TITLE, BODY.replace(" ", "\u00A0")));
        assertEquals(id, ArticleIds.forPage(null, Normalizer.normalize(TITLE, Normalizer.Form.NFD),
                Normalizer.normalize(BODY, Normalizer.Form.NFD)));
    }

    @Test
    void textIdDiffersForDifferentBodiesOrTitles() {
        String id = ArticleIds.forPage(null, TITLE, BODY);

        assertNotEquals(id, ArticleIds.forPage(null, TITLE, BODY.replace("lần thứ 10", "lần thứ 11")));
        assertNotEquals(id, ArticleIds.forPage(null, "Vững trụ cột an sinh", BODY));
        assertNotEquals(id, ArticleIds.forPage(null, null, BODY));
    }

    @Test
    void idsArePinnedBecauseKafkaKeysAndStateStoresKeepThem() {
        // SHA-256 of "url:<canonical url>" and of "text:<folded title>\n<folded body>", first 16 hex digits.
        assertEquals("6577c77e6cbed877", ArticleIds.forPage("http://www.baolaocai.vn/"
                + "cac-cap-cong-doan-quan-tam-phat-trien-to-chuc-va-doan-vien/?utm_source=facebook", null, ""));
        assertEquals("f5b15c4eef32e510", ArticleIds.forPage(null, "Vững trụ cột an sinh",
                "An sinh xã hội luôn là\n\nchủ trương lớn."));
    }
}
