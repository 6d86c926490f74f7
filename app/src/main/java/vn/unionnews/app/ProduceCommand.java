package vn.unionnews.app;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;

@Command(name = "produce", description = {"Publish scraped pages to the articles topic.",
        "Reads files, directories (recursively), or JSON Lines on stdin with '-'."})
final class ProduceCommand implements Callable<Integer> {
    /** Batches at least this large get a progress bar when stderr is a terminal. */
    private static final int PROGRESS_BAR_MIN = 20;

    @Mixin
    KafkaOptions kafka;

    @Parameters(arity = "1..*", paramLabel = "PATH|-", description = "Page files, directories (recursively), or - for JSON Lines on stdin.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        UnionNewsConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        ArticlePublisher.Report report = publish(config, readInputs(paths));
        System.err.printf("Sent %d article(s), %d failed.%n", report.sent(), report.failed());
        report.failures().forEach(f -> System.err.println("  " + f));
        return report.failed() == 0 ? 0 : 1;
    }

    static List<PageInput> readInputs(List<String> paths) {
        List<PageInput> inputs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                inputs.addAll(PageInputs.fromJsonLines("stdin",
                        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))));
            } else {
                files.add(Path.of(p));
            }
        }
        inputs.addAll(PageInputs.fromPaths(files));
        return inputs;
    }

    static ArticlePublisher.Report publish(UnionNewsConfig config, List<PageInput> inputs) {
        try (ArticlePublisher publisher = new ArticlePublisher(config)) {
            if (inputs.size() >= PROGRESS_BAR_MIN && System.console() != null) {
                try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Publishing").setInitialMax(inputs.size())
                        .continuousUpdate().build()) {
                    return publisher.publish(inputs, bar::stepBy);
                }
            }
            return publisher.publish(inputs, done -> { });
        }
    }
}
