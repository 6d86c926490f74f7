package vn.unionnews.app;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.unionnews.kafka.BrokerStartException;
import vn.unionnews.kafka.EmbeddedKafkaBroker;

@Command(name = "broker", description = {
        "Run the embedded Kafka broker alone until Ctrl-C.",
        "It is a single-node KRaft broker, Kafka's own broker code, for the other commands (produce, streams,"
                + " consume, …) or any Kafka client to use. Its data is the demo's broker's."})
final class BrokerCommand implements Callable<Integer> {
    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on. Default: ${DEFAULT-VALUE}.")
    int port = 9092;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "The broker's log directory, kept between runs. Default: .union-news/kafka in the project (the demo's).")
    Path dataDir;

    private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
        // The demo keeps its broker's data here too, so the topics of one are the other's.
        Path data = dataDir != null ? dataDir
                : Path.of(System.getProperty("union-news.home", ".")).resolve(".union-news").resolve("kafka");
        EmbeddedKafkaBroker broker;
        try {
            broker = EmbeddedKafkaBroker.start(data, port);
        } catch (BrokerStartException e) {
            System.err.println("union-news: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "broker-shutdown"));
        out.printf("Kafka broker listening on %s (data in %s); Ctrl-C stops.%n", broker.bootstrapServers(),
                data.toAbsolutePath());
        stopped.await();
        return 0;
    }
}
