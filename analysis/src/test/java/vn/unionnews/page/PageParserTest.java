package vn.unionnews.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Page shapes beyond the seeds, each written to exercise one signal of the parser. */
class PageParserTest {
    private static final String FIRST = "Sáng 12/3, Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị tổng kết công tác"
            + " công đoàn năm 2022 và triển khai nhiệm vụ năm 2023 với sự tham dự của hơn 200 đại biểu đến từ các công"
            + " đoàn cấp trên cơ sở trong toàn tỉnh.";
    private static final String SECOND = "Trong năm qua, các cấp công đoàn đã kết nạp mới được 12.345 đoàn viên, thành lập"
            + " 85 công đoàn cơ sở và tổ chức 1.200 buổi tuyên truyền pháp luật cho người lao động tại các doanh nghiệp"
            + " ngoài khu vực nhà nước.";
    private static final String THIRD = "Phát biểu tại hội nghị, đồng chí Chủ tịch LĐLĐ tỉnh đề nghị các cấp công đoàn tiếp"
            + " tục đổi mới nội dung, phương thức hoạt động, chăm lo tốt hơn nữa đời sống vật chất và tinh thần cho đoàn"
            + " viên, người lao động trong năm 2023.";

    private final PageParser parser = new PageParser();

    private static RawPage page(String... lines) {
        return RawPage.ofContent(String.join("\n\n", lines));
    }

    @Test
    void endsTheArticleAtATeaserListWithoutAnyMarker() {
        // A newspaper's list of other articles: a title, the title again as the image's link, then its lead.
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, SECOND, THIRD,
                "Hỗ trợ công nhân mất việc dịp cuối năm",
                "Hỗ trợ công nhân mất việc dịp cuối năm",
                "Trước tình trạng nhiều doanh nghiệp cắt giảm đơn hàng, công đoàn các khu công nghiệp đã chủ động nắm bắt"
                        + " tình hình, kịp thời hỗ trợ những công nhân bị mất việc trong dịp cuối năm.",
                "Giải bóng đá công nhân lần thứ ba",
                "Thể thao: Giải bóng đá công nhân lần thứ ba"));

        assertEquals(List.of(FIRST, SECOND, THIRD), parsed.paragraphs());
    }

    @Test
    void endsTheArticleAtAListOfDatedTitles() {
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, SECOND, THIRD,
                "Bài: Minh Hà",
                "Ký kết chương trình phối hợp với Sở Lao động (10/03/2023)",
                "Trao 50 suất quà cho công nhân có hoàn cảnh khó khăn (08/03/2023)",
                "Hội nghị Ban Chấp hành lần thứ 12 - 02/03/2023"));

        assertEquals(List.of(FIRST, SECOND, THIRD), parsed.paragraphs());
        assertEquals("Bài: Minh Hà", parsed.author());
    }

    @Test
    void keepsAShortParagraphOfSeveralSentencesButNotACaptionLine() {
        String shortParagraph = "Hội nghị đã thông qua nghị quyết. Các đại biểu nhất trí cao.";
        String caption = "Đồng chí Chủ tịch LĐLĐ tỉnh trao bằng khen cho các tập thể xuất sắc.";
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, shortParagraph, SECOND,
                "Công đoàn Nghệ An tổng kết năm 2022 ảnh 1", caption, "Quang cảnh hội nghị", THIRD));

        assertEquals(List.of(FIRST, shortParagraph, SECOND, THIRD), parsed.paragraphs());
        assertEquals(List.of("Công đoàn Nghệ An tổng kết năm 2022 ảnh 1", caption, "Quang cảnh hội nghị"),
                parsed.captions());
    }

    @Test
    void keepsListItemsAndDropsNumberedHeadings() {
        String item = "- Kết nạp mới 12.345 đoàn viên, đạt 123% kế hoạch;";
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST,
                "I. KẾT QUẢ NỔI BẬT", SECOND, item, THIRD));

        assertEquals(List.of(FIRST, SECOND, item, THIRD), parsed.paragraphs());
        assertEquals(List.of(), parsed.captions());
    }

    @Test
    void readsTheSiteBannerInCapitalsAsTheSource() {
        ParsedPage parsed = parser.parse(page("LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN", "Trang chủ » Tin tức » Hoạt động công đoàn",
                "Cập nhật: 08:15 ngày 14/03/2023", "Công đoàn Nghệ An tổng kết năm 2022", FIRST, SECOND, THIRD));

        assertEquals("Liên đoàn Lao động tỉnh Nghệ An", parsed.source().name());
        assertEquals("provincial_federation", parsed.source().type());
        assertEquals("2023-03-14T08:15:00+07:00", parsed.publishedAt());
        assertEquals("Công đoàn Nghệ An tổng kết năm 2022", parsed.title());
        assertEquals("Trang chủ » Tin tức » Hoạt động công đoàn", parsed.category());
    }

    @Test
    void readsDatesInEveryVietnameseForm() {
        assertEquals("2017-09-15T05:22:00+07:00", dateOf("Thứ sáu - 15/09/2017 05:22"));
        assertEquals("2020-01-21", dateOf("Thứ 3, ngày 21/01/2020"));
        assertEquals("2022-01-14", dateOf("Thứ sáu, ngày 14 tháng 1 năm 2022"));
        assertEquals("2023-05-12T15:30:00+07:00", dateOf("15:30 | 12-05-2023"));
    }

    private String dateOf(String dateLine) {
        return parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", dateLine, FIRST, SECOND)).publishedAt();
    }

    @Test
    void infersTheYearOfADateWithoutOneFromTheFetchTime() {
        String opening = "Sáng 14/1, Liên đoàn Lao động tỉnh tổ chức hội nghị Ban Chấp hành để đánh giá kết quả hoạt động"
                + " công đoàn và phong trào công nhân, viên chức, lao động trong toàn tỉnh.";
        RawPage raw = new RawPage(null, null, Instant.parse("2024-01-20T03:00:00Z"), null, null,
                String.join("\n", "Tổng kết hoạt động công đoàn", opening, SECOND), null);

        assertEquals("2024-01-14", parser.parse(raw).publishedAt());
    }

    @Test
    void aDayLaterInTheYearThanTheFetchIsLastYears() {
        String opening = "Sáng 3/12, khoảng 1.500 công nhân Công ty TNHH Giày da Phú Lợi tại tỉnh Đồng Nai đã ngừng việc tập"
                + " thể, đề nghị doanh nghiệp trả nợ lương tháng 10 và tháng 11 cho người lao động.";
        String page = String.join("\n", "Công nhân ngừng việc vì bị nợ lương", opening, SECOND);

        assertEquals("2025-12-03", parser.parse(new RawPage(null, null, Instant.parse("2026-11-30T03:00:00Z"), null,
                null, page, null)).publishedAt(), "not a date after the page was fetched");
        assertEquals("2026-12-03", parser.parse(new RawPage(null, null, Instant.parse("2026-12-05T03:00:00Z"), null,
                null, page, null)).publishedAt());
    }

    @Test
    void learnsASitesRecurringLinesSoLaterPagesAreCleaner() {
        // The site prints a slogan long enough to pass for prose above every article.
        String slogan = "Chào mừng bạn đến với cổng thông tin điện tử của Liên đoàn Lao động tỉnh Nghệ An, nơi cập nhật"
                + " tin tức hoạt động công đoàn và phong trào công nhân viên chức lao động.";
        PageParser learning = new PageParser(new SiteTemplates());
        String[] articles = {FIRST, SECOND, THIRD, FIRST.replace("Nghệ An", "Hà Tĩnh")};
        ParsedPage firstPage = learning.parse(sitePage(slogan, "Bài đầu tiên của trang", articles[0], articles[1]));
        for (int i = 1; i < 3; i++) {
            learning.parse(sitePage(slogan, "Bài thứ " + (i + 1) + " của trang", articles[i], articles[(i + 1) % 3]));
        }
        ParsedPage fourthPage = learning.parse(sitePage(slogan, "Bài thứ tư của trang", articles[3], articles[1]));

        assertEquals(slogan, firstPage.paragraphs().get(0), "the first page cannot know the slogan is not the article");
        assertEquals(List.of(articles[3], articles[1]), fourthPage.paragraphs());
        assertEquals("Bài thứ tư của trang", fourthPage.title());
    }

    @Test
    void countsAReScrapedPageOnceWhenLearning() {
        String slogan = "Chào mừng bạn đến với cổng thông tin điện tử của Liên đoàn Lao động tỉnh Nghệ An, nơi cập nhật"
                + " tin tức hoạt động công đoàn và phong trào công nhân viên chức lao động.";
        PageParser learning = new PageParser(new SiteTemplates());
        for (int i = 0; i < 5; i++) {
            learning.parse(sitePage(slogan, "Bài đầu tiên của trang", FIRST, SECOND));
        }

        ParsedPage again = learning.parse(sitePage(slogan, "Bài đầu tiên của trang", FIRST, SECOND));

        assertEquals(List.of(slogan, FIRST, SECOND), again.paragraphs(), "one page, however often scraped, is no template");
    }

    @Test
    void stillReadsAnArticleWhoseEveryParagraphTheSiteHasPrintedBefore() {
        // The same article under four URLs of one site: its paragraphs become template lines after three.
        PageParser learning = new PageParser(new SiteTemplates());
        ParsedPage last = null;
        for (int i = 0; i < 4; i++) {
            last = learning.parse(new RawPage(null, "https://congdoannghean.vn/bai-" + i, null, null, null,
                    String.join("\n", "Công đoàn Nghệ An tổng kết năm 2022", FIRST, SECOND), null));
        }

        assertEquals(List.of(FIRST, SECOND), last.paragraphs());
        assertEquals("Công đoàn Nghệ An tổng kết năm 2022", last.title());
    }

    private static RawPage sitePage(String slogan, String title, String... paragraphs) {
        String text = String.join("\n", "CÔNG ĐOÀN NGHỆ AN", slogan, "Trang chủ | Giới thiệu | Tin tức", title,
                String.join("\n", paragraphs), "Các tin khác");
        return new RawPage(null, "https://congdoannghean.vn/tin-tuc/" + Math.abs(text.hashCode()), null, null, null,
                text, null);
    }

    @Test
    void flagsAPageThatIsNotVietnamese() {
        String english = "The union federation held its annual conference on Tuesday, and more than two hundred delegates"
                + " from grassroots unions across the province attended the meeting in the city centre.";
        PageException error = assertThrows(PageException.class,
                () -> parser.parse(page("Annual conference", english, english)));

        assertEquals("not_vietnamese", error.code());
    }

    @Test
    void readsAnHtmlPageByItsMarkup() {
        String html = """
                <html><head><title>Công đoàn Nghệ An tổng kết năm 2022 - Báo Lao Động</title>
                <meta property="og:site_name" content="Báo Lao Động"></head>
                <body><header><nav><a href="/">Trang chủ</a><a href="/cd">Công đoàn</a></nav></header>
                <div class="sidebar"><h3>Tin mới nhất</h3><p>Hội nghị tổng kết công tác nữ công năm 2022 của Liên đoàn Lao
                động thành phố Vinh đã diễn ra thành công tốt đẹp với nhiều kết quả nổi bật đáng ghi nhận.</p></div>
                <article><h1>Công đoàn Nghệ An tổng kết năm 2022</h1>
                <time datetime="2023-03-12T08:30:00+07:00">12/03/2023 08:30</time>
                <p>%s</p><figure><img src="a.jpg"><figcaption>Quang cảnh hội nghị.</figcaption></figure>
                <p>%s</p><ul class="list"><li><a href="/1">Tin một</a></li><li><a href="/2">Tin hai</a></li></ul>
                <p>%s</p></article><footer>Bản quyền thuộc Báo Lao Động</footer></body></html>
                """.formatted(FIRST, SECOND, THIRD);

        ParsedPage parsed = parser.parse(RawPage.ofContent(html));

        assertEquals("Công đoàn Nghệ An tổng kết năm 2022", parsed.title());
        assertEquals("2023-03-12T08:30:00+07:00", parsed.publishedAt());
        assertEquals("Báo Lao Động", parsed.source().name());
        assertEquals("media", parsed.source().type());
        assertEquals(List.of(FIRST, SECOND, THIRD), parsed.paragraphs());
        assertEquals(List.of("Quang cảnh hội nghị."), parsed.captions());
    }

    @Test
    void dropsSidebarsAndLinkListsOfAnHtmlPageWithoutArticleMarkup() {
        String html = """
                <html><body><div id="main-menu"><a href="/">Trang chủ</a> <a href="/a">Giới thiệu</a></div>
                <div class="col-right widget"><p>Chào mừng bạn đến với cổng thông tin điện tử Liên đoàn Lao động tỉnh
                Nghệ An, nơi cập nhật thông tin hoạt động công đoàn và phong trào công nhân viên chức lao động.</p></div>
                <div class="detail-content"><h2>Công đoàn Nghệ An tổng kết năm 2022</h2><p>%s</p><p>%s</p></div>
                <div><a href="/x">Hội nghị tổng kết công tác nữ công năm 2022 của Liên đoàn Lao động thành phố Vinh</a>
                <a href="/y">Giải bóng đá công nhân lao động lần thứ ba năm 2023 khai mạc tại sân vận động tỉnh</a></div>
                </body></html>
                """.formatted(FIRST, SECOND);

        ParsedPage parsed = parser.parse(RawPage.ofContent(html));

        assertEquals(List.of(FIRST, SECOND), parsed.paragraphs());
        assertFalse(parsed.body().contains("Chào mừng"));
        assertTrue(parsed.title().startsWith("Công đoàn Nghệ An"));
    }

    @Test
    void keepsShortOpeningAndClosingParagraphsOfOneSentence() {
        String opening = "Sáng 12/3, hơn 200 đại biểu dự hội nghị.";
        String closing = "Hiện vụ việc đang được các cơ quan chức năng xem xét.";
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", opening, SECOND,
                "Quang cảnh hội nghị", THIRD, closing, "Minh Hà"));

        assertEquals(List.of(opening, SECOND, THIRD, closing), parsed.paragraphs());
        assertEquals(List.of("Quang cảnh hội nghị"), parsed.captions());
        assertEquals("Minh Hà", parsed.author());
    }

    @Test
    void aShortLineThatGoesOnWithTheStoryIsText() {
        String goesOn = "Ông Nguyễn Văn An cho biết thêm, công đoàn sẽ tiếp tục theo dõi vụ việc.";
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, goesOn, SECOND, THIRD));

        assertEquals(List.of(FIRST, goesOn, SECOND, THIRD), parsed.paragraphs());
    }

    @Test
    void aCaptionShownTwiceIsACaptionNotTheStartOfATeaserList() {
        // The image's alt text, then its caption: one line twice, and the article goes on after it.
        String caption = "Công nhân công ty được lãnh đạo tỉnh đối thoại để tìm việc làm mới.";
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, caption, caption, SECOND,
                THIRD));

        assertEquals(List.of(FIRST, SECOND, THIRD), parsed.paragraphs());
        assertEquals(List.of(caption), parsed.captions());
    }

    @Test
    void theTitleIsTheNearestHeadlineAboveTheBodyNeverAMenuEntry() {
        // The opening does not repeat the headline's words; menu entries, counters and widget labels sit above it.
        String headline = "Những kết quả nổi bật trong công tác phối hợp giữa hai đơn vị";
        ParsedPage parsed = parser.parse(page("Bình chọn", "Bạn quan tâm mục gì nhất trong website của chúng tôi?",
                "• Tin Tức - Sự Kiện", "• Tra cứu văn bản", "Thông tin truy cập", "• 332094", "Thời tiết",
                "Tin tức sự kiện » LĐLĐ huyện, thành phố", headline, FIRST, SECOND));

        assertEquals(headline, parsed.title());

        ParsedPage menuLast = parser.parse(page(headline, "Chia sẻ | Facebook | Zalo | In bài", "• Tra cứu văn bản",
                FIRST, SECOND));
        assertEquals(headline, menuLast.title(), "bullets and link bars are never titles");
    }

    @Test
    void aHeadlineThatAsksIsTheTitleOfAPageWrittenOneSentenceALine() {
        String headline = "Vì sao công nhân bỏ việc sau Tết?";
        List<String> sentences = List.of("Sau Tết, nhiều doanh nghiệp thiếu lao động.",
                "Theo khảo sát của công đoàn, thu nhập thấp là lý do chính.",
                "Nhiều công nhân chuyển sang làm việc tự do.", "Công đoàn đề nghị doanh nghiệp tăng lương.");
        ParsedPage parsed = parser.parse(RawPage.ofContent(headline + "\n" + String.join("\n", sentences)));

        assertEquals(headline, parsed.title());
        assertEquals(sentences, parsed.paragraphs());
    }

    @Test
    void aBoxOfLinksBetweenParagraphsDoesNotEndTheArticle() {
        ParsedPage parsed = parser.parse(page("Công đoàn Nghệ An tổng kết năm 2022", FIRST, "Tin liên quan:",
                "Trao 500 suất quà cho công nhân", "Hội nghị Ban Chấp hành lần thứ 12", SECOND, THIRD, "Các tin khác",
                "Đối thoại với người lao động tại Khu công nghiệp Nam Cấm"));

        assertEquals(List.of(FIRST, SECOND, THIRD), parsed.paragraphs());
        assertEquals(List.of(), parsed.captions(), "the box's titles are neither text nor captions");
    }
}
