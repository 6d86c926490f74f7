package vn.unionnews.streams;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import vn.unionnews.event.OrgStats;
import vn.unionnews.kafka.Json;

/**
 * Interactive queries over the Streams app's state, across instances: a key lives in one instance's store
 * ({@link KafkaStreams#queryMetadataForKey}), so a question about one organisation is answered locally or
 * forwarded to the instance that owns it (the same for provinces, {@link Aggregates}); a question about all of them gathers every instance's part. Instances
 * reach each other at their {@code application.server}, through the internal {@code /api/local/…} endpoints
 * of {@link OrgStatsApi}.
 */
public final class OrgStatsQueries {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** The aggregates the API serves: per organisation and per province, each in its store, under its path. */
    public enum Aggregates {
        ORGS(ArticleTopology.ORG_STATS_STORE, "orgs", "organisation"),
        PROVINCES(ArticleTopology.PROVINCE_STATS_STORE, "provinces", "province");

        final String store;
        /** The path segment: {@code /api/<path>}, {@code /api/local/<path>}. */
        final String path;
        final String noun;

        Aggregates(String store, String path, String noun) {
            this.store = store;
            this.path = path;
            this.noun = noun;
        }
    }

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    public OrgStatsQueries(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** One organisation's (province's) aggregates, wherever they live; empty when no instance knows the name. */
    public Optional<OrgStats> get(Aggregates kind, String name) {
        KeyQueryMetadata owner = streams.queryMetadataForKey(kind.store, name, Serdes.String().serializer());
        HostInfo host = owner == null ? null : owner.activeHost();
        if (host == null || host.equals(self) || host.equals(HostInfo.unavailable())) {
            return local(kind, name);
        }
        return Optional.ofNullable(fetch(host, "/api/local/" + kind.path + "/" + encode(name),
                new TypeReference<OrgStats>() {
                }));
    }

    /** Every organisation's (province's) aggregates, from every instance. */
    public List<OrgStats> all(Aggregates kind) {
        List<OrgStats> all = new ArrayList<>(localAll(kind));
        for (HostInfo host : otherHosts(kind.store)) {
            List<OrgStats> part = fetch(host, "/api/local/" + kind.path, new TypeReference<List<OrgStats>>() {
            });
            if (part != null) {
                all.addAll(part);
            }
        }
        return all;
    }

    /** Articles per period ({@code day}: yyyy-MM-dd, or {@code month}: yyyy-MM) and topic, over all instances. */
    public Map<String, Map<String, Long>> topicCounts(boolean monthly) {
        Map<String, Map<String, Long>> counts = new TreeMap<>(localTopicCounts(monthly));
        for (HostInfo host : otherHosts(ArticleTopology.ARTICLES_STORE)) {
            Map<String, Map<String, Long>> part = fetch(host, "/api/local/topics?granularity="
                    + (monthly ? "month" : "day"), new TypeReference<Map<String, Map<String, Long>>>() {
                    });
            if (part != null) {
                part.forEach((period, topics) -> topics.forEach((topic, n) ->
                        counts.computeIfAbsent(period, p -> new TreeMap<>()).merge(topic, n, Long::sum)));
            }
        }
        return counts;
    }

    Optional<OrgStats> local(Aggregates kind, String name) {
        return Optional.ofNullable(store(kind).get(name));
    }

    List<OrgStats> localAll(Aggregates kind) {
        List<OrgStats> all = new ArrayList<>();
        try (KeyValueIterator<String, OrgStats> it = store(kind).all()) {
            it.forEachRemaining(entry -> all.add(entry.value));
        }
        return all;
    }

    Map<String, Map<String, Long>> localTopicCounts(boolean monthly) {
        ReadOnlyKeyValueStore<String, StoredArticle> articles = streams.store(StoreQueryParameters.fromNameAndType(
                ArticleTopology.ARTICLES_STORE, QueryableStoreTypes.keyValueStore()));
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        try (KeyValueIterator<String, StoredArticle> it = articles.all()) {
            it.forEachRemaining(entry -> {
                String day = entry.value.day();
                if (day == null) {
                    return;
                }
                String period = monthly ? day.substring(0, 7) : day;
                Map<String, Long> topics = counts.computeIfAbsent(period, p -> new TreeMap<>());
                topics.merge(OrgStats.ALL_TOPICS, 1L, Long::sum);
                entry.value.topics().forEach(t -> topics.merge(t.id(), 1L, Long::sum));
            });
        }
        return counts;
    }

    private ReadOnlyKeyValueStore<String, OrgStats> store(Aggregates kind) {
        return streams.store(StoreQueryParameters.fromNameAndType(kind.store, QueryableStoreTypes.keyValueStore()));
    }

    private List<HostInfo> otherHosts(String store) {
        List<HostInfo> hosts = new ArrayList<>();
        for (StreamsMetadata instance : streams.streamsMetadataForStore(store)) {
            if (!instance.hostInfo().equals(self) && !instance.hostInfo().equals(HostInfo.unavailable())) {
                hosts.add(instance.hostInfo());
            }
        }
        return hosts;
    }

    private <T> T fetch(HostInfo host, String path, TypeReference<T> type) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
                .timeout(TIMEOUT).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new InstanceUnavailableException(host + " answered " + response.statusCode() + " to " + path);
            }
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new InstanceUnavailableException("Cannot reach the instance at " + host + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InstanceUnavailableException("Interrupted while asking " + host);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Another instance that holds part of the answer could not be asked: the answer would be incomplete. */
    public static final class InstanceUnavailableException extends RuntimeException {
        InstanceUnavailableException(String message) {
            super(message);
        }
    }
}
