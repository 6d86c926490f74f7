package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HTML read by its markup first, each test one signal real newspaper and union sites give: the article's container,
 * its sapo, figures and caption markup, the headline, boxes of links and comments.
 */
class HtmlPagesTest {
    private static final String FIRST = "Sáng 12/3, Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị tổng kết công tác"
            + " công đoàn năm 2022 và triển khai nhiệm vụ năm 2023 với sự tham dự của hơn 200 đại biểu.";
    private static final String SHORT = "Hội nghị đã thông qua nghị quyết.";
    private static final String SECOND = "Trong năm qua, các cấp công đoàn đã kết nạp mới được 12.345 đoàn viên, thành lập"
            + " 85 công đoàn cơ sở và tổ chức 1.200 buổi tuyên truyền pháp luật cho người lao động.";
    private static final String THIRD = "Phát biểu tại hội nghị, đồng chí Chủ tịch LĐLĐ tỉnh đề nghị các cấp công đoàn tiếp"
            + " tục đổi mới nội dung, phương thức hoạt động, chăm lo tốt hơn đời sống của đoàn viên.";
    private static final String OTHER = "Ngày 15/3, Công đoàn Khu kinh tế tỉnh tổ chức đối thoại với người lao động tại"
            + " các doanh nghiệp, lắng nghe những kiến nghị về tiền lương, thưởng và bữa ăn giữa ca của công nhân.";
    private static final String CAPTION = "Các đại biểu biểu quyết thông qua nghị quyết";
    private static final String TITLE = "Công đoàn Nghệ An tổng kết năm 2022";

    private final PageParser parser = new PageParser();

    private ParsedPage parse(String body) {
        return parser.parse(RawPage.ofContent("<html><head><title>" + TITLE + " | Báo Nghệ An</title></head><body>"
                + body + "</body></html>"));
    }

    @Test
    void relatedArticleCardsAreNotTheArticle() {
        // Related items marked up as <article>, each with a lead: the article is where the paragraphs are.
        ParsedPage page = parse("<div class=\"detail\"><h1>" + TITLE + "</h1><div class=\"body\"><p>" + FIRST + "</p><p>"
                + SHORT + "</p><p>" + SECOND + "</p><p>" + THIRD + "</p></div></div><div class=\"box-stream\">"
                + "<article><h3><a href=\"/1\">Đối thoại với người lao động</a></h3><p>" + OTHER + "</p></article>"
                + "<article><h3><a href=\"/2\">Tin khác</a></h3><p>" + OTHER.replace("15/3", "16/3") + "</p></article>"
                + "</div>");

        assertEquals(List.of(FIRST, SHORT, SECOND, THIRD), page.paragraphs());
        assertEquals(TITLE, page.title());
    }

    @Test
    void theSapoAboveTheBodyIsItsFirstParagraph() {
        ParsedPage page = parse("<h1>" + TITLE + "</h1><div class=\"share\"><a href=\"#\">Facebook</a></div>"
                + "<h2 class=\"detail-sapo\">" + FIRST + "</h2><div class=\"detail-content\"><p>" + SECOND + "</p><p>"
                + THIRD + "</p><p>" + SHORT + "</p></div>");

        assertEquals(List.of(FIRST, SECOND, THIRD, SHORT), page.paragraphs());
    }

    @Test
    void captionsAreTakenFromTheirMarkup() {
        ParsedPage page = parse("<h1>" + TITLE + "</h1><div class=\"entry-content\"><p>" + FIRST + "</p>"
                + "<figure><img src=\"a.jpg\"><figcaption>" + CAPTION + " (Ảnh: Minh Hà)</figcaption></figure>"
                + "<p>" + SECOND + "</p>"
                + "<p style=\"text-align:center\"><img src=\"b.jpg\"></p><p style=\"text-align:center\"><em>Quang cảnh"
                + " hội nghị tổng kết</em></p>"
                + "<table class=\"image\"><tr><td><img src=\"c.jpg\"></td></tr><tr><td>Lãnh đạo tỉnh trao quà"
                + "</td></tr></table>"
                + "<p>" + THIRD + "</p><p>" + SHORT + "</p></div>");

        assertEquals(List.of(FIRST, SECOND, THIRD, SHORT), page.paragraphs());
        assertEquals(List.of(CAPTION + " (Ảnh: Minh Hà)", "Quang cảnh hội nghị tổng kết", "Lãnh đạo tỉnh trao quà"),
                page.captions());
    }

    @Test
    void aLineTheImagesAltTextRepeatsIsItsCaption() {
        ParsedPage page = parse("<h1>" + TITLE + "</h1><div class=\"content\"><p>" + FIRST + "</p><div><img src=\"a.jpg\""
                + " alt=\"" + CAPTION + "\"></div><div>" + CAPTION + "</div><p>" + SECOND + "</p><p>" + THIRD
                + "</p></div>");

        assertEquals(List.of(FIRST, SECOND, THIRD), page.paragraphs());
        assertTrue(page.captions().contains(CAPTION), page.captions().toString());
    }

    @Test
    void theTitleIsThePartOfTheDocumentTitleThatIsNotTheSite() {
        // No og:title, no <h1>: "Title | Site" gives the title, the site's name goes.
        ParsedPage page = parse("<div class=\"news\"><div>" + TITLE + "</div><p>" + FIRST + "</p><p>" + SECOND + "</p>"
                + "</div>");
        assertEquals(TITLE, page.title());

        ParsedPage headline = parse("<div class=\"item-page\"><h2 itemprop=\"headline\">Hội nghị Ban Chấp hành lần thứ"
                + " 12</h2><div itemprop=\"articleBody\"><p>" + FIRST + "</p><p>" + SECOND + "</p></div></div>");
        assertEquals("Hội nghị Ban Chấp hành lần thứ 12", headline.title());
    }

    @Test
    void aMainColumnNamedLikeASidebarIsStillRead() {
        // VnExpress names its main column "sidebar-1".
        ParsedPage page = parse("<div class=\"sidebar-1\"><h1>" + TITLE + "</h1><p class=\"description\">" + FIRST
                + "</p><article class=\"fck_detail\"><p class=\"Normal\">" + SECOND + "</p><p class=\"Normal\">" + THIRD
                + "</p></article></div><div class=\"sidebar-2\"><p>" + OTHER + "</p></div>");

        assertEquals(List.of(FIRST, SECOND, THIRD), page.paragraphs());
    }

    @Test
    void aBoxOfLinksInsideTheArticleDoesNotEndIt() {
        ParsedPage page = parse("<h1>" + TITLE + "</h1><div class=\"entry-content\"><p>" + FIRST + "</p><p><strong>Tin"
                + " liên quan:</strong></p><ul><li><a href=\"/1\">Đối thoại với người lao động</a></li><li><a"
                + " href=\"/2\">Trao 500 suất quà Tết</a></li></ul><p>" + SECOND + "</p><p>" + THIRD + "</p></div>"
                + "<div id=\"comments\"><div class=\"comment-body\"><p>" + OTHER + "</p></div></div>");

        assertEquals(List.of(FIRST, SECOND, THIRD), page.paragraphs());
    }

    @Test
    void aNewspaperNoListKnowsIsTheSourceByItsOwnName() {
        ParsedPage page = parser.parse(RawPage.ofContent("<html><head><meta property=\"og:site_name\" content=\"Báo"
                + " Cà Mau\"><meta property=\"og:title\" content=\"" + TITLE + "\"></head><body><div class=\"detail\">"
                + "<p>" + FIRST + "</p><p>" + SECOND + "</p></div></body></html>"));

        assertEquals(TITLE, page.title());
        assertEquals(List.of(FIRST, SECOND), page.paragraphs());
        assertFalse(page.source().name() == null, "the site names itself");
    }
}
