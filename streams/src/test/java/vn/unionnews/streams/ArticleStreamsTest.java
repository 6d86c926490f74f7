package vn.unionnews.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import vn.unionnews.kafka.UnionNewsConfig;

class ArticleStreamsTest {
    @Test
    void oneThreadPerCoreAndZstdUnlessTheConfigurationSaysOtherwise() {
        Properties defaults = ArticleStreams.properties(UnionNewsConfig.defaults(Map.of()));
        assertEquals(String.valueOf(Runtime.getRuntime().availableProcessors()),
                defaults.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals("zstd", defaults.getProperty(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG)));

        Properties set = ArticleStreams.properties(UnionNewsConfig.defaults(Map.of(
                "streams.num.stream.threads", "3", "streams.producer.compression.type", "lz4")));
        assertEquals("3", set.getProperty(StreamsConfig.NUM_STREAM_THREADS_CONFIG));
        assertEquals("lz4", set.getProperty(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG)));
    }
}
