package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatelinesTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LCĐT – Đó là chỉ đạo của đồng chí Phó Bí thư.|Đó là chỉ đạo của đồng chí Phó Bí thư.",
        "(Baothanhhoa.vn) – Sáng 14/1, Liên đoàn Lao động tỉnh tổ chức hội nghị.|Sáng 14/1, Liên đoàn Lao động tỉnh tổ chức hội nghị.",
        "(Dân trí) - Hơn 300 công nhân ngừng việc.|Hơn 300 công nhân ngừng việc.",
        "TP HCM - Công đoàn trao 500 suất quà Tết.|Công đoàn trao 500 suất quà Tết.",
        "VOV.VN — Bộ Lao động công bố số liệu mới.|Bộ Lao động công bố số liệu mới.",
        "Baoquangninh.vn - Công nhân được tăng lương.|Công nhân được tăng lương.",
        "LĐO– Ngày 5/3, công ty nợ lương 200 công nhân.|Ngày 5/3, công ty nợ lương 200 công nhân.",
    })
    void stripsASourcesShortNameBeforeADash(String sentence, String stripped) {
        assertEquals(stripped, Datelines.strip(sentence));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Ông Nguyễn Văn An - Chủ tịch Công đoàn - phát biểu tại hội nghị.",
        "Chỉ thị 30- CT/TU của Ban Thường vụ Tỉnh ủy về hội quần chúng.",
        "Thực hiện Chỉ thị số 17-CT/TW của Bộ Chính trị về công tác dân vận.",
        "Giai đoạn 2017 – 2020, công đoàn kết nạp 5.000 đoàn viên.",
        "Hội nghị tổng kết năm 2021 – một năm nhiều khó khăn – đã diễn ra sáng 14/1.",
        "LCĐT – ",
    })
    void leavesEveryOtherSentenceAsItIs(String sentence) {
        assertEquals(sentence, Datelines.strip(sentence));
    }
}
