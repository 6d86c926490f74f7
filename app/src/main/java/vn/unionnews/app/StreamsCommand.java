package vn.unionnews.app;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vn.unionnews.kafka.TopicAdmin;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.streams.ArticleStreams;
import vn.unionnews.streams.OrgStatsApi;

@Command(name = "streams", description = {"Run the Kafka Streams topology and its HTTP API until Ctrl-C.",
        "Reads articles and writes articles.enriched, org-stats and province-stats."})
final class StreamsCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--http-port", paramLabel = "PORT",
            description = "Port of the HTTP API of interactive queries. Default: http.port, 8080.")
    Integer httpPort;

    @Option(names = "--instance-id", paramLabel = "ID",
            description = "A stable id for this instance (instance.id), distinct per instance: it makes the instance a"
                    + " static group member that takes its tasks back without a rebalance when restarted.")
    String instanceId;

    @Override
    public Integer call() throws InterruptedException {
        UnionNewsConfig config = kafka.connect();
        if (instanceId != null) {
            config = config.with(UnionNewsConfig.INSTANCE_ID, instanceId);
        }
        if (httpPort != null) {
            config = config.with(UnionNewsConfig.HTTP_PORT, String.valueOf(httpPort));
        }
        TopicAdmin.ensureTopics(config);
        CountDownLatch stopped = new CountDownLatch(1);
        ArticleStreams streams = new ArticleStreams(config).start();
        OrgStatsApi api = OrgStatsApi.start(streams, config.get(UnionNewsConfig.HTTP_HOST),
                config.getInt(UnionNewsConfig.HTTP_PORT));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            api.close();
            streams.close();
            stopped.countDown();
        }));
        System.err.printf("Streams running against %s; HTTP API on http://%s:%d/api/orgs; Ctrl-C stops.%n",
                config.bootstrapServers(), config.get(UnionNewsConfig.HTTP_HOST), api.port());
        stopped.await();
        return 0;
    }
}
