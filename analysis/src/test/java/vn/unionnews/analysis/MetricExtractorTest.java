package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.event.Metric;
import vn.unionnews.page.PageParser;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;
import vn.unionnews.text.SentenceSplitter;

class MetricExtractorTest {
    private static final MetricExtractor EXTRACTOR = new MetricExtractor();
    private static final PageParser PARSER = new PageParser();

    static List<Seed> seeds() {
        return Seeds.all();
    }

    private static List<Metric> extract(String... sentences) {
        return EXTRACTOR.extract(List.of(sentences));
    }

    private static List<Metric> extractFrom(Seed seed) {
        String body = PARSER.parse(RawPage.ofContent(seed.content())).body();
        return EXTRACTOR.extract(SentenceSplitter.split(body));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void findsEveryGoldMetricOfTheSeedWithItsTypeAndValue(Seed seed) {
        List<Metric> metrics = extractFrom(seed);

        for (JsonNode gold : seed.gold().path("metrics")) {
            String type = gold.path("type").asText();
            double value = gold.path("value").asDouble();
            Double total = gold.hasNonNull("total") ? gold.path("total").asDouble() : null;
            assertTrue(metrics.stream().anyMatch(m -> m.type().equals(type) && m.value() == value
                            && Objects.equals(m.total(), total) && !m.text().isBlank()),
                    () -> "no " + type + " " + value + " (" + gold.path("evidence").asText() + ") in " + metrics);
        }
    }

    @Test
    void findsNothingOnASeedOfDatesAndDocumentCodes() {
        // Seed 002 reports no quantity: only directives, decisions, dates and a download counter.
        assertEquals(List.of(), extractFrom(Seeds.named("002_02503a3991b040c3.txt")));
    }

    @Test
    void keepsTheCueAndTheCountedNounAsEvidence() {
        List<Metric> metrics = extract("Trong 10 năm qua đã kết nạp mới được 17.594 đoàn viên, trong đó đoàn viên ở khu"
                + " vực ngoài nhà nước 7.836; thành lập mới được 252 công đoàn cơ sở.");

        assertEquals(List.of(
                new Metric("new_members", 17594, "kết nạp mới được 17.594 đoàn viên", null),
                new Metric("new_grassroots_unions", 252, "thành lập mới được 252 công đoàn cơ sở", null)), metrics);
    }

    @Test
    void takesNothingFromDatesYearsCodesOrOrdinals() {
        List<Metric> metrics = extract(
                "Hội nghị lần thứ 10 Ban Chấp hành Liên đoàn Lao động tỉnh (khóa XVI), nhiệm kỳ 2018 – 2023 ngày 14/1.",
                "Thực hiện Chỉ thị số 03-CT/TW ngày 14/5/2011, Quyết định số 5440/QĐ-TLĐ và Chỉ thị 17-CT/TW.",
                "Giai đoạn 2018-2023, năm 2021 kết nạp mới 1.250 đoàn viên.");

        assertEquals(List.of(new Metric("new_members", 1250, "kết nạp mới 1.250 đoàn viên", null)), metrics);
    }

    @Test
    void countsMembersOfNewlyFoundedUnionsAsNewMembers() {
        List<Metric> metrics = extract("Kết quả giai đoạn 2017 - 2020, các cấp công đoàn trong tỉnh đã phát triển được"
                + " 64 CĐCS, với 6.065 đoàn viên công đoàn.");

        assertEquals(List.of(
                new Metric("new_grassroots_unions", 64, "phát triển được 64 CĐCS", null),
                new Metric("new_members", 6065, "với 6.065 đoàn viên công đoàn", null)), metrics);
    }

    @Test
    void doesNotCountTheWholeMembershipAsNewMembers() {
        List<Metric> metrics = extract("Toàn tỉnh hiện có 1.247 công đoàn cơ sở với 172.305 đoàn viên.",
                "Cả nước có trên 3.200 cơ sở giáo dục ngoài công lập đã thành lập công đoàn cơ sở, với hơn 95.000 đoàn"
                        + " viên.");

        assertEquals(List.of(), metrics);
    }

    @Test
    void doesNotCountPartyAdmissionsAsUnionMembers() {
        List<Metric> metrics = extract("Các cấp công đoàn đã giới thiệu 7.675 đoàn viên ưu tú cho cấp ủy đảng bồi"
                + " dưỡng, trong đó có 4.884 đoàn viên được kết nạp vào Đảng Cộng sản Việt Nam.");

        assertTrue(metrics.stream().noneMatch(m -> m.type().equals("new_members")), metrics::toString);
    }

    @Test
    void readsBeneficiariesAndTheMoneyTheyReceived() {
        List<Metric> metrics = extract("Trong năm đã có 5.511 đoàn viên được hưởng lợi từ chương trình phúc lợi với"
                + " tổng số tiền gần 1,9 tỷ đồng; Công đoàn ngành trao quà cho 320 công nhân có hoàn cảnh khó khăn.");

        assertEquals(List.of(
                new Metric("beneficiaries", 5511, "5.511 đoàn viên được hưởng lợi", null),
                new Metric("money_vnd", 1_900_000_000, "tổng số tiền gần 1,9 tỷ đồng", null),
                new Metric("beneficiaries", 320, "quà cho 320 công nhân", null)), metrics);
    }

    @Test
    void readsMoneyInDong() {
        List<Metric> metrics = extract("Hỗ trợ làm 34 nhà Mái ấm công đoàn với tổng số tiền hơn 900 triệu đồng.",
                "Mỗi đoàn viên nhận 200.000đ tiền mặt; LĐLĐ huyện ủng hộ 1 tỷ 200 triệu đồng.");

        assertEquals(List.of(
                new Metric("union_houses", 34, "34 nhà Mái ấm công đoàn", null),
                new Metric("money_vnd", 900_000_000, "tổng số tiền hơn 900 triệu đồng", null),
                new Metric("money_vnd", 200_000, "200.000đ", null),
                new Metric("money_vnd", 1_200_000_000, "ủng hộ 1 tỷ 200 triệu đồng", null)), metrics);
    }

    @Test
    void takesNoRatePerUnitAsAnAmount() {
        assertEquals(List.of(), extract("Các trường được hỗ trợ với mức từ 200.000-1.000.000đ/trường."));
    }

    @Test
    void readsParticipantsReachedByEvents() {
        List<Metric> metrics = extract("Trong 10 năm đã tổ chức tuyên truyền pháp luật được 20.033 buổi thu hút 574.962"
                + " CNVCLĐ tham gia, cấp phát 6.000 cuốn tài liệu.",
                "Giải chạy thu hút hơn 1.500 lượt vận động viên tham gia.");

        assertEquals(List.of(
                new Metric("other_count", 20033, "20.033 buổi", null),
                new Metric("participants", 574962, "thu hút 574.962 CNVCLĐ tham gia", null),
                new Metric("other_count", 6000, "6.000 cuốn", null),
                new Metric("participants", 1500, "thu hút hơn 1.500 lượt vận động viên tham gia", null)), metrics);
    }

    @Test
    void readsClassesAndTheirTrainees() {
        List<Metric> metrics = extract("Từ năm 2014 đến nay các cấp công đoàn trong tỉnh đã tổ chức 32 lớp cho trên"
                + " 2.600 lượt cán bộ công đoàn tập huấn về nội dung nắm bắt thông tin dư luận xã hội.",
                "Tổ chức 11 lớp bồi dưỡng kết nạp đảng cho 943 học viên.");

        assertEquals(List.of(
                new Metric("training_classes", 32, "32 lớp", null),
                new Metric("training_attendees", 2600, "cho trên 2.600 lượt cán bộ công đoàn", null),
                new Metric("training_classes", 11, "11 lớp bồi dưỡng", null),
                new Metric("training_attendees", 943, "943 học viên", null)), metrics);
    }

    @Test
    void readsInitiativesAndTheValueTheyEarned() {
        List<Metric> metrics = extract("Trong 10 năm qua đã có 17.275 đề tài, sáng kiến đã được triển khai ứng dụng,"
                + " với tổng giá trị làm lợi trên 82,758 tỷ đồng.");

        assertEquals(List.of(
                new Metric("initiatives", 17275, "17.275 đề tài, sáng kiến", null),
                new Metric("money_vnd", 82_758_000_000L, "tổng giá trị làm lợi trên 82,758 tỷ đồng", null)),
                metrics);
    }

    @Test
    void readsCollectiveAgreementsAsAShare() {
        List<Metric> metrics = extract("Trong năm, 81% đơn vị tổ chức hội nghị người lao động; 164/195 doanh nghiệp ký"
                + " thỏa ước lao động tập thể…");

        assertEquals(List.of(new Metric("collective_agreements", 164,
                "164/195 doanh nghiệp ký thỏa ước lao động tập thể", null, 195.0)), metrics);
    }

    @Test
    void readsWorkersAffectedByAStrikeOrAnAccident() {
        List<Metric> metrics = extract("Sáng 12/3, khoảng 1.200 công nhân Công ty TNHH Hưng Phát đã ngừng việc"
                + " tập thể để yêu cầu tăng lương.",
                "Vụ sập giàn giáo tại công trình khiến 3 công nhân tử vong và 5 người bị thương.",
                "Công ty nợ lương của 450 người lao động suốt ba tháng.");

        assertEquals(List.of(
                new Metric("workers_affected", 1200, "khoảng 1.200 công nhân Công ty TNHH Hưng Phát đã ngừng việc",
                        null),
                new Metric("workers_affected", 3, "3 công nhân tử vong", null),
                new Metric("workers_affected", 5, "5 người bị thương", null),
                new Metric("workers_affected", 450, "nợ lương của 450 người lao động", null)), metrics);
    }

    @Test
    void keepsOtherCountsToClearCountedNouns() {
        List<Metric> metrics = extract("Tuyên truyền thành lập 10 chi bộ cơ sở trong doanh nghiệp; kết nạp 202 đảng"
                + " viên, trong đó có 05 đồng chí là chủ doanh nghiệp, đạt 81% kế hoạch.");

        assertEquals(List.of(
                new Metric("other_count", 10, "10 chi bộ", null),
                new Metric("other_count", 202, "202 đảng viên", null)), metrics);
    }

    @Test
    void takesNoCountFromTheNameOfAProgramme() {
        // Seed 001: "75.000 sáng kiến" names the programme, it counts nothing.
        assertEquals(List.of(), extract("3 cá nhân được Tổng LĐLĐ Việt Nam tặng Bằng khen vì đã có thành tích xuất sắc"
                + " trong chương trình 75.000 sáng kiến vượt khó, phát triển."));
    }

    @Test
    void listsAMetricOnceWhenItIsRepeated() {
        String sentence = "Đã kết nạp mới được 500 đoàn viên.";

        assertEquals(1, extract(sentence, sentence).size());
    }

    @Test
    void rejectsACueWithoutANumberSlot() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MetricExtractor(List.of("new_members kết nạp đoàn viên")));

        assertTrue(e.getMessage().contains("kết nạp đoàn viên"), e.getMessage());
    }
}
