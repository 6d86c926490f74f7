package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.unionnews.TestJson;

class SentenceSplitterTest {

    @Test
    void splitsNothingInsideVietnameseNumbers() {
        // Seed 000: '.' groups thousands, ',' marks decimals.
        String text = "Trong 10 năm đã tổ chức tuyên truyền pháp luật được 20.033 buổi thu hút 574.962 CNVCLĐ tham gia,"
                + " với tổng giá trị làm lợi trên 82,758 tỷ đồng. Diện tích: 6.383,9 Km2, dân số 656.900 người.";

        assertEquals(List.of(
                "Trong 10 năm đã tổ chức tuyên truyền pháp luật được 20.033 buổi thu hút 574.962 CNVCLĐ tham gia,"
                        + " với tổng giá trị làm lợi trên 82,758 tỷ đồng.",
                "Diện tích: 6.383,9 Km2, dân số 656.900 người."), SentenceSplitter.split(text));
    }

    @Test
    void splitsNothingInsideDatesOrDocumentCodes() {
        // Seeds 000 and 002.
        String first = "Thực hiện Chỉ thị số 03-CT/TW ngày 14/5/2011 về “Học tập và làm theo tấm gương đạo đức Hồ Chí Minh”,"
                + " Chỉ thị 05/CT/ TW ngày 15/5/2016 của Bộ Chính trị, Chỉ thị số 17-CT/TW và Quyết định số 5440/QĐ-TLĐ"
                + " đã được quán triệt.";
        String second = "Quyết định số 123 – QĐ/TU, ngày 24/01/2011 của Tỉnh ủy Lào Cai được thực hiện tốt.";

        assertEquals(List.of(first, second), SentenceSplitter.split(first + " " + second));
    }

    @Test
    void splitsNothingAfterTitleAndPlaceAbbreviations() {
        String text = "Đoàn công tác đã làm việc tại TP. Vinh, tỉnh Nghệ An và TP. Lào Cai. Tham dự có TS. Nguyễn Văn Hùng,"
                + " ThS. Lê Thị Mai và PGS. Trần Văn Bình. Hội nghị kết thúc lúc 11 giờ.";

        assertEquals(List.of(
                "Đoàn công tác đã làm việc tại TP. Vinh, tỉnh Nghệ An và TP. Lào Cai.",
                "Tham dự có TS. Nguyễn Văn Hùng, ThS. Lê Thị Mai và PGS. Trần Văn Bình.",
                "Hội nghị kết thúc lúc 11 giờ."), SentenceSplitter.split(text));
    }

    @Test
    void splitsNothingAfterChainedAcademicTitles() {
        String text = "Báo cáo viên là PGS.TS. Nguyễn Văn Hùng, giảng viên Học viện Chính trị. Hội nghị kết thúc lúc 11 giờ.";

        assertEquals(List.of(
                "Báo cáo viên là PGS.TS. Nguyễn Văn Hùng, giảng viên Học viện Chính trị.",
                "Hội nghị kết thúc lúc 11 giờ."), SentenceSplitter.split(text));
    }

    @Test
    void splitsAfterAnAbbreviatedCityThatEndsTheSentence() {
        String text = "Hội nghị được tổ chức tại TP.HCM. Các đại biểu đã thảo luận sôi nổi.";

        assertEquals(List.of("Hội nghị được tổ chức tại TP.HCM.", "Các đại biểu đã thảo luận sôi nổi."),
                SentenceSplitter.split(text));
    }

    @Test
    void keepsTheClosingMarkWithItsSentence() {
        // Seed 003's last paragraph ends in "./."; the next line is the byline.
        String text = "Giúp cho các cấp công đoàn kịp thời giải quyết các thắc mắc, bức xúc của người lao động,"
                + " xử lý tốt ngay tại cơ sở./. Bài: Tiến Sỹ; Ảnh: Đồng Hồng - PT";

        assertEquals(List.of(
                "Giúp cho các cấp công đoàn kịp thời giải quyết các thắc mắc, bức xúc của người lao động,"
                        + " xử lý tốt ngay tại cơ sở./.",
                "Bài: Tiến Sỹ; Ảnh: Đồng Hồng - PT"), SentenceSplitter.split(text));
    }

    @Test
    void keepsTheClosingMarkAtTheEndOfAParagraph() {
        String text = "Tăng cường công tác phối hợp giám sát và phản biện xã hội theo chủ trương của Đảng,"
                + " pháp luật của Nhà nước./.";

        assertEquals(List.of(text), SentenceSplitter.split(text));
    }

    @Test
    void splitsOrdinarySentencesAtPeriodsQuestionAndExclamationMarks() {
        String text = "Đã có 100% công đoàn cấp trên trực tiếp cơ sở xếp loại Hoàn thành tốt nhiệm vụ. Đối với CĐCS:"
                + " 91,6% CĐCS đạt vững mạnh. Vì sao đạt được kết quả đó? Nhờ sự vào cuộc của cả hệ thống! 10 năm qua,"
                + " các cấp công đoàn đã mở 300 lớp.";

        assertEquals(List.of(
                "Đã có 100% công đoàn cấp trên trực tiếp cơ sở xếp loại Hoàn thành tốt nhiệm vụ.",
                "Đối với CĐCS: 91,6% CĐCS đạt vững mạnh.",
                "Vì sao đạt được kết quả đó?",
                "Nhờ sự vào cuộc của cả hệ thống!",
                "10 năm qua, các cấp công đoàn đã mở 300 lớp."), SentenceSplitter.split(text));
    }

    @Test
    void splitsAfterAClosingQuoteBeforeACapital() {
        String quoteThenPeriod = "LĐLĐ tỉnh đã chỉ đạo các cấp công đoàn luôn coi trọng phong trào thi đua “Dân vận khéo”."
                + " Với những nội dung cụ thể, phong trào có sức lan tỏa.";
        String periodInsideQuote = "Đồng chí nhấn mạnh: “Công đoàn phải là chỗ dựa của người lao động.” Sau đó,"
                + " hội nghị bầu bổ sung 2 ủy viên.";

        assertEquals(List.of(
                "LĐLĐ tỉnh đã chỉ đạo các cấp công đoàn luôn coi trọng phong trào thi đua “Dân vận khéo”.",
                "Với những nội dung cụ thể, phong trào có sức lan tỏa."), SentenceSplitter.split(quoteThenPeriod));
        assertEquals(List.of(
                "Đồng chí nhấn mạnh: “Công đoàn phải là chỗ dựa của người lao động.”",
                "Sau đó, hội nghị bầu bổ sung 2 ủy viên."), SentenceSplitter.split(periodInsideQuote));
    }

    @Test
    void splitsNothingBeforeALowerCaseWord() {
        // Seed 002 has "trong tình hình mới. tăng cường …": a typo, not a new sentence the splitter can trust.
        String text = "nhằm thực hiện tốt công tác vận động trong tình hình mới. tăng cường công tác phối hợp giám sát.";

        assertEquals(List.of(text), SentenceSplitter.split(text));
    }

    @Test
    void treatsEveryLineAsItsOwnParagraph() {
        String text = "Quang cảnh hội nghị\nĐại biểu dự hội nghị.\n\n  Trao Cờ thi đua xuất sắc cho LĐLĐ tỉnh.  ";

        assertEquals(List.of("Quang cảnh hội nghị", "Đại biểu dự hội nghị.", "Trao Cờ thi đua xuất sắc cho LĐLĐ tỉnh."),
                SentenceSplitter.split(text));
    }

    @Test
    void splitsARealSeedParagraphIntoItsSentences() {
        // Seed 000, the paragraph on membership; every boundary but none inside 17.594, 07-ĐA/TU or 25/10/2013.
        String paragraph = "Thực hiện Đề án 07-ĐA/TU ngày 25/10/2013 của Tỉnh ủy Lào Cai về “Xây dựng Đảng và các đoàn thể"
                + " nhân dân trong các doanh nghiệp ngoài khu vực nhà nước, giai đoạn 2013-2015 và định hướng đến năm 2020”."
                + " Trong 10 năm qua đã kết nạp mới được 17.594 đoàn viên, trong đó đoàn viên ở khu vực ngoài nhà nước"
                + " 7.836; thành lập mới được 252 công đoàn cơ sở, trong đó ở khu vực ngoài nhà nước 143 công đoàn cơ sở."
                + " Đã có 100% công đoàn cấp trên trực tiếp cơ sở xếp loại Hoàn thành tốt nhiệm vụ. Đối với CĐCS: 91,6%"
                + " CĐCS đạt vững mạnh. LĐLĐ tỉnh Lào Cai luôn quan tâm đến việc xây dựng, kiện toàn đội ngũ cán bộ"
                + " công đoàn cơ sở. 10 năm qua, các cấp công đoàn đã mở 300 lớp, đào tạo bồi dưỡng nâng cao trình độ"
                + " chuyên môn, nghiệp vụ công đoàn cho 26.354 lượt cán bộ công đoàn chủ chốt các cấp.";

        List<String> sentences = SentenceSplitter.split(paragraph);

        assertEquals(6, sentences.size(), () -> String.join("\n", sentences));
        assertEquals("Trong 10 năm qua đã kết nạp mới được 17.594 đoàn viên, trong đó đoàn viên ở khu vực ngoài nhà nước"
                + " 7.836; thành lập mới được 252 công đoàn cơ sở, trong đó ở khu vực ngoài nhà nước 143 công đoàn cơ sở.",
                sentences.get(1));
        assertEquals(paragraph, String.join(" ", sentences));
    }

    @Test
    void endsASentenceAtAnEllipsisOrEtceteraBeforeACapitalOnly() {
        assertEquals(List.of("Công nhân chờ đợi...", "Cuối cùng công ty đã trả lương."),
                SentenceSplitter.split("Công nhân chờ đợi... Cuối cùng công ty đã trả lương."));
        assertEquals(List.of("Anh nói: “Chúng tôi sẽ cố gắng…” rồi im lặng."),
                SentenceSplitter.split("Anh nói: “Chúng tôi sẽ cố gắng…” rồi im lặng."));
        assertEquals(List.of("Các hoạt động gồm văn nghệ, thể thao, v.v.", "Năm nay có thêm hội thao."),
                SentenceSplitter.split("Các hoạt động gồm văn nghệ, thể thao, v.v. Năm nay có thêm hội thao."));
        assertEquals(List.of("Các hoạt động gồm văn nghệ, thể thao, v.v. và nhiều hoạt động khác."),
                SentenceSplitter.split("Các hoạt động gồm văn nghệ, thể thao, v.v. và nhiều hoạt động khác."));
    }

    @Test
    void keepsAnAttributionAfterAQuoteWithTheQuote() {
        assertEquals(List.of("“Công đoàn là chỗ dựa!” – đồng chí nhấn mạnh.", "Hội nghị bế mạc."),
                SentenceSplitter.split("“Công đoàn là chỗ dựa!” – đồng chí nhấn mạnh. Hội nghị bế mạc."));
    }

    @Test
    void splitsBeforeABulletThatStartsASentence() {
        assertEquals(List.of("Năm 2023 kết nạp 1.200 đoàn viên.", "- Thành lập 12 CĐCS.", "– 5 CĐCS đạt vững mạnh."),
                SentenceSplitter.split("Năm 2023 kết nạp 1.200 đoàn viên. - Thành lập 12 CĐCS. – 5 CĐCS đạt vững mạnh."));
    }

    @Test
    void returnsNoSentencesForBlankText() {
        assertEquals(List.of(), SentenceSplitter.split(""));
        assertEquals(List.of(), SentenceSplitter.split("  \n \n"));
    }

    @Test
    void countsTheSentencesItSplitsInEveryArticleOfTheDevelopmentSet() throws IOException {
        int articles = 0;
        try (InputStream in = SentenceSplitterTest.class.getResourceAsStream("/eval/vietnews_dev.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode article = TestJson.mapper().readTree(line);
                for (String text : List.of(article.path("title").asText(), article.path("body").asText())) {
                    assertEquals(SentenceSplitter.split(text).size(), SentenceSplitter.count(text), text);
                    for (String paragraph : text.split("\n")) {
                        assertEquals(SentenceSplitter.split(paragraph).size(), SentenceSplitter.count(paragraph));
                    }
                }
                articles++;
            }
        }
        assertTrue(articles > 100, "articles compared: " + articles);
        assertEquals(0, SentenceSplitter.count("  \n \n"));
        assertEquals(2, SentenceSplitter.count(" Một câu. Hai câu! \n\n"));
    }
}
