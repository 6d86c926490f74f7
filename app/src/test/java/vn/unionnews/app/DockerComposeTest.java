package vn.unionnews.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import vn.unionnews.kafka.UnionNewsConfig;

/**
 * No Docker engine runs where the tests run, so {@code docker-compose.yml} cannot be started here: this test is
 * its check. It parses the file and holds it against what the code reads: the CLI's subcommands, the
 * {@code UNION_NEWS_*} variables {@link UnionNewsConfig} maps to configuration keys, and the default
 * {@code bootstrap.servers} a host-side run uses.
 */
class DockerComposeTest {
    private static final String COMPOSE_FILE = "docker-compose.yml";
    private static final String KAFKA = "kafka";
    private static final String OFFICIAL_KAFKA_IMAGE = "apache/kafka:";
    /** The stages built from this repository and the subcommand each must run. */
    private static final Map<String, String> STAGE_SUBCOMMANDS =
            Map.of("streams", "streams", "consumer", "consume", "producer", "produce");

    /** The union-news keys the code reads with {@link UnionNewsConfig#getInt}. */
    private static final Set<String> WHOLE_NUMBER_KEYS = Set.of(UnionNewsConfig.TOPIC_PARTITIONS,
            UnionNewsConfig.TOPIC_REPLICATION_FACTOR, UnionNewsConfig.SUMMARY_SENTENCES,
            UnionNewsConfig.SUMMARY_WORDS);

    private static Path root;
    private static JsonNode compose;

    @BeforeAll
    static void parseComposeFile() throws IOException {
        root = RepoPaths.find(COMPOSE_FILE).getParent();
        compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve(COMPOSE_FILE).toFile());
        assertNotNull(compose, COMPOSE_FILE + " is empty");
        assertTrue(compose.path("services").isObject(), COMPOSE_FILE + " has no services: mapping");
    }

    // ---------------------------------------------------------------- the broker

    @Test
    void kafkaServiceUsesTheOfficialKraftImage() {
        String image = service(KAFKA).path("image").asText("");
        assertTrue(image.startsWith(OFFICIAL_KAFKA_IMAGE), "kafka image should be the official apache/kafka, got '" + image + "'");
        String tag = image.substring(OFFICIAL_KAFKA_IMAGE.length());
        assertFalse(tag.isBlank() || tag.equals("latest"), "kafka image should pin a version, got '" + image + "'");
    }

    @Test
    void kafkaRunsAsOneCombinedBrokerAndControllerInKraftMode() {
        Map<String, String> env = environment(KAFKA);
        assertFalse(env.containsKey("KAFKA_ZOOKEEPER_CONNECT"), "KRaft mode has no ZooKeeper");
        assertEquals(Set.of("broker", "controller"), csvSet(require(env, KAFKA, "KAFKA_PROCESS_ROLES")),
                "KAFKA_PROCESS_ROLES");
        String nodeId = require(env, KAFKA, "KAFKA_NODE_ID");
        assertTrue(nodeId.matches("\\d+"), "KAFKA_NODE_ID should be a number, got '" + nodeId + "'");

        Map<String, HostPort> listeners = listeners(require(env, KAFKA, "KAFKA_LISTENERS"));
        Set<String> controllerNames = csvSet(require(env, KAFKA, "KAFKA_CONTROLLER_LISTENER_NAMES"));
        assertFalse(controllerNames.isEmpty(), "KAFKA_CONTROLLER_LISTENER_NAMES is empty");
        for (String name : controllerNames) {
            assertTrue(listeners.containsKey(name), "controller listener " + name + " is not in KAFKA_LISTENERS " + listeners.keySet());
        }
        // One voter: this node, on a controller listener's port.
        List<String> voters = csv(require(env, KAFKA, "KAFKA_CONTROLLER_QUORUM_VOTERS"));
        assertEquals(1, voters.size(), "a single-node quorum has exactly one voter: " + voters);
        String[] voter = voters.get(0).split("@", 2);
        assertEquals(nodeId, voter[0], "the only quorum voter should be KAFKA_NODE_ID");
        HostPort voterAddress = HostPort.parse(voter[1]);
        assertTrue(controllerNames.stream().anyMatch(name -> listeners.get(name).port() == voterAddress.port()),
                "quorum voter " + voters.get(0) + " is not on a controller listener's port");
        assertTrue(selfNames().contains(voterAddress.host()), "quorum voter host should be the kafka container, got " + voterAddress);
    }

    @Test
    void kafkaInternalTopicsFitOnOneBroker() {
        Map<String, String> env = environment(KAFKA);
        for (String variable : List.of("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR",
                "KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "KAFKA_TRANSACTION_STATE_LOG_MIN_ISR")) {
            assertEquals("1", require(env, KAFKA, variable), variable + " must be 1 with one broker");
        }
    }

    @Test
    void kafkaHealthcheckAsksTheBrokerForItsApiVersions() {
        JsonNode test = service(KAFKA).path("healthcheck").path("test");
        assertFalse(test.isMissingNode(), "kafka has no healthcheck.test");
        String command = test.isArray() ? join(test) : test.asText();
        assertTrue(command.contains("/opt/kafka/bin/kafka-broker-api-versions.sh"),
                "kafka healthcheck should run kafka-broker-api-versions.sh, got: " + command);
        List<String> words = Arrays.asList(command.trim().split("\\s+"));
        int flag = words.indexOf("--bootstrap-server");
        assertTrue(flag >= 0 && flag + 1 < words.size(), "healthcheck names no --bootstrap-server: " + command);
        HostPort target = HostPort.parse(words.get(flag + 1));
        Map<String, HostPort> listeners = listeners(require(environment(KAFKA), KAFKA, "KAFKA_LISTENERS"));
        assertTrue(listeners.values().stream().anyMatch(l -> l.port() == target.port()),
                "healthcheck checks port " + target.port() + ", which no listener in " + listeners + " opens");
    }

    // ---------------------------------------------------------------- the stages

    @Test
    void theStreamsConsumerAndProducerStagesAreBuiltFromThisRepo() {
        for (String stage : STAGE_SUBCOMMANDS.keySet()) {
            JsonNode build = service(stage).path("build");
            assertFalse(build.isMissingNode(), stage + " should be built from this repository (build:)");
            String context = build.isObject() ? build.path("context").asText(".") : build.asText();
            String dockerfile = build.isObject() ? build.path("dockerfile").asText("Dockerfile") : "Dockerfile";
            Path file = root.resolve(context).resolve(dockerfile).normalize();
            assertTrue(Files.isRegularFile(file), stage + " builds from " + file + ", which does not exist");
        }
    }

    @Test
    void theDockerfileRunsTheUnionNewsJarWithItsLibs() throws IOException {
        String dockerfile = Files.readString(root.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("app/target/union-news.jar"), "Dockerfile should copy app/target/union-news.jar");
        assertTrue(dockerfile.contains("app/target/lib"), "Dockerfile should copy app/target/lib/ (the jar's Class-Path)");
        String entrypoint = dockerfile.lines().filter(line -> line.startsWith("ENTRYPOINT")).reduce((a, b) -> b).orElse("");
        assertTrue(entrypoint.contains("java") && entrypoint.contains("union-news.jar"),
                "Dockerfile ENTRYPOINT should run java -jar …/union-news.jar, got '" + entrypoint + "'");
    }

    @Test
    void everyServiceCommandIsACliSubcommand() {
        Set<String> subcommands = new CommandLine(new UnionNews()).getSubcommands().keySet();
        List<String> appServices = appServices();
        assertFalse(appServices.isEmpty(), "no service is built from this repository");
        for (String name : appServices) {
            List<String> command = command(name);
            assertFalse(command.isEmpty(), name + " has no command: (the image would only print --help)");
            assertTrue(subcommands.contains(command.get(0)),
                    name + " runs '" + command.get(0) + "', which is not a union-news subcommand " + subcommands);
        }
    }

    @Test
    void eachStageRunsItsOwnSubcommand() {
        STAGE_SUBCOMMANDS.forEach((stage, subcommand) -> {
            List<String> command = command(stage);
            assertEquals(subcommand, command.isEmpty() ? null : command.get(0), stage + " should run '" + subcommand + "'");
        });
    }

    @Test
    void everyUnionNewsVariableMapsToAKeyTheCodeReads() {
        int checked = 0;
        for (String name : serviceNames()) {
            for (Map.Entry<String, String> variable : environment(name).entrySet()) {
                if (!variable.getKey().startsWith(UnionNewsConfig.ENV_PREFIX)) {
                    continue;
                }
                String key = keyOf(variable.getKey());
                assertTrue(UnionNewsConfig.DEFAULTS.containsKey(key) || isKafkaClientProperty(key),
                        name + ": " + variable.getKey() + " is the key '" + key
                                + "', which is neither a union-news key " + UnionNewsConfig.DEFAULTS.keySet()
                                + " nor a Kafka client property");
                if (WHOLE_NUMBER_KEYS.contains(key)) {
                    UnionNewsConfig config = UnionNewsConfig.load(null, Map.of(variable.getKey(), variable.getValue()), Map.of());
                    try {
                        config.getInt(key);
                    } catch (IllegalArgumentException e) {
                        fail(name + ": " + variable.getKey() + " — " + e.getMessage());
                    }
                }
                checked++;
            }
        }
        assertTrue(checked > 0, "no service sets any " + UnionNewsConfig.ENV_PREFIX + "* variable");
    }

    @Test
    void servicesReachKafkaOnItsInternalListener() {
        String internal = internalListener().toString();
        for (String name : appServices()) {
            assertFalse(command(name).contains("--bootstrap-servers"), name + " overrides bootstrap.servers on its command line");
            Map<String, String> env = environment(name);
            assertTrue(env.containsKey("UNION_NEWS_BOOTSTRAP_SERVERS"), name + " does not set UNION_NEWS_BOOTSTRAP_SERVERS");
            // Read it the way the stage does, so a mapping slip would show here too.
            String servers = UnionNewsConfig.load(null, env, Map.of()).bootstrapServers();
            List<String> addresses = csv(servers);
            assertFalse(addresses.isEmpty(), name + " has an empty bootstrap.servers");
            for (String address : addresses) {
                assertEquals(internal, address, name + " should reach kafka on its internal listener " + internal);
            }
        }
    }

    @Test
    void appServicesWaitForAHealthyKafka() {
        assertFalse(service(KAFKA).path("healthcheck").isMissingNode(), "service_healthy needs a healthcheck on kafka");
        for (String name : appServices()) {
            JsonNode dependsOn = service(name).path("depends_on");
            assertTrue(dependsOn.isObject(), name + " should use the long depends_on form with a condition");
            assertEquals("service_healthy", dependsOn.path(KAFKA).path("condition").asText(null),
                    name + " should wait for kafka to be healthy");
        }
    }

    @Test
    void hostPortMatchesTheDefaultBootstrapServers() {
        HostPort defaultServers = HostPort.parse(UnionNewsConfig.DEFAULTS.get(UnionNewsConfig.BOOTSTRAP_SERVERS));
        Map<String, String> env = environment(KAFKA);
        Map<String, HostPort> advertised = listeners(require(env, KAFKA, "KAFKA_ADVERTISED_LISTENERS"));
        String hostListener = advertised.entrySet().stream()
                .filter(e -> e.getValue().equals(defaultServers)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> fail("no advertised listener is the default bootstrap.servers " + defaultServers
                        + " a host-side run uses: " + advertised));
        HostPort bound = listeners(require(env, KAFKA, "KAFKA_LISTENERS")).get(hostListener);
        assertNotNull(bound, "advertised listener " + hostListener + " is not in KAFKA_LISTENERS");
        List<int[]> published = publishedPorts(KAFKA);
        assertTrue(published.stream().anyMatch(p -> p[0] == defaultServers.port() && p[1] == bound.port()),
                "kafka should publish host port " + defaultServers.port() + " to its " + hostListener
                        + " listener on container port " + bound.port());
    }

    @Test
    void producerPublishesTheSeedsDirectoryMountedReadOnly() throws IOException {
        List<String> command = command("producer");
        List<String> paths = command.stream().skip(1).filter(word -> !word.startsWith("-")).toList();
        assertFalse(paths.isEmpty(), "producer's produce command names no path: " + command);
        List<Mount> mounts = mounts("producer");
        for (String path : paths) {
            Mount mount = mounts.stream().filter(m -> path.equals(m.target()) || path.startsWith(m.target() + "/"))
                    .findFirst().orElseGet(() -> fail("producer publishes " + path + ", which no volume mounts"));
            assertTrue(mount.readOnly(), "producer's " + mount.target() + " should be mounted read-only");
            assertTrue(mount.source().startsWith("."), "producer's " + mount.target() + " should be a directory of this repo");
            Path source = root.resolve(mount.source()).normalize();
            assertTrue(source.startsWith(root), mount.source() + " is outside the repository");
            assertTrue(Files.isDirectory(source), "producer mounts " + mount.source() + ", which does not exist");
            try (Stream<Path> files = Files.list(source)) {
                assertTrue(files.anyMatch(Files::isRegularFile), mount.source() + " has no pages to publish");
            }
        }
    }

    @Test
    void streamsStateDirLivesOnANamedVolume() {
        Map<String, String> env = environment("streams");
        assertTrue(env.containsKey("UNION_NEWS_STREAMS_STATE_DIR"), "streams does not set UNION_NEWS_STREAMS_STATE_DIR");
        String stateDir = UnionNewsConfig.load(null, env, Map.of()).get(UnionNewsConfig.STREAMS_STATE_DIR);
        Mount mount = mounts("streams").stream()
                .filter(m -> stateDir.equals(m.target()) || stateDir.startsWith(m.target() + "/")).findFirst()
                .orElseGet(() -> fail("streams keeps its state in " + stateDir + ", which no volume mounts"));
        assertFalse(mount.readOnly(), "the Streams state volume must be writable");
        assertTrue(compose.path("volumes").has(mount.source()),
                "streams' state volume '" + mount.source() + "' is not declared under the top-level volumes:");
    }

    @Test
    void everyConsumerHasItsOwnInstanceId() {
        Set<String> seen = new HashSet<>();
        int consumers = 0;
        for (String name : appServices()) {
            List<String> command = command(name);
            if (command.isEmpty() || !command.get(0).equals("consume")) {
                continue;
            }
            consumers++;
            int flag = command.indexOf("--instance-id");
            String id = flag >= 0 && flag + 1 < command.size() ? command.get(flag + 1)
                    : environment(name).get("UNION_NEWS_INSTANCE_ID");
            assertNotNull(id, name + " sets neither UNION_NEWS_INSTANCE_ID nor --instance-id");
            assertTrue(seen.add(id), name + " reuses instance id " + id + ": its transactions would fence another consumer's");
        }
        assertTrue(consumers > 0, "no service runs the consume subcommand");
    }

    // ---------------------------------------------------------------- reading the compose file

    private static JsonNode service(String name) {
        JsonNode service = compose.path("services").path(name);
        assertTrue(service.isObject(), COMPOSE_FILE + " defines no service '" + name + "'");
        return service;
    }

    private static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        compose.path("services").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The services built from this repository, i.e. running the union-news image. */
    private static List<String> appServices() {
        return serviceNames().stream().filter(name -> service(name).has("build")).toList();
    }

    /** {@code environment:} in either form, the mapping or the list of {@code NAME=value}. */
    private static Map<String, String> environment(String name) {
        JsonNode environment = service(name).path("environment");
        Map<String, String> env = new LinkedHashMap<>();
        if (environment.isObject()) {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().isNull() ? "" : e.getValue().asText()));
        } else if (environment.isArray()) {
            environment.forEach(item -> {
                String[] pair = item.asText().split("=", 2);
                env.put(pair[0], pair.length > 1 ? pair[1] : "");
            });
        }
        return env;
    }

    /** {@code command:} as words, from the list form or the string form. */
    private static List<String> command(String name) {
        JsonNode command = service(name).path("command");
        List<String> words = new ArrayList<>();
        if (command.isArray()) {
            command.forEach(word -> words.add(word.asText()));
        } else if (command.isTextual() && !command.asText().isBlank()) {
            words.addAll(Arrays.asList(command.asText().trim().split("\\s+")));
        }
        return words;
    }

    /** {@code ports:} as {@code [published, target]} pairs, from the short or the long form. */
    private static List<int[]> publishedPorts(String name) {
        List<int[]> ports = new ArrayList<>();
        for (JsonNode port : service(name).path("ports")) {
            if (port.isObject()) {
                if (port.has("published")) {
                    ports.add(new int[] {port.path("published").asInt(), port.path("target").asInt()});
                }
            } else {
                String[] parts = port.asText().replaceAll("/(tcp|udp)$", "").split(":");
                if (parts.length >= 2 && parts[parts.length - 2].matches("\\d+") && parts[parts.length - 1].matches("\\d+")) {
                    ports.add(new int[] {Integer.parseInt(parts[parts.length - 2]), Integer.parseInt(parts[parts.length - 1])});
                }
            }
        }
        return ports;
    }

    private record Mount(String source, String target, boolean readOnly) { }

    /** {@code volumes:} of a service, from the short ({@code source:target[:ro]}) or the long form. */
    private static List<Mount> mounts(String name) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(name).path("volumes")) {
            if (volume.isObject()) {
                mounts.add(new Mount(volume.path("source").asText(""), volume.path("target").asText(""),
                        volume.path("read_only").asBoolean(false)));
            } else {
                String[] parts = volume.asText().split(":");
                if (parts.length >= 2) {
                    boolean readOnly = parts.length > 2 && Arrays.asList(parts[2].split(",")).contains("ro");
                    mounts.add(new Mount(parts[0], parts[1], readOnly));
                }
            }
        }
        return mounts;
    }

    private record HostPort(String host, int port) {
        static HostPort parse(String address) {
            int colon = address.lastIndexOf(':');
            assertTrue(colon >= 0 && address.substring(colon + 1).matches("\\d+"), "not host:port: '" + address + "'");
            return new HostPort(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** {@code NAME://host:port,…} (as in KAFKA_LISTENERS / KAFKA_ADVERTISED_LISTENERS) by listener name. */
    private static Map<String, HostPort> listeners(String value) {
        Map<String, HostPort> listeners = new LinkedHashMap<>();
        for (String listener : csv(value)) {
            String[] parts = listener.split("://", 2);
            assertEquals(2, parts.length, "not a listener NAME://host:port: '" + listener + "'");
            listeners.put(parts[0], HostPort.parse(parts[1]));
        }
        return listeners;
    }

    /** The names other containers, and the kafka container itself, know the broker by. */
    private static Set<String> selfNames() {
        Set<String> names = new HashSet<>(Set.of(KAFKA));
        JsonNode hostname = service(KAFKA).path("hostname");
        if (hostname.isTextual()) {
            names.add(hostname.asText());
        }
        return names;
    }

    /** The one advertised listener on the kafka container's own name, checked against what the broker binds. */
    private static HostPort internalListener() {
        Map<String, String> env = environment(KAFKA);
        Map<String, HostPort> advertised = listeners(require(env, KAFKA, "KAFKA_ADVERTISED_LISTENERS"));
        List<Map.Entry<String, HostPort>> internal = advertised.entrySet().stream()
                .filter(e -> e.getValue().host().equals(KAFKA)).toList();
        assertEquals(1, internal.size(), "exactly one advertised listener should be on the service name kafka: " + advertised);
        Map.Entry<String, HostPort> listener = internal.get(0);
        HostPort bound = listeners(require(env, KAFKA, "KAFKA_LISTENERS")).get(listener.getKey());
        assertNotNull(bound, "advertised listener " + listener.getKey() + " is not in KAFKA_LISTENERS");
        assertEquals(bound.port(), listener.getValue().port(),
                "listener " + listener.getKey() + " is advertised on a port the broker does not bind");
        assertFalse(csvSet(env.getOrDefault("KAFKA_CONTROLLER_LISTENER_NAMES", "")).contains(listener.getKey()),
                "the internal client listener must not be the controller listener");
        return listener.getValue();
    }

    private static String require(Map<String, String> env, String service, String variable) {
        String value = env.get(variable);
        assertTrue(value != null && !value.isBlank(), service + " does not set " + variable);
        return value;
    }

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Set<String> csvSet(String value) {
        return Set.copyOf(csv(value));
    }

    private static String join(JsonNode array) {
        List<String> words = new ArrayList<>();
        array.forEach(word -> words.add(word.asText()));
        return String.join(" ", words);
    }

    // ---------------------------------------------------------------- what the code reads

    /**
     * The configuration key {@link UnionNewsConfig} reads {@code variable} as, found through its public API: load
     * the variable with a value nothing else has and see which key holds it.
     */
    private static String keyOf(String variable) {
        String probe = "probe-" + variable + "-" + System.nanoTime();
        List<String> keys = UnionNewsConfig.load(null, Map.of(variable, probe), Map.of()).asMap().entrySet().stream()
                .filter(e -> probe.equals(e.getValue())).map(Map.Entry::getKey).toList();
        assertEquals(1, keys.size(), variable + " should map to exactly one configuration key, got " + keys);
        return keys.get(0);
    }

    /**
     * Whether {@code key} reaches a Kafka client as a property it knows: unprefixed keys go to every client,
     * {@code producer.}/{@code consumer.}/{@code admin.}/{@code streams.} keys to that client only.
     */
    private static boolean isKafkaClientProperty(String key) {
        Set<String> producer = ProducerConfig.configNames();
        Set<String> consumer = ConsumerConfig.configNames();
        Set<String> admin = AdminClientConfig.configNames();
        Set<String> streams = new HashSet<>(StreamsConfig.configDef().names());
        streams.addAll(producer);
        streams.addAll(consumer);
        streams.addAll(admin);
        Map<String, Set<String>> byPrefix = Map.of("producer.", producer, "consumer.", consumer, "admin.", admin,
                "streams.", streams);
        for (Map.Entry<String, Set<String>> client : byPrefix.entrySet()) {
            if (key.startsWith(client.getKey())) {
                return client.getValue().contains(key.substring(client.getKey().length()));
            }
        }
        return streams.contains(key);
    }
}
