package vn.unionnews.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.RawPage;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;

/**
 * The pages {@code load} and {@code chaos} send: the seeds under new ids and titles, strike reports (they raise
 * alerts and name a company and a provincial federation) and long reports of about
 * {@value #LONG_REPORT_SENTENCES} sentences; each page an article of its own. Sent at a steady pace.
 */
final class GeneratedPages {
    static final int LONG_REPORT_SENTENCES = 200;
    private static final String STRIKE = """
            Công nhân Công ty TNHH %1$s ngừng việc tập thể vì bị nợ lương – bản tin %2$d

            Sáng %3$d/3, khoảng %4$s công nhân Công ty TNHH %1$s ở tỉnh %5$s đã đồng loạt ngừng việc tập thể vì công ty nợ lương hai tháng và chậm đóng bảo hiểm xã hội cho người lao động.

            Liên đoàn Lao động tỉnh %5$s đã cử cán bộ đến doanh nghiệp, phối hợp với chính quyền địa phương tổ chức đối thoại giữa đại diện người lao động và chủ doanh nghiệp để giải quyết tranh chấp lao động.

            Tại buổi đối thoại, công ty cam kết trả đủ tiền lương còn nợ trước ngày 30/3, người lao động đồng ý trở lại làm việc từ ca chiều cùng ngày.
            """;
    private static final String[] COMPANIES = {"Giày da Thuận Phát", "May mặc Hòa Bình", "Điện tử Tân Tiến",
        "Chế biến gỗ Phú Cường", "Bao bì Minh Long"};
    private static final String[] PROVINCES = {"Bình Dương", "Đồng Nai", "Long An", "Bắc Giang", "Thanh Hóa"};

    private GeneratedPages() {
    }

    /** The pages in {@code dir} to vary; none is a user's mistake. */
    static List<RawPage> seeds(Path dir) {
        List<RawPage> pages = PageInputs.fromPaths(List.of(dir)).stream().map(PageInput::page)
                .filter(Objects::nonNull).toList();
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages in " + dir + " to vary (--seeds)");
        }
        return pages;
    }

    /**
     * {@code pages} pages with ids {@code <idPrefix>-<i>}: every {@code longEvery}-th a long report, else every
     * {@code strikeEvery}-th a strike report (0 for none), else a seed; each input's origin is its kind and number.
     */
    static List<PageInput> generate(List<RawPage> seedPages, String idPrefix, int pages, int longEvery,
                                    int strikeEvery) {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(3);
        List<ArticleEvent> articles = seedPages.stream().map(analyzer::toArticle).toList();
        List<PageInput> inputs = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            String kind;
            String text;
            if (longEvery > 0 && i % longEvery == longEvery - 1) {
                kind = "long";
                text = longReport(articles, i);
            } else if (strikeEvery > 0 && i % strikeEvery == strikeEvery - 1) {
                kind = "strike";
                text = String.format(STRIKE, COMPANIES[i % COMPANIES.length], i, 1 + i % 28,
                        String.format("%d.%03d", 1 + i % 3, (i * 37) % 1000), PROVINCES[i / COMPANIES.length % PROVINCES.length]);
            } else {
                kind = "seed";
                ArticleEvent seed = articles.get(i % articles.size());
                text = seed.title() + " – bản tin " + i + "\n\n" + seed.body();
            }
            inputs.add(PageInput.of(kind + ":" + i, new RawPage(idPrefix + "-" + i, null, null, null, null, text, null)));
        }
        return inputs;
    }

    /** The seeds' bodies one after another until about {@link #LONG_REPORT_SENTENCES} sentences. */
    private static String longReport(List<ArticleEvent> articles, int i) {
        StringBuilder text = new StringBuilder("Báo cáo tổng kết công tác công đoàn các tỉnh – bản tin " + i + "\n\n");
        int sentences = 0;
        for (int k = 0; sentences < LONG_REPORT_SENTENCES; k++) {
            ArticleEvent seed = articles.get(k % articles.size());
            text.append(seed.body()).append("\n\n");
            sentences += seed.sentences().size();
        }
        return text.toString();
    }

    static long count(List<PageInput> inputs, String kind) {
        return inputs.stream().filter(input -> input.origin().startsWith(kind + ":")).count();
    }

    /**
     * Publishes {@code inputs} at {@code rate} pages a second, a tenth of a second's worth at a time (0: all at
     * once, as fast as the producer goes); {@code onAcked} gets each article id Kafka acknowledged, as it does.
     */
    static ArticlePublisher.Report send(UnionNewsConfig config, List<PageInput> inputs, int rate,
                                        Consumer<String> onAcked) {
        int batch = rate == 0 ? inputs.size() : Math.max(1, rate / 10);
        long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * batch / rate;
        List<ArticlePublisher.Outcome> outcomes = new ArrayList<>();
        long next = System.nanoTime();
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            for (int from = 0; from < inputs.size(); from += batch) {
                LockSupport.parkNanos(next - System.nanoTime());
                ArticlePublisher.Report chunk = publisher.publish(
                        inputs.subList(from, Math.min(inputs.size(), from + batch)), done -> { }, onAcked);
                outcomes.addAll(chunk.outcomes());
                next += interval;
            }
        }
        return new ArticlePublisher.Report(List.copyOf(outcomes));
    }
}
