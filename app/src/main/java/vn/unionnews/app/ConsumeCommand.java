package vn.unionnews.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.consumer.SummarizingConsumer;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;

@Command(name = "consume", description = {"Run the summarising consumer until Ctrl-C.",
        "Reads articles.enriched, org-stats and province-stats and writes summaries and alerts to output, exactly"
                + " once."})
final class ConsumeCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "This instance's id (instance.id): instances on one group need distinct ids. Default: 0.")
    String instanceId;

    @Override
    public Integer call() throws InterruptedException {
        UnionNewsConfig config = kafka.connect();
        if (instanceId != null) {
            config = config.with(UnionNewsConfig.INSTANCE_ID, instanceId);
        }
        TopicAdmin.ensureTopics(config);
        SummarizingConsumer consumer = new SummarizingConsumer(config,
                summary -> System.out.println(summary.articleId() + "\t" + summary.title()));
        Thread loop = new Thread(consumer, "summarizing-consumer");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.close();
            joinQuietly(loop);
        }));
        loop.start();
        System.err.println("Consumer running against " + config.bootstrapServers() + "; Ctrl-C stops.");
        loop.join();
        if (consumer.failure().isPresent()) {
            System.err.println("union-news: the consumer stopped: " + consumer.failure().get());
            return 1;
        }
        return 0;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(15_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
