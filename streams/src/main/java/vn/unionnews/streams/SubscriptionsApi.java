package vn.unionnews.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.unionnews.event.Subscription;
import vn.unionnews.kafka.Json;
import vn.unionnews.kafka.SubscriptionStore;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * Alert subscriptions over HTTP, the same records of the compacted {@code subscriptions} topic that
 * {@code union-news subscribe} writes (the consumers follow the topic, so a change applies to the next article):
 * <ul>
 *   <li>{@code GET /api/subscriptions}: the live ones, by id; {@code GET /api/subscriptions/{id}}: one;</li>
 *   <li>{@code POST /api/subscriptions}: a JSON object with any of {@code topics}, {@code organizations},
 *   {@code provinces}, {@code keywords}, {@code minScore}, {@code severity} and optionally {@code id}; 201 with
 *   the subscription written, 409 if that id exists;</li>
 *   <li>{@code PUT /api/subscriptions/{id}}: the same, replacing (200) or creating (201) that id;</li>
 *   <li>{@code DELETE /api/subscriptions/{id}}: a tombstone; 404 when there is no such subscription.</li>
 * </ul>
 * Reads go to the topic's end at the time of the request, so a client reads its own writes. Writes take
 * {@code application/json} only, so a browser cannot send one from another site without asking first (CORS).
 */
final class SubscriptionsApi implements AutoCloseable {
    private static final String PATH = "/api/subscriptions";

    private final SubscriptionStore store;

    SubscriptionsApi(UnionNewsConfig config) {
        this.store = new SubscriptionStore(config);
    }

    void routes(RoutesConfig routes) {
        routes.get(PATH, ctx -> ctx.json(List.copyOf(store.live().values())));
        routes.get(PATH + "/{id}", ctx -> {
            Subscription subscription = store.live().get(ctx.pathParam("id"));
            if (subscription == null) {
                notFound(ctx);
            } else {
                ctx.json(subscription);
            }
        });
        routes.post(PATH, ctx -> write(ctx, null));
        routes.put(PATH + "/{id}", ctx -> write(ctx, ctx.pathParam("id")));
        routes.delete(PATH + "/{id}", ctx -> {
            String id = ctx.pathParam("id");
            if (!store.live().containsKey(id)) {
                notFound(ctx);
                return;
            }
            store.delete(id);
            ctx.status(204);
        });
    }

    private void write(Context ctx, String pathId) {
        if (!"application/json".equalsIgnoreCase(String.valueOf(ctx.contentType()).split(";")[0].strip())) {
            ctx.status(415).json(Map.of("error", "send the subscription as application/json"));
            return;
        }
        Subscription subscription = parse(ctx.body(), pathId);
        boolean exists = store.live().containsKey(subscription.id());
        if (pathId == null && exists) {
            ctx.status(409).json(Map.of("error", "subscription " + subscription.id() + " exists: PUT "
                    + PATH + "/" + subscription.id() + " replaces it"));
            return;
        }
        store.put(subscription);
        ctx.status(exists ? 200 : 201).header("Location", PATH + "/" + subscription.id()).json(subscription);
    }

    /** The subscription a request body describes; a user error throws with the offending value in the message. */
    static Subscription parse(String body, String pathId) {
        JsonNode json;
        try {
            json = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (json == null || !json.isObject()) {
            throw new IllegalArgumentException("the body must be a JSON object of topics, organizations, provinces,"
                    + " keywords, minScore, severity");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!Subscription.FIELDS.contains(field)) {
                throw new IllegalArgumentException("unknown field '" + field + "': a subscription has "
                        + String.join(", ", Subscription.FIELDS));
            }
        });
        String bodyId = json.hasNonNull("id") ? json.get("id").asText() : null;
        if (pathId != null && bodyId != null && !pathId.equals(bodyId)) {
            throw new IllegalArgumentException("the body's id " + bodyId + " is not the path's " + pathId);
        }
        String id = pathId != null ? pathId : bodyId != null ? bodyId : Subscription.newId();
        double minScore = !json.hasNonNull("minScore") ? Subscription.DEFAULT_MIN_SCORE
                : json.get("minScore").isNumber() ? json.get("minScore").asDouble() : Double.NaN;
        String severity = json.hasNonNull("severity") ? json.get("severity").asText() : null;
        return new Subscription(Subscription.SCHEMA_VERSION, id, strings(json, "topics"), strings(json, "organizations"),
                strings(json, "provinces"), strings(json, "keywords"), minScore, severity).checked();
    }

    private static List<String> strings(JsonNode json, String field) {
        JsonNode node = json.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException(field + " must be a list of strings");
        }
        List<String> values = new ArrayList<>();
        node.forEach(value -> {
            if (!value.isTextual()) {
                throw new IllegalArgumentException(field + " must be a list of strings, got " + value);
            }
            values.add(value.asText());
        });
        return values;
    }

    private static void notFound(Context ctx) {
        ctx.status(404).json(Map.of("error", "No subscription " + ctx.pathParam("id")));
    }

    @Override
    public void close() {
        store.close();
    }
}
