package vn.unionnews.summary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "Đó là chỉ đạo của đồng chí Vũ Xuân Cường tại hội nghị.",
        "Ngoài ra, công đoàn còn hỗ trợ vé xe cho 120 công nhân.",
        "NGOÀI RA, CÔNG ĐOÀN CÒN HỖ TRỢ VÉ XE.",
        "Bên cạnh đó, nhiều doanh nghiệp vẫn chậm đóng bảo hiểm xã hội.",
        "Tuy nhiên, số đoàn viên mới còn thấp.",
        "“Theo đó, người lao động được nghỉ 4 ngày.",
        "Tuy nhiên , tiến độ còn chậm.",
    })
    void tellsAnOpeningThatLeansOnTheSentenceBefore(String sentence) {
        assertTrue(Openings.leansOnPrevious(sentence), sentence);
        assertTrue(Openings.leansOnPrevious(Normalizer.normalize(sentence, Normalizer.Form.NFD)), "NFD: " + sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Đoàn viên công đoàn được hỗ trợ 500.000 đồng mỗi người.",
        "Đồng chí Chủ tịch nhấn mạnh vai trò của công đoàn cơ sở.",
        "Vào lúc 8 giờ sáng, 300 công nhân ngừng việc.",
        "Theo báo cáo của Liên đoàn Lao động tỉnh, năm 2021 có 1.200 đoàn viên mới.",
        "Tuyên truyền pháp luật cho người lao động là nhiệm vụ trọng tâm.",
    })
    void letsEveryOtherOpeningStandAlone(String sentence) {
        assertFalse(Openings.leansOnPrevious(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ảnh: Minh Hương", "Ảnh minh họa: Công nhân tan ca tại Khu công nghiệp Tân Tạo.",
        "Bài và ảnh: Hoàng Anh", "Video: Toàn cảnh buổi lễ ký kết thỏa ước lao động tập thể."})
    void tellsAPhotoVideoOrBylineLabel(String sentence) {
        assertTrue(Openings.isMediaLine(sentence), sentence);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ảnh hưởng của bão: 300 công nhân phải nghỉ việc không lương.",
        "Nguyên nhân chủ yếu là doanh nghiệp gặp khó khăn về đơn hàng.",
        "Kết quả: 100% công đoàn cơ sở hoàn thành nhiệm vụ."})
    void letsASentenceWithAColonBe(String sentence) {
        assertFalse(Openings.isMediaLine(sentence), sentence);
    }
}
