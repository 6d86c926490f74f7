package vn.unionnews.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.streams.ArticleStreams;

@Command(name = "streams", description = "Run the Kafka Streams topology (articles → articles.enriched, org-stats) until Ctrl-C.")
final class StreamsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Override
    public Integer call() throws InterruptedException {
        UnionNewsConfig config = kafka.config();
        TopicAdmin.ensureTopics(config);
        CountDownLatch stopped = new CountDownLatch(1);
        ArticleStreams streams = new ArticleStreams(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            streams.close();
            stopped.countDown();
        }));
        streams.start();
        System.err.println("Streams running against " + config.bootstrapServers() + "; Ctrl-C stops.");
        stopped.await();
        return 0;
    }
}
