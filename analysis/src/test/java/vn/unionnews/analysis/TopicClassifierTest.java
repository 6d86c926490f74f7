package vn.unionnews.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import vn.unionnews.event.TopicScore;
import vn.unionnews.page.PageParser;
import vn.unionnews.page.ParsedPage;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.Seeds;
import vn.unionnews.page.Seeds.Seed;

/** Union topics of the seed pages against their gold annotation, and of short articles for every topic. */
class TopicClassifierTest {
    private static final TopicClassifier CLASSIFIER = TopicClassifier.vietnamese();
    private static final PageParser PARSER = new PageParser();
    private static final Map<String, TopicClassifier.Classification> SEED_RESULTS = new ConcurrentHashMap<>();

    static List<Seed> seeds() {
        return Seeds.all();
    }

    private static TopicClassifier.Classification classified(Seed seed) {
        return SEED_RESULTS.computeIfAbsent(seed.file(), file -> {
            ParsedPage page = PARSER.parse(RawPage.ofContent(seed.content()));
            return CLASSIFIER.classify(page.title(), page.body());
        });
    }

    private static List<String> ids(TopicClassifier.Classification result) {
        return result.topics().stream().map(TopicScore::id).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void goldPrimaryTopicIsAmongTheTopTwo(Seed seed) {
        List<String> topics = ids(classified(seed));
        String gold = seed.goldText("primaryTopic");
        assertTrue(topics.subList(0, Math.min(2, topics.size())).contains(gold),
                () -> gold + " is not in the top two of " + classified(seed).topics());
    }

    @Test
    void assignsAtLeastFourFifthsOfTheSeedsGoldTopics() {
        int gold = 0;
        int found = 0;
        StringBuilder missed = new StringBuilder();
        for (Seed seed : Seeds.all()) {
            List<String> assigned = ids(classified(seed));
            for (String topic : seed.goldList("topics")) {
                gold++;
                if (assigned.contains(topic)) {
                    found++;
                } else {
                    missed.append(' ').append(seed.file()).append(':').append(topic);
                }
            }
        }
        double recall = (double) found / gold;
        assertTrue(recall >= 0.8, "gold-topic recall " + recall + ", missed" + missed);
    }

    static Stream<Arguments> oneArticlePerTopic() {
        return Stream.of(
                Arguments.of("membership", "Kết nạp 1.200 đoàn viên mới trong quý I",
                        "Trong quý I, Liên đoàn Lao động tỉnh đã kết nạp 1.200 đoàn viên, thành lập mới 8 công đoàn cơ"
                                + " sở tại các doanh nghiệp ngoài khu vực nhà nước. Ban vận động thành lập công đoàn"
                                + " đã tiếp cận, tập hợp người lao động tại khu công nghiệp Tằng Loỏng. Chỉ tiêu phát"
                                + " triển đoàn viên năm nay là 3.000 người."),
                Arguments.of("welfare", "Trao 500 suất quà Tết sum vầy cho công nhân",
                        "LĐLĐ thành phố tổ chức chương trình Tết sum vầy, trao 500 suất quà cho đoàn viên có hoàn cảnh"
                                + " khó khăn, mỗi suất trị giá 1 triệu đồng. Dịp này, công đoàn thăm hỏi các gia đình"
                                + " công nhân ốm đau và bàn giao một nhà Mái ấm công đoàn cho chị Lò Thị Mai."),
                Arguments.of("rights_law", "Ký thỏa ước lao động tập thể nhóm doanh nghiệp dệt may",
                        "Sau nhiều vòng thương lượng tập thể, công đoàn và 12 doanh nghiệp dệt may đã ký thoả ước lao"
                                + " động tập thể với mức tiền lương cao hơn lương tối thiểu vùng 8%. Thỏa ước cũng quy"
                                + " định thời giờ làm việc, làm thêm giờ và chế độ bảo hiểm xã hội cho người lao"
                                + " động."),
                Arguments.of("disputes", "Hơn 800 công nhân ngừng việc tập thể vì nợ lương",
                        "Sáng 5/3, hơn 800 công nhân Công ty TNHH giày da Phú An đã đình công, ngừng việc tập thể do"
                                + " công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội. Chủ doanh nghiệp là người"
                                + " nước ngoài đã bỏ trốn. Công đoàn khu công nghiệp phối hợp với hòa giải viên lao"
                                + " động đối thoại để giải quyết vụ đình công."),
                Arguments.of("safety", "Tai nạn lao động làm 2 công nhân tử vong",
                        "Khoảng 10 giờ sáng nay, giàn giáo tại công trình xây dựng nhà xưởng bị sập khiến 2 công nhân"
                                + " tử vong, 3 người bị thương. Đây là vụ tai nạn lao động nghiêm trọng nhất từ đầu"
                                + " năm. Công đoàn kiến nghị tăng cường kiểm tra an toàn vệ sinh lao động tại các công"
                                + " trình."),
                Arguments.of("education_propaganda", "Tuyên truyền, phổ biến pháp luật cho công nhân khu công nghiệp",
                        "LĐLĐ tỉnh phối hợp tổ chức hội nghị tuyên truyền, phổ biến giáo dục pháp luật cho 400 công"
                                + " nhân. Báo cáo viên giới thiệu những điểm mới của Bộ luật Lao động, giải đáp thắc"
                                + " mắc. Dịp này, công đoàn tổ chức hội thi tìm hiểu pháp luật và tập huấn kỹ năng nắm"
                                + " bắt dư luận xã hội cho cán bộ công đoàn cơ sở."),
                Arguments.of("emulation_awards", "Tuyên dương 100 công nhân lao động giỏi, lao động sáng tạo",
                        "Tổng LĐLĐ Việt Nam tặng Bằng khen cho 100 công nhân có thành tích xuất sắc trong phong trào"
                                + " thi đua Lao động giỏi, lao động sáng tạo. Các sáng kiến cải tiến kỹ thuật của họ"
                                + " đã làm lợi hàng chục tỷ đồng. Nhiều cá nhân được đề nghị tặng Huân chương Lao"
                                + " động."),
                Arguments.of("party_politics", "Đảng ủy Khối Doanh nghiệp kết nạp 50 đảng viên là công nhân",
                        "Thực hiện Nghị quyết số 02-NQ/TW của Bộ Chính trị, Đảng ủy Khối đã phối hợp với công đoàn bồi"
                                + " dưỡng, giới thiệu đoàn viên ưu tú để kết nạp Đảng. Năm qua có 50 đảng viên mới là"
                                + " công nhân, thành lập 3 chi bộ trong doanh nghiệp ngoài nhà nước, góp phần xây dựng"
                                + " Đảng và hệ thống chính trị vững mạnh."),
                Arguments.of("congress_personnel", "Đại hội Công đoàn tỉnh lần thứ XVII, nhiệm kỳ 2023 - 2028",
                        "Đại hội đã bầu Ban Chấp hành khóa XVII gồm 35 ủy viên; đồng chí Nguyễn Văn Hải tái đắc cử Chủ"
                                + " tịch LĐLĐ tỉnh. Đại hội cũng thông qua phương hướng nhiệm vụ nhiệm kỳ mới và bầu"
                                + " đoàn đại biểu dự Đại hội Công đoàn Việt Nam lần thứ XIII."),
                Arguments.of("epidemic_disaster", "Hỗ trợ công nhân bị thiệt hại do bão lũ",
                        "Cơn bão số 3 và lũ quét đã làm hàng trăm nhà của công nhân bị sạt lở, ngập sâu. Công đoàn"
                                + " tỉnh đã trích quỹ trao 2 tỷ đồng hỗ trợ người lao động bị ảnh hưởng bởi thiên tai"
                                + " và cử đoàn viên thanh niên giúp các gia đình khắc phục hậu quả."),
                Arguments.of("culture_sports", "Sôi nổi Hội thao công nhân viên chức lao động năm 2024",
                        "Hội thao thu hút 600 vận động viên của 40 công đoàn cơ sở tranh tài ở các môn kéo co, bóng"
                                + " chuyền hơi, cầu lông và giải bóng đá nam. Buổi tối có chương trình văn nghệ chào"
                                + " mừng với nhiều tiết mục đặc sắc do công nhân biểu diễn."),
                Arguments.of("women_gender", "Kỷ niệm Ngày Quốc tế Phụ nữ 8/3 cùng nữ công nhân",
                        "Ban Nữ công LĐLĐ tỉnh tổ chức tọa đàm về bình đẳng giới và phòng chống quấy rối tình dục tại"
                                + " nơi làm việc cho 300 lao động nữ. Nhiều chị em chia sẻ khó khăn khi nuôi con nhỏ,"
                                + " đề nghị doanh nghiệp bố trí phòng vắt, trữ sữa."),
                Arguments.of("finance_inspection", "Ủy ban Kiểm tra kiểm tra tài chính công đoàn cơ sở",
                        "Ủy ban Kiểm tra LĐLĐ huyện đã kiểm tra việc thu, chi, quản lý tài chính, tài sản công đoàn"
                                + " tại 15 công đoàn cơ sở. Qua kiểm tra, một số đơn vị chưa lập dự toán, quyết toán"
                                + " đúng hạn và còn nợ kinh phí công đoàn."),
                Arguments.of("employment", "Giải quyết việc làm cho 300 lao động từ nguồn vốn vay",
                        "Từ Quỹ Trợ vốn CNLĐ nghèo, công đoàn đã giải ngân 3 tỷ đồng vốn vay cho 120 hộ, tạo việc làm"
                                + " cho 300 lao động. Trung tâm Dịch vụ việc làm cũng tổ chức phiên giao dịch việc làm"
                                + " và đào tạo nghề miễn phí cho người lao động mất việc."),
                Arguments.of("disputes", "Công ty may cắt giảm 2.000 lao động",
                        "Do thiếu đơn hàng, công ty thông báo sa thải 2.000 công nhân từ tháng 7. Nhiều người lao"
                                + " động bức xúc vì chưa nhận đủ trợ cấp thôi việc. Công đoàn cơ sở đề nghị doanh"
                                + " nghiệp công khai phương án sử dụng lao động."),
                Arguments.of("safety", "Hơn 100 công nhân nhập viện nghi ngộ độc thực phẩm",
                        "Sau bữa ăn trưa tại nhà ăn của công ty, hơn 100 công nhân có biểu hiện đau bụng, buồn nôn,"
                                + " được đưa đi cấp cứu. Cơ quan chức năng đã lấy mẫu thức ăn để xác định nguyên nhân"
                                + " vụ ngộ độc."),
                Arguments.of("safety", "Cháy lớn tại xưởng may, 300 công nhân thoát nạn",
                        "Vụ cháy bùng lên từ kho vải lúc 14 giờ. Lực lượng phòng cháy chữa cháy đã khống chế đám"
                                + " cháy sau hai giờ, không có thương vong. Công đoàn khu công nghiệp đến thăm hỏi công"
                                + " nhân."),
                Arguments.of("epidemic_disaster", "Hỗ trợ công nhân bị ảnh hưởng bởi dịch Covid-19",
                        "Trong đợt giãn cách xã hội, hơn 5.000 công nhân phải cách ly tại nhà trọ. Công đoàn các"
                                + " cấp đã trao túi an sinh, hỗ trợ 1 triệu đồng cho mỗi đoàn viên mắc Covid-19."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("oneArticlePerTopic")
    void findsTheTopicOfAShortArticleAsPrimary(String topic, String title, String body) {
        TopicClassifier.Classification result = CLASSIFIER.classify(title, body);
        assertEquals(topic, result.primaryTopic(), () -> result.topics() + " " + result.evidence());
        assertFalse(result.evidence().get(topic).isEmpty());
    }

    @Test
    void strikeEvidenceNamesThePhrasesWithTheirCounts() {
        TopicClassifier.Classification result = CLASSIFIER.classify("Công nhân đình công vì bị nợ lương",
                "Hơn 500 công nhân tiếp tục đình công sáng nay. Công ty đã nợ lương ba tháng.");
        List<String> evidence = result.evidence().get("disputes");
        assertEquals(List.of("đình công ×2", "nợ lương ×2"), evidence);
        assertTrue(result.topics().get(0).score() > 0.9, () -> result.topics().toString());
    }

    @Test
    void matchesEitherTonePlacement() {
        TopicClassifier.Classification oldStyle = CLASSIFIER.classify("",
                "Công đoàn hoà giải thành công, hai bên ký thoả ước lao động tập thể mới.");
        assertTrue(oldStyle.evidence().get("rights_law").contains("thỏa ước lao động tập thể ×1"),
                () -> oldStyle.evidence().toString());
        assertTrue(oldStyle.evidence().get("disputes").contains("hòa giải ×1"),
                () -> oldStyle.evidence().toString());

        TopicClassifier ownOldStyle = TopicClassifier.of(List.of("rights_law | 3 | thoả ước"));
        assertEquals(List.of("thoả ước ×1"),
                ownOldStyle.classify("", "Doanh nghiệp ký thỏa ước với công đoàn.").evidence().get("rights_law"));
    }

    @Test
    void matchesUpperCaseTitles() {
        TopicClassifier.Classification result = CLASSIFIER.classify(
                "HƠN 1.000 CÔNG NHÂN ĐÌNH CÔNG, NGỪNG VIỆC TẬP THỂ",
                "Sự việc xảy ra sáng 12/4 tại Công ty TNHH Hưng Phát.");
        assertEquals("disputes", result.primaryTopic());
        assertEquals(List.of("đình công ×1", "ngừng việc tập thể ×1"), result.evidence().get("disputes"));
    }

    @Test
    void matchesWholeWordsOnly() {
        TopicClassifier.Classification result = CLASSIFIER.classify("",
                "Luỹ kế số tiền bảo lãnh đã bảo đảm cho thị trường; lũy tiến từng tháng. Công đoàn thăm gia đình công"
                        + " nhân ở khu nhà trọ.");
        assertFalse(result.evidence().containsKey("epidemic_disaster"), () -> result.evidence().toString());
        assertFalse(result.evidence().containsKey("disputes"), () -> result.evidence().toString());
    }

    @Test
    void anArticleWithoutUnionTopicsIsOther() {
        TopicClassifier.Classification result = CLASSIFIER.classify(
                "Hà Nội FC thắng ngược Hải Phòng ở vòng 5 V-League",
                "Trên sân Hàng Đẫy tối qua, Hải Phòng mở tỷ số ở phút 20 sau pha đánh đầu của Lucao. Sang hiệp hai,"
                        + " Văn Quyết gỡ hòa từ chấm phạt đền rồi Hai Long ấn định chiến thắng 2-1 cho đội chủ nhà."
                        + " Với ba điểm này, Hà Nội FC vươn lên vị trí thứ hai trên bảng xếp hạng. Huấn luyện viên hai"
                        + " đội đều đánh giá cao tinh thần thi đấu của các cầu thủ trong trận cầu hấp dẫn của bóng đá"
                        + " Việt Nam.");
        assertEquals("other", result.primaryTopic());
        assertEquals(1, result.topics().size());
        assertEquals("other", result.topics().get(0).id());
        assertTrue(result.topics().get(0).score() < 0.35, () -> result.topics().toString());
    }

    @Test
    void scoresStayBetweenZeroAndOne() {
        String repeated = "Đình công, ngừng việc tập thể, nợ lương, tai nạn lao động, bão lũ. ".repeat(500);
        List<TopicClassifier.Classification> results = Stream.concat(
                        Stream.of(CLASSIFIER.classify("", ""), CLASSIFIER.classify(repeated, repeated)),
                        Seeds.all().stream().map(TopicClassifierTest::classified))
                .toList();
        for (TopicClassifier.Classification result : results) {
            for (TopicScore topic : result.topics()) {
                assertTrue(topic.score() >= 0 && topic.score() <= 1, () -> result.topics().toString());
            }
            List<Double> scores = result.topics().stream().map(TopicScore::score).toList();
            assertEquals(scores.stream().sorted((a, b) -> Double.compare(b, a)).toList(), scores);
        }
    }

    @Test
    void aTitleMentionWeighsMoreThanOneInTheBody() {
        String filler = "Hội nghị diễn ra tại hội trường của công ty với sự tham dự của nhiều đại biểu.";
        double inTitle = CLASSIFIER.classify("Phát động phong trào thi đua", filler).topics().get(0).score();
        double inBody = CLASSIFIER.classify("Hội nghị tại công ty", filler + " Phát động phong trào thi đua.")
                .topics().get(0).score();
        assertTrue(inTitle > inBody, inTitle + " <= " + inBody);
    }

    @Test
    void usesOnesOwnLexicon() {
        TopicClassifier own = TopicClassifier.of(List.of(
                "# climate topics for a green-jobs newsletter",
                "climate | 3 | biến đổi khí hậu",
                "climate\t2\tphát thải",
                "jobs | 1 | việc làm xanh"));
        TopicClassifier.Classification result = own.classify("Biến đổi khí hậu và việc làm xanh",
                "Giảm phát thải tạo ra việc làm xanh cho người lao động.");
        assertEquals(List.of("climate", "jobs"), ids(result));
        assertEquals(List.of("biến đổi khí hậu ×1", "phát thải ×1"), result.evidence().get("climate"));
        assertEquals(List.of("việc làm xanh ×2"), result.evidence().get("jobs"));
    }

    @Test
    void aZeroWeightPhraseHidesTheCuesInsideIt() {
        TopicClassifier.Classification result = CLASSIFIER.classify(
                "Đảng ủy Khối kết nạp đảng viên trong doanh nghiệp", "Đảng ủy Khối đã kết nạp Đảng cho 50 công nhân.");
        assertEquals("party_politics", result.primaryTopic());
        assertFalse(result.evidence().containsKey("membership"), () -> result.evidence().toString());

        TopicClassifier own = TopicClassifier.of(List.of("economy | 3 | bão", "economy | 0 | bão giá"));
        assertEquals("other", own.classify("", "Cơn bão giá quét qua chợ Tết.").primaryTopic());
    }

    @Test
    void rejectsAMalformedLexiconLineNamingIt() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> TopicClassifier.of(List.of("disputes | nhiều | đình công")));
        assertTrue(error.getMessage().contains("disputes | nhiều | đình công"), error.getMessage());
    }

    @Test
    void loadsTheBundledLexiconOnce() {
        assertSame(TopicClassifier.vietnamese(), TopicClassifier.vietnamese());
    }
}
