package vn.unionnews.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.DeadLetters;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.PageException;
import vn.unionnews.page.RawPage;

/**
 * Publishes pages as article events to {@code articles}, keyed by article id so a re-scrape lands on the same
 * key: idempotent, {@code acks=all}, compressed. A page that is not an article, or that the analysis fails on, goes
 * to {@code dlq} with the reason, the exception, its input ({@code topic}: the file or stdin line; key: the page's
 * id when the scraper gave one) and its original bytes, and is reported as failed; the run goes on.
 */
public final class ArticlePublisher implements AutoCloseable {
    static final String STAGE = "producer";
    private static final JsonSerde<ArticleEvent> SERDE = JsonSerde.of(ArticleEvent.class);

    private final Topics topics;
    private final ArticleAnalyzer analyzer;
    private final KafkaProducer<byte[], byte[]> producer;

    /** What a publish run did: the ids of the articles sent, and each failed input with why. */
    public record Report(List<String> sentIds, int failed, List<String> failures) {
        public int sent() {
            return sentIds.size();
        }
    }

    public ArticlePublisher(UnionNewsConfig config) {
        this.topics = config.topics();
        this.analyzer = new ArticleAnalyzer(config.getInt(UnionNewsConfig.SUMMARY_SENTENCES));
        this.producer = new KafkaProducer<>(producerProperties(config), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    static Properties producerProperties(UnionNewsConfig config) {
        Properties props = ReliableProducer.properties(config);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "20");
        return props;
    }

    /**
     * Sends every input and waits until the broker has acknowledged them all.
     *
     * @param onDone called once per input when its fate is known (for a progress bar)
     */
    public Report publish(List<PageInput> inputs, IntConsumer onDone) {
        return publish(inputs, onDone, id -> { });
    }

    /**
     * The same, also calling {@code onSent} with each article id the broker has acknowledged, as it does (on the
     * producer's I/O thread).
     */
    public Report publish(List<PageInput> inputs, IntConsumer onDone, Consumer<String> onSent) {
        List<String> sentIds = Collections.synchronizedList(new ArrayList<>());
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        for (PageInput input : inputs) {
            ProducerRecord<byte[], byte[]> record;
            String articleId;
            try {
                if (input.page() == null) {
                    throw new PageException(ArticleAnalyzer.UNREADABLE, input.readError());
                }
                ArticleEvent article = analyzer.toArticle(input.page());
                record = new ProducerRecord<>(topics.articles(), bytes(article.id()),
                        SERDE.serialize(topics.articles(), article));
                articleId = article.id();
            } catch (RuntimeException | StackOverflowError e) {
                // A page that is not an article says why; any other failure is a bug, told with its class and place.
                failures.add(input.origin() + ": " + (e instanceof PageException ? e.getMessage()
                        : StageFailure.describe(e)));
                record = DeadLetters.record(topics.dlq(), new DeadLetters.Origin(STAGE, input.origin(), -1, -1),
                        input.page() == null ? null : bytes(input.page().id()), originalBytes(input), e);
                articleId = null;
            }
            String sentId = articleId;
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    failures.add(input.origin() + ": not sent: " + StageFailure.messages(error));
                } else if (sentId != null) {
                    sentIds.add(sentId);
                    onSent.accept(sentId);
                }
                onDone.accept(1);
            });
        }
        producer.flush();
        return new Report(List.copyOf(sentIds), inputs.size() - sentIds.size(), List.copyOf(failures));
    }

    private static byte[] originalBytes(PageInput input) {
        if (input.originalBytes() != null) {
            return input.originalBytes();
        }
        RawPage page = input.page();
        if (page == null) {
            return null;
        }
        return bytes(page.html() != null ? page.html() : page.text());
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }
}
