package vn.unionnews.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import vn.unionnews.event.OrgStats;
import vn.unionnews.kafka.Json;
import vn.unionnews.streams.OrgStatsQueries.Aggregates;
import vn.unionnews.text.VietnameseText;

/**
 * The Streams app's HTTP API (Javalin on Jetty), JSON throughout; any instance answers any question, asking the
 * instance that owns a key when it is not its own ({@link OrgStatsQueries}):
 * <ul>
 *   <li>{@code GET /}: the dashboard, one page that reads the endpoints below;</li>
 *   <li>{@code GET /api/orgs?type=&province=&topic=&sort=articles|name|<metric type>&limit=}: organisations;</li>
 *   <li>{@code GET /api/orgs/{name}}: one organisation's aggregates, with monthly counts;</li>
 *   <li>{@code GET /api/orgs/{name}/series?granularity=day|month&topic=}: its articles over time;</li>
 *   <li>{@code GET /api/orgs/{name}/articles}: its newest articles;</li>
 *   <li>{@code GET /api/provinces…}: the same four for the provinces articles are about (by canonical name,
 *   "Bình Dương");</li>
 *   <li>{@code GET /api/topics?granularity=day|month}: articles per topic over time;</li>
 *   <li>{@code GET /health}: the Streams state;</li>
 *   <li>{@code /api/subscriptions}: alert subscriptions, read and written ({@link SubscriptionsApi}).</li>
 * </ul>
 * {@code /api/local/…} are what instances ask each other. A store that is not queryable yet (the instance is
 * starting or rebalancing) or an instance that cannot be reached is a 503 with the reason.
 */
public final class OrgStatsApi implements AutoCloseable {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MOST_CO_MENTIONED = 10;
    /** Names in Vietnamese alphabetical order: "Điện Biên" after "Dương", before "Lào Cai". */
    private static final Collator VIETNAMESE_ORDER = Collator.getInstance(Locale.forLanguageTag("vi"));

    /** The dashboard page: plain HTML and JavaScript over this API, nothing loaded from elsewhere. */
    private static final String DASHBOARD = resource("dashboard.html");

    private final Javalin app;
    private final OrgStatsQueries queries;
    private final SubscriptionsApi subscriptions;

    private OrgStatsApi(OrgStatsQueries queries, ArticleStreams streams) {
        this.queries = queries;
        this.subscriptions = new SubscriptionsApi(streams.config());
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.routes.get("/", ctx -> ctx.html(DASHBOARD));
            config.routes.get("/health", ctx -> ctx.json(Map.of("state", streams.kafkaStreams().state().name())));
            for (Aggregates kind : Aggregates.values()) {
                String api = "/api/" + kind.path;
                config.routes.get(api, ctx -> list(ctx, kind));
                config.routes.get(api + "/{name}", ctx -> one(ctx, kind));
                config.routes.get(api + "/{name}/series", ctx -> series(ctx, kind));
                config.routes.get(api + "/{name}/articles", ctx -> with(ctx, kind, stats -> ctx.json(stats.recent())));
                config.routes.get("/api/local/" + kind.path, ctx -> ctx.json(queries.localAll(kind)));
                config.routes.get("/api/local/" + kind.path + "/{name}", ctx -> {
                    Optional<OrgStats> stats = queries.local(kind, ctx.pathParam("name"));
                    if (stats.isPresent()) {
                        ctx.json(stats.get());
                    } else {
                        notFound(ctx, kind, ctx.pathParam("name"));
                    }
                });
            }
            config.routes.get("/api/topics", ctx -> ctx.json(queries.topicCounts(monthly(ctx))));
            config.routes.get("/api/local/topics", ctx -> ctx.json(queries.localTopicCounts(monthly(ctx))));
            subscriptions.routes(config.routes);
            config.routes.exception(InvalidStateStoreException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
            config.routes.exception(OrgStatsQueries.InstanceUnavailableException.class,
                    (e, ctx) -> unavailable(ctx, e.getMessage()));
            config.routes.exception(IllegalArgumentException.class,
                    (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
            config.routes.exception(KafkaException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
        });
    }

    private static String resource(String name) {
        try (InputStream in = OrgStatsApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the API of {@code streams} on {@code host:port} (port 0: any free port). */
    public static OrgStatsApi start(ArticleStreams streams, String host, int port) {
        OrgStatsQueries queries = new OrgStatsQueries(streams.kafkaStreams(), streams.applicationServer());
        OrgStatsApi api = new OrgStatsApi(queries, streams);
        try {
            api.app.start(host, port);
        } catch (RuntimeException e) {
            api.subscriptions.close();
            throw e;
        }
        return api;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
        subscriptions.close();
    }

    private void list(Context ctx, Aggregates kind) {
        Predicate<OrgStats> filter = stats -> true;
        String type = ctx.queryParam("type");
        if (type != null) {
            filter = filter.and(stats -> type.equals(stats.type()));
        }
        String province = ctx.queryParam("province");
        if (province != null) {
            String key = VietnameseText.matchKey(province);
            filter = filter.and(stats -> VietnameseText.matchKey(stats.name()).contains(key));
        }
        String topic = ctx.queryParam("topic");
        if (topic != null) {
            filter = filter.and(stats -> stats.topics().containsKey(topic));
        }
        String sort = Optional.ofNullable(ctx.queryParam("sort")).orElse("articles");
        Comparator<OrgStats> order = switch (sort) {
            case "articles" -> Comparator.comparingLong(OrgStats::articleCount).reversed();
            case "name" -> Comparator.comparing(OrgStats::name, VIETNAMESE_ORDER);
            default -> Comparator.<OrgStats>comparingDouble(s -> s.metricTotals().getOrDefault(sort, 0.0)).reversed();
        };
        int limit = Optional.ofNullable(ctx.queryParam("limit")).map(Integer::parseInt).orElse(DEFAULT_LIMIT);
        List<Map<String, Object>> rows = queries.all(kind).stream()
                .filter(filter)
                .sorted(order.thenComparing(OrgStats::name))
                .limit(limit)
                .map(OrgStatsApi::summary)
                .toList();
        ctx.json(rows);
    }

    private static Map<String, Object> summary(OrgStats stats) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("name", stats.name());
        row.put("type", stats.type());
        row.put("articleCount", stats.articleCount());
        row.put("topics", stats.topics());
        row.put("metricTotals", stats.metricTotals());
        row.put("firstSeen", stats.firstSeen());
        row.put("lastSeen", stats.lastSeen());
        return row;
    }

    private void one(Context ctx, Aggregates kind) {
        with(ctx, kind, stats -> {
            Map<String, Object> body = new LinkedHashMap<>(Json.mapper().convertValue(stats,
                    new TypeReference<Map<String, Object>>() {
                    }));
            body.put("monthly", stats.monthly());
            body.put("mostCoMentioned", stats.coMentions().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .limit(MOST_CO_MENTIONED)
                    .map(e -> Map.of("name", e.getKey(), "articles", e.getValue()))
                    .toList());
            ctx.json(body);
        });
    }

    private void series(Context ctx, Aggregates kind) {
        with(ctx, kind, stats -> {
            boolean monthly = monthly(ctx);
            String topic = Optional.ofNullable(ctx.queryParam("topic")).orElse(OrgStats.ALL_TOPICS);
            Map<String, Long> points = new TreeMap<>();
            (monthly ? stats.monthly() : stats.daily()).forEach((period, counts) -> {
                long count = counts.getOrDefault(topic, 0L);
                if (count > 0) {
                    points.put(period, count);
                }
            });
            ctx.json(Map.of("name", stats.name(), "granularity", monthly ? "month" : "day", "topic", topic,
                    "points", points));
        });
    }

    private void with(Context ctx, Aggregates kind, Consumer<OrgStats> answer) {
        String name = ctx.pathParam("name");
        Optional<OrgStats> stats = queries.get(kind, name);
        if (stats.isEmpty()) {
            notFound(ctx, kind, name);
            return;
        }
        answer.accept(stats.get());
    }

    private static boolean monthly(Context ctx) {
        String granularity = Optional.ofNullable(ctx.queryParam("granularity")).orElse("month")
                .toLowerCase(Locale.ROOT);
        return switch (granularity) {
            case "month" -> true;
            case "day" -> false;
            default -> throw new IllegalArgumentException("granularity is day or month, not " + granularity);
        };
    }

    private static void notFound(Context ctx, Aggregates kind, String name) {
        ctx.status(404).json(Map.of("error", "No " + kind.noun + " named " + name));
    }

    private static void unavailable(Context ctx, String reason) {
        ctx.status(503).json(Map.of("error", "Not queryable right now, try again: " + reason));
    }
}
