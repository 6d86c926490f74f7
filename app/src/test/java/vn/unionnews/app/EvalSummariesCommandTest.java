package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.unionnews.kafka.Json;

class EvalSummariesCommandTest {
    private static final Pattern ROW = Pattern.compile("  (\\S+)\\s+(\\d+\\.\\d)\\s+(\\d+\\.\\d)\\s+(\\d+\\.\\d)");

    private static final String TET_LEAD = "Ngày 15/1, Công đoàn Khu công nghiệp Tân Tạo tổ chức chương trình Tết sum vầy"
            + " cho hơn 500 công nhân. Mỗi suất quà trị giá 500.000 đồng gồm tiền mặt và nhu yếu phẩm. Chủ tịch công"
            + " đoàn cho biết năm nay số công nhân ở lại thành phố đón Tết tăng so với năm trước.";
    private static final String TET = article("tet", "Công đoàn KCN Tân Tạo chăm lo Tết cho công nhân",
            TET_LEAD + " Ngoài quà Tết, công đoàn còn hỗ trợ vé xe cho 120 công nhân về quê.\n"
                    + "Chương trình được doanh nghiệp và nhà hảo tâm đồng hành.",
            TET_LEAD, true);
    private static final String AGREEMENT = article("thoa-uoc",
            "Liên đoàn Lao động tỉnh Bình Dương ký kết thỏa ước lao động tập thể nhóm",
            "Sáng 20/3, Liên đoàn Lao động tỉnh Bình Dương phối hợp với 12 doanh nghiệp ký kết thỏa ước lao động tập"
                    + " thể nhóm. Thỏa ước quy định mức lương cao hơn lương tối thiểu vùng 7%. Người lao động còn được"
                    + " hưởng thêm phụ cấp nhà trọ và tiền ăn giữa ca.\nĐây là năm thứ ba tỉnh triển khai mô hình này.",
            "12 doanh nghiệp ở Bình Dương ký thỏa ước lao động tập thể nhóm, người lao động được trả lương cao hơn"
                    + " mức tối thiểu vùng 7% và thêm phụ cấp nhà trọ.",
            true);
    private static final String BUSES = article("xe-buyt", "Hà Nội mở rộng tuyến xe buýt điện",
            "Từ tháng 6, Hà Nội đưa thêm 5 tuyến xe buýt điện vào khai thác. Các tuyến mới nối trung tâm thành phố"
                    + " với các khu đô thị phía tây. Giá vé không đổi so với xe buýt thường.\nThành phố đặt mục tiêu"
                    + " đến năm 2030 toàn bộ xe buýt dùng năng lượng sạch.",
            "Hà Nội đưa 5 tuyến xe buýt điện vào khai thác từ tháng 6, giá vé giữ nguyên.", false);

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
        /** Table heading → method → R1, R2, RL. */
        Map<String, Map<String, double[]>> tables() {
            Map<String, Map<String, double[]>> tables = new LinkedHashMap<>();
            Map<String, double[]> current = null;
            for (String line : out.split("\n")) {
                Matcher row = ROW.matcher(line);
                if (row.matches()) {
                    current.put(row.group(1), new double[] {Double.parseDouble(row.group(2)),
                            Double.parseDouble(row.group(3)), Double.parseDouble(row.group(4))});
                } else if (line.matches(".*\\sR1\\s+R2\\s+RL")) {
                    current = new LinkedHashMap<>();
                    tables.put(line.replaceAll("\\s+R1\\s+R2\\s+RL$", ""), current);
                }
            }
            return tables;
        }
    }

    private static String article(String id, String title, String body, String reference, boolean labour) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", id);
        line.put("title", title);
        line.put("body", body);
        line.put("reference", reference);
        line.put("labour", labour);
        try {
            return Json.mapper().writeValueAsString(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Run eval(String... args) {
        CliRun run = CliRun.of(Stream.concat(Stream.of("eval-summaries"), Stream.of(args)).toArray(String[]::new));
        return new Run(run.exitCode(), run.out(), run.err());
    }

    private Path jsonLines(String... lines) throws Exception {
        return Files.write(dir.resolve("articles.jsonl"), List.of(lines), StandardCharsets.UTF_8);
    }

    private static void assertPercentages(Map<String, double[]> table) {
        assertEquals(List.of("learned", "lexrank", "lead-2", "lead-3"), List.copyOf(table.keySet()), table.keySet().toString());
        table.forEach((method, scores) -> {
            for (double score : scores) {
                assertTrue(score >= 0 && score <= 100, method + ": " + score);
            }
        });
    }

    @Test
    void printsATableForAllArticlesAndOneForTheLabourSubset() throws Exception {
        Run run = eval(jsonLines(TET, AGREEMENT, BUSES).toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("articles.jsonl: 3 articles (2 labour)\n"), run.out());
        Map<String, Map<String, double[]>> tables = run.tables();
        assertEquals(List.of("all articles", "labour subset (2)"), List.copyOf(tables.keySet()), run.out());
        tables.values().forEach(table -> assertEquals(4, table.size(), run.out()));
        tables.values().forEach(EvalSummariesCommandTest::assertPercentages);
    }

    @Test
    void leadThreeScoresFullMarksWhenTheReferenceIsTheFirstThreeSentences() throws Exception {
        Run run = eval(jsonLines(TET).toString());

        assertEquals(0, run.exitCode(), run.err());
        assertArrayEquals(new double[] {100, 100, 100}, run.tables().get("all articles").get("lead-3"), run.out());
    }

    @Test
    void jsonGivesTheNumbersOfTheTable() throws Exception {
        Path file = jsonLines(TET, AGREEMENT, BUSES);
        Map<String, double[]> table = eval(file.toString()).tables().get("labour subset (2)");

        Run run = eval(file.toString(), "--json");

        JsonNode result = Json.mapper().readTree(run.out());
        assertEquals(3, result.path("articles").asInt());
        assertEquals(2, result.path("labourArticles").asInt());
        assertEquals(table.size(), result.path("labour").size());
        // Only the baselines: the pipeline's summariser learns IDF from every article it has summarised in this JVM.
        for (JsonNode row : result.path("labour")) {
            if (!row.path("method").asText().startsWith("lead-")) {
                continue;
            }
            assertArrayEquals(table.get(row.path("method").asText()), new double[] {
                    row.path("rouge1").asDouble(), row.path("rouge2").asDouble(), row.path("rougeL").asDouble()},
                    row.toString());
        }
    }

    @Test
    void aBadLineIsNamedSkippedAndMakesTheExitCodeOne() throws Exception {
        Path file = jsonLines(TET, "{\"id\": \"cut\", \"body\": \"Công đoàn", BUSES.replace("\"reference\"", "\"ref\""),
                AGREEMENT);

        Run run = eval(file.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("articles.jsonl:2: skipped, not a JSON object"), run.err());
        assertTrue(run.err().contains("articles.jsonl:3: skipped, no reference (id xe-buyt)"), run.err());
        assertTrue(run.out().startsWith("articles.jsonl: 2 articles (2 labour), 2 lines skipped\n"), run.out());
        assertPercentages(run.tables().get("all articles"));
    }

    @Test
    void scoresScrapedRecordsThroughThePageReaderWithPages() throws Exception {
        List<String> records = new ArrayList<>();
        for (String line : List.of(TET, AGREEMENT, BUSES)) {
            JsonNode article = Json.mapper().readTree(line);
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("title", article.path("title").asText());
            record.put("text", article.path("title").asText() + "\n\n" + article.path("body").asText());
            record.put("reference", article.path("reference").asText());
            record.put("labour", article.path("labour").asBoolean());
            records.add(Json.mapper().writeValueAsString(record));
        }
        Path file = Files.write(dir.resolve("scraped.jsonl"), records, StandardCharsets.UTF_8);

        Run run = eval("--pages", file.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("scraped.jsonl: 3 articles (2 labour)\n"), run.out());
        assertPercentages(run.tables().get("all articles"));
    }

    @Test
    void aMissingFileIsAUserErrorWithExitTwo() {
        Run run = eval(dir.resolve("missing.jsonl").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no such file") && run.err().contains("missing.jsonl"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void leadThreeOnTheVietNewsDevSetScoresInThePublishedRange() {
        Path devSet = RepoPaths.find("analysis").resolve("src/test/resources/eval/vietnews_dev.jsonl");

        Run run = eval(devSet.toString());

        System.out.print(run.out());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("vietnews_dev.jsonl: 297 articles (97 labour)\n"), run.out());
        double leadThreeRouge1 = run.tables().get("all articles").get("lead-3")[0];
        assertTrue(leadThreeRouge1 >= 20 && leadThreeRouge1 <= 35, run.out());
    }
}
