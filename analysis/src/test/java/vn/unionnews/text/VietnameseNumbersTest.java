package vn.unionnews.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.unionnews.text.VietnameseNumbers.NumberMatch;

class VietnameseNumbersTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "17.594 | 17594",
            "1.000.000 | 1000000",
            "01 | 1",
            "1,9 | 1.9",
            "82,758 | 82.758",
            "6.383,9 | 6383.9",
            "15,102,192 | 15102192",
            "1,234.5 | 1234.5",
            "81% | 81",
            "86,4% | 86.4",
            "164/195 | 164",
    })
    void readsDotsAsThousandsAndACommaAsDecimals(String written, double value) {
        assertEquals(Optional.of(value), VietnameseNumbers.parse(written));
    }

    @Test
    void readsALoneCommaBeforeThreeDigitsAsADecimalComma() {
        // Ambiguous: Vietnamese "82,758 tỷ" is 82.758 tỷ; an English counter "255,529" reads the same way.
        assertEquals(Optional.of(255.529), VietnameseNumbers.parse("255,529"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "1,9 tỷ đồng | 1900000000",
            "82,758 tỷ đồng | 82758000000",
            "900 triệu đồng | 900000000",
            "17 tỷ đồng | 17000000000",
            "2 tỉ đồng | 2000000000",
            "1 tỷ 200 triệu đồng | 1200000000",
            "200.000đ | 200000",
            "200.000 đồng | 200000",
            "500.000 VNĐ | 500000",
            "5 nghìn | 5000",
            "3 ngàn | 3000",
            "1,2 triệu | 1200000",
            "hơn 900 triệu đồng | 900000000",
            "gần 1,9 tỷ đồng | 1900000000",
            "trên 2.600 | 2600",
            "khoảng 300 | 300",
            "gần như 100% | 100",
    })
    void appliesScaleWordsAndKeepsApproximateWordsOutOfTheValue(String written, double value) {
        assertEquals(Optional.of(value), VietnameseNumbers.parse(written));
    }

    @Test
    void marksMoneyPercentagesAndSharesWithTheirWholeSpan() {
        String text = "tổng số tiền gần 1,9 tỷ đồng; 81% đơn vị; 164/195 doanh nghiệp; hơn 900 triệu đồng";

        List<NumberMatch> found = VietnameseNumbers.find(text);

        assertEquals(4, found.size());
        NumberMatch money = found.get(0);
        assertTrue(money.money());
        assertEquals("gần 1,9 tỷ đồng", text.substring(money.start(), money.end()));
        assertTrue(found.get(1).percent());
        assertEquals("81%", text.substring(found.get(1).start(), found.get(1).end()));
        NumberMatch share = found.get(2);
        assertEquals(164, share.value());
        assertEquals(195.0, share.total());
        assertFalse(share.money());
        assertEquals("hơn 900 triệu đồng", text.substring(found.get(3).start(), found.get(3).end()));
    }

    @Test
    void aCountIsNotMoneyAndHasNoTotal() {
        NumberMatch count = VietnameseNumbers.find("kết nạp mới được 17.594 đoàn viên").get(0);

        assertEquals(17594, count.value());
        assertNull(count.total());
        assertFalse(count.money());
        assertFalse(count.percent());
    }

    @Test
    void readsNoMoneyIntoComradesOrCoAuthors() {
        List<NumberMatch> found = VietnameseNumbers.find(
                "có 05 đồng chí là chủ doanh nghiệp; 114 tác giả và đồng tác giả; 3 đồng chí được khen thưởng");

        assertEquals(List.of(5.0, 114.0, 3.0), found.stream().map(NumberMatch::value).toList());
        assertTrue(found.stream().noneMatch(NumberMatch::money));
    }

    @Test
    void readsBothEndsOfAnAmountRange() {
        List<NumberMatch> found = VietnameseNumbers.find("hỗ trợ với mức từ 200.000-1.000.000đ/trường");

        assertEquals(List.of(200000.0, 1000000.0), found.stream().map(NumberMatch::value).toList());
        assertFalse(found.get(0).money());
        assertTrue(found.get(1).money());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "Thực hiện Chỉ thị số 03-CT/TW ngày 14/5/2011 về học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
            "Chỉ thị 05/CT/ TW ngày 15/5/2016 của Bộ Chính trị",
            "Thứ sáu - 15/09/2017 05:22",
            "Quyết định số 5440/QĐ-TLĐ năm 2023 của Tổng Liên đoàn",
            "Quyết định số 123 – QĐ/TU, ngày 24/01/2011 của Tỉnh ủy Lào Cai",
            "Chỉ thị 39 CT/TU ngày 25/3/2014 của Tỉnh ủy; Chỉ thị 30- CT/TU, ngày 10/01/2013",
            "Công văn số 1076 /LĐLĐ về việc hưởng chế độ",
            "Hội nghị lần thứ 10 Ban Chấp hành (khóa XVI), nhiệm kỳ 2018 – 2023 diễn ra ngày 14/1.",
            "giai đoạn 2018-2023 và định hướng đến năm 2020",
            "giai đoạn 2017- 2020, các cấp công đoàn",
            "Tiết mục văn nghệ trong Tết sum vầy xuân Kỷ Hợi năm 2019",
            "Dân số (2013)",
            "Ngày 30/12, tại Cửa khẩu Quốc tế đường bộ số 2 Kim Thành",
            "Thứ 3, ngày 21/01/2020",
            "phòng, chống dịch bệnh Covid-19",
            "Kết luận 100-KL/TW của Ban Bí thư (khóa XI)",
            "Từ 1/7, đ/c Nguyễn Văn A phụ trách",
    })
    void findsNoQuantityInDatesTimesYearsCodesOrOrdinals(String text) {
        assertEquals(List.of(), VietnameseNumbers.find(text));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"14/5/2011", "05:22", "17-CT/TW", "5440/QĐ-TLĐ", "năm 2021", "lần thứ 10", "khóa XVI",
            "30/12", "14.5.2011", "1,2,3", "abc", ""})
    void parsesNothingThatIsNotAQuantity(String written) {
        assertEquals(Optional.empty(), VietnameseNumbers.parse(written));
    }
}
