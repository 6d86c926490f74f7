package vn.unionnews.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.producer.ArticlePublisher;
import vn.unionnews.producer.PageInput;
import vn.unionnews.producer.PageInputs;

@Command(name = "produce", description = {"Publish scraped pages to the articles topic.",
        "Reads files, directories (recursively), or JSON Lines on stdin with '-'.",
        "Reports each input as sent, sent truncated (its body cut at 200,000 characters) or dead-lettered with the"
                + " reason, and exits 1 when any input was not sent as an article."})
final class ProduceCommand implements Callable<Integer> {
    /** Batches at least this large get a progress bar when stderr is a terminal. */
    private static final int PROGRESS_BAR_MIN = 20;

    @Mixin
    KafkaOptions kafka;

    @Option(names = {"-v", "--verbose"}, description = "Print every input's outcome, not only those not plainly sent.")
    boolean verbose;

    @Parameters(arity = "1..*", paramLabel = "PATH|-", description = "Page files, directories (recursively), or - for JSON Lines on stdin.")
    List<String> paths = new ArrayList<>();

    @Override
    public Integer call() {
        UnionNewsConfig config = kafka.connect();
        TopicAdmin.ensureTopics(config, config.topics().producers());
        ArticlePublisher.Report report = publish(config, readInputs(paths));
        System.err.printf("Sent %d article(s) (%d truncated), %d dead-lettered to %s, %d not sent.%n", report.sent(),
                report.count(ArticlePublisher.Fate.SENT_TRUNCATED), report.count(ArticlePublisher.Fate.DEAD_LETTERED),
                config.topics().dlq(), report.count(ArticlePublisher.Fate.FAILED));
        (verbose ? report.outcomes().stream().map(Object::toString).toList() : report.failures())
                .forEach(line -> System.err.println("  " + line));
        return report.failed() == 0 ? 0 : 1;
    }

    static List<PageInput> readInputs(List<String> paths) {
        List<PageInput> inputs = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String p : paths) {
            if (p.equals("-")) {
                inputs.addAll(PageInputs.fromJsonLines("stdin", System.in));
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
