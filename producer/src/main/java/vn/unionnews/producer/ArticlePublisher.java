package vn.unionnews.producer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.analysis.PageReader;
import vn.unionnews.analysis.StageFailure;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.kafka.DeadLetters;
import vn.unionnews.kafka.JsonSerde;
import vn.unionnews.kafka.ReliableProducer;
import vn.unionnews.kafka.Topics;
import vn.unionnews.kafka.UnionNewsConfig;
import vn.unionnews.page.PageException;
import vn.unionnews.page.RawPage;
import vn.unionnews.page.SiteTemplates;

/**
 * Publishes pages as article events to {@code articles}, keyed by article id so a re-scrape lands on the same
 * key: idempotent, {@code acks=all}, compressed. Every article has a {@code fetchedAt}: the scraper's, else the
 * time this producer read the page. A page that is not an article, or that the analysis fails on, goes
 * to {@code dlq} with the reason, the exception, its input ({@code topic}: the file or stdin line; key: the page's
 * id when the scraper gave one) and its original bytes, and is reported as dead-lettered; the run goes on.
 * Every input ends in one {@link Outcome}. Pages are parsed on {@code parse.threads} lanes, a site's pages on one
 * lane in order, and sent in input order, so the order per key is the input's.
 */
public final class ArticlePublisher implements AutoCloseable {
    static final String STAGE = "producer";
    /** The error code of a page whose article event is larger than the producer may send. */
    public static final String TOO_LARGE = "too_large";
    private static final JsonSerde<ArticleEvent> SERDE = JsonSerde.of(ArticleEvent.class);
    private static final int PARSED_AHEAD_PER_LANE = 16;

    private final Topics topics;
    private final PageReader reader = new PageReader();
    private final KafkaProducer<byte[], byte[]> producer;
    private final int maxRequestSize;
    /** Single-thread executors that parse pages; see {@link #laneOf}. */
    private final ExecutorService[] lanes;
    /** How many pages may be parsed ahead of the one being sent. */
    private final int window;

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
        int threads = config.getInt(UnionNewsConfig.PARSE_THREADS);
        this.lanes = new ExecutorService[Math.max(1, threads)];
        for (int i = 0; i < lanes.length; i++) {
            String name = "page-parser-" + i;
            lanes[i] = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, name);
                thread.setDaemon(true);
                return thread;
            });
        }
        this.window = PARSED_AHEAD_PER_LANE * lanes.length;
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
        Deque<Future<Prepared>> parsing = new ArrayDeque<>();
        int next = 0;
        for (int i = 0; i < inputs.size(); i++) {
            // Pages are parsed ahead on the lanes, a bounded window of them, and sent in input order.
            while (next < inputs.size() && next - i < window) {
                PageInput input = inputs.get(next++);
                parsing.add(laneOf(input).submit(() -> prepare(input)));
            }
            Prepared prepared = await(parsing.removeFirst());
            PageInput input = inputs.get(i);
            int slot = i;
            Outcome outcome = prepared.outcome();
            outcomes.set(slot, outcome);
            producer.send(prepared.record(), (metadata, error) -> {
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

    /** One input made ready to send: its record (the article, or its DLQ record) and its planned outcome. */
    private record Prepared(Outcome outcome, ProducerRecord<byte[], byte[]> record) {
    }

    /** Parses one input into its record; never throws for a bad page (it becomes a DLQ record). */
    private Prepared prepare(PageInput input) {
        try {
            if (input.page() == null) {
                throw new PageException(ArticleAnalyzer.UNREADABLE, input.readError());
            }
            RawPage page = input.page().fetchedAt() != null ? input.page() : input.page().withFetchedAt(Instant.now());
            ArticleEvent article = reader.read(page);
            byte[] value = SERDE.serialize(topics.articles(), article);
            if (value.length + DeadLetters.RECORD_OVERHEAD > maxRequestSize) {
                throw new PageException(TOO_LARGE, tooLarge(value.length, article.truncated()));
            }
            Outcome planned = article.truncated()
                    ? new Outcome(input.origin(), Fate.SENT_TRUNCATED, article.id(), String.format(Locale.ROOT,
                            "its body was cut at %,d characters, after its last whole paragraph",
                            ArticleEvent.MAX_BODY_CHARS))
                    : new Outcome(input.origin(), Fate.SENT, article.id(), null);
            return new Prepared(planned, new ProducerRecord<>(topics.articles(), bytes(article.id()), value));
        } catch (RuntimeException | StackOverflowError e) {
            // A page that is not an article says why; any other failure is a bug, told with its class and place.
            return new Prepared(new Outcome(input.origin(), Fate.DEAD_LETTERED, null,
                    e instanceof PageException ? e.getMessage() : StageFailure.describe(e)),
                    DeadLetters.record(topics.dlq(), new DeadLetters.Origin(STAGE, input.origin(), -1, -1),
                            input.page() == null ? null : bytes(input.page().id()), originalBytes(input), e,
                            maxRequestSize));
        }
    }

    /**
     * The lane that parses a page: all pages of one site go to one lane, in input order, so that a site's
     * template is learnt in the same order whatever the number of lanes.
     */
    private ExecutorService laneOf(PageInput input) {
        RawPage page = input.page();
        if (lanes.length == 1 || page == null) {
            return lanes[0];
        }
        String site = SiteTemplates.siteOf(page.url(), page.source(), firstLine(page.text()));
        return lanes[Math.floorMod(site.hashCode(), lanes.length)];
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String start = text.stripLeading();
        int end = start.indexOf('\n');
        return end < 0 ? start : start.substring(0, end);
    }

    private static Prepared await(Future<Prepared> parsed) {
        try {
            return parsed.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while parsing pages", e);
        } catch (ExecutionException e) {
            // prepare() turns every page's failure into a DLQ record: what is left is an Error of the JVM
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
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
        for (ExecutorService lane : lanes) {
            lane.shutdownNow();
        }
        producer.close(Duration.ofSeconds(30));
    }
}
