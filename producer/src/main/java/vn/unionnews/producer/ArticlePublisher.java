package vn.unionnews.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
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
 * key: idempotent, {@code acks=all}, compressed. Every article has a {@code fetchedAt}: the scraper's, else the
 * time this producer read the page. A page that is not an article, or that the analysis fails on, goes
 * to {@code dlq} with the reason, the exception, its input ({@code topic}: the file or stdin line; key: the page's
 * id when the scraper gave one) and its original bytes, and is reported as dead-lettered; the run goes on.
 * Every input ends in one {@link Outcome}.
 */
public final class ArticlePublisher implements AutoCloseable {
    static final String STAGE = "producer";
    /** The error code of a page whose article event is larger than the producer may send. */
    public static final String TOO_LARGE = "too_large";
    private static final JsonSerde<ArticleEvent> SERDE = JsonSerde.of(ArticleEvent.class);

    private final Topics topics;
    private final ArticleAnalyzer analyzer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final int maxRequestSize;

    /** What became of one input. */
    public enum Fate {
        /** Sent as an article. */
        SENT,
        /** Sent as an article whose body was cut at {@link ArticleEvent#MAX_BODY_CHARS} characters. */
        SENT_TRUNCATED,
        /** Not an article, or the analysis failed on it: in {@code dlq} with the reason. */
        DEAD_LETTERED,
        /** Neither sent nor dead-lettered: the cluster refused both (the reason says why). */
        FAILED
    }

    /** One input's fate: where it came from, the article id when sent, and why when not plainly sent. */
    public record Outcome(String input, Fate fate, String articleId, String reason) {
        @Override
        public String toString() {
            return input + ": " + switch (fate) {
                case SENT -> "sent as " + articleId;
                case SENT_TRUNCATED -> "sent truncated as " + articleId + ": " + reason;
                case DEAD_LETTERED -> "dead-lettered: " + reason;
                case FAILED -> "not sent: " + reason;
            };
        }
    }

    /** What a publish run did: every input's outcome, in input order. */
    public record Report(List<Outcome> outcomes) {
        /** The ids of the articles sent, truncated or not. */
        public List<String> sentIds() {
            return outcomes.stream().filter(o -> o.fate() == Fate.SENT || o.fate() == Fate.SENT_TRUNCATED)
                    .map(Outcome::articleId).toList();
        }

        public int sent() {
            return sentIds().size();
        }

        public long count(Fate fate) {
            return outcomes.stream().filter(o -> o.fate() == fate).count();
        }

        /** Inputs that did not become articles: dead-lettered or not sent at all. */
        public int failed() {
            return outcomes.size() - sent();
        }

        /** The outcomes of the inputs that were not plainly sent, as lines to print. */
        public List<String> failures() {
            return outcomes.stream().filter(o -> o.fate() != Fate.SENT).map(Outcome::toString).toList();
        }
    }

    public ArticlePublisher(UnionNewsConfig config) {
        this.topics = config.topics();
        this.analyzer = new ArticleAnalyzer(config.getInt(UnionNewsConfig.SUMMARY_SENTENCES));
        Properties props = producerProperties(config);
        this.maxRequestSize = DeadLetters.maxRequestSize(props);
        this.producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
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
        AtomicReferenceArray<Outcome> outcomes = new AtomicReferenceArray<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            PageInput input = inputs.get(i);
            Instant readAt = Instant.now();
            Outcome planned;
            ProducerRecord<byte[], byte[]> record;
            try {
                if (input.page() == null) {
                    throw new PageException(ArticleAnalyzer.UNREADABLE, input.readError());
                }
                RawPage page = input.page().fetchedAt() != null ? input.page() : input.page().withFetchedAt(readAt);
                ArticleEvent article = analyzer.toArticle(page);
                byte[] value = SERDE.serialize(topics.articles(), article);
                if (value.length + DeadLetters.RECORD_OVERHEAD > maxRequestSize) {
                    throw new PageException(TOO_LARGE, tooLarge(value.length, article.truncated()));
                }
                record = new ProducerRecord<>(topics.articles(), bytes(article.id()), value);
                planned = article.truncated()
                        ? new Outcome(input.origin(), Fate.SENT_TRUNCATED, article.id(), String.format(Locale.ROOT,
                                "its body was cut at %,d characters, after its last whole paragraph",
                                ArticleEvent.MAX_BODY_CHARS))
                        : new Outcome(input.origin(), Fate.SENT, article.id(), null);
            } catch (RuntimeException | StackOverflowError e) {
                // A page that is not an article says why; any other failure is a bug, told with its class and place.
                planned = new Outcome(input.origin(), Fate.DEAD_LETTERED, null,
                        e instanceof PageException ? e.getMessage() : StageFailure.describe(e));
                record = DeadLetters.record(topics.dlq(), new DeadLetters.Origin(STAGE, input.origin(), -1, -1),
                        input.page() == null ? null : bytes(input.page().id()), originalBytes(input), e,
                        maxRequestSize);
            }
            int slot = i;
            Outcome outcome = planned;
            outcomes.set(slot, outcome);
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    outcomes.set(slot, new Outcome(input.origin(), Fate.FAILED, null, (outcome.fate()
                            == Fate.DEAD_LETTERED ? outcome.reason() + "; and not dead-lettered either: " : "")
                            + StageFailure.messages(error)));
                } else if (outcome.articleId() != null) {
                    onSent.accept(outcome.articleId());
                }
                onDone.accept(1);
            });
        }
        producer.flush();
        return new Report(IntStream.range(0, inputs.size()).mapToObj(outcomes::get).toList());
    }

    private String tooLarge(int bytes, boolean truncated) {
        return String.format(Locale.ROOT, "its article event is %,d bytes%s, more than the producer's"
                        + " max.request.size of %,d bytes allows: raise it, e.g. -D producer.max.request.size=%d (the"
                        + " topic's max.message.bytes must allow as much)", bytes,
                truncated ? String.format(Locale.ROOT, " even with its body cut at %,d characters",
                        ArticleEvent.MAX_BODY_CHARS) : "", maxRequestSize, 2 * (bytes + DeadLetters.RECORD_OVERHEAD));
    }

    /** What was read: the file's bytes or the JSON line's, else (a page given in code) its content. */
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
