package vn.unionnews.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import vn.unionnews.kafka.EmbeddedKafkaBroker;

/**
 * Gives integration tests a real broker as a {@link KafkaBroker} parameter: Testcontainers' Kafka container
 * when a Docker engine is reachable, else the project's embedded KRaft broker. One broker serves the whole
 * test run (it lives in the root context's store) so the suite stays fast; tests isolate themselves with
 * {@link KafkaBroker#uniquePrefix}. Set {@code -Dunion-news.test.broker=embedded} to skip the Docker probe.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerExtension.class);
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(KafkaBrokerExtension.class))
                .getOrComputeIfAbsent("broker", key -> startBroker(), SharedBroker.class);
    }

    private static SharedBroker startBroker() {
        if (!"embedded".equals(System.getProperty("union-news.test.broker")) && dockerAvailable()) {
            KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
            container.start();
            LOG.info("Test broker: Testcontainers {} at {}", KAFKA_IMAGE, container.getBootstrapServers());
            return new SharedBroker(container.getBootstrapServers(), "testcontainers", container::stop);
        }
        try {
            Path dir = Files.createTempDirectory("union-news-test-broker");
            EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0);
            LOG.info("Test broker: embedded KRaft at {}", broker.bootstrapServers());
            return new SharedBroker(broker.bootstrapServers(), "embedded", () -> {
                broker.close();
                EmbeddedKafkaBroker.wipe(dir);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** The suite's broker; closed by JUnit when the run ends. */
    record SharedBroker(String bootstrapServers, String kind, Runnable stop)
            implements KafkaBroker, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            stop.run();
        }
    }
}
