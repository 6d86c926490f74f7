package vn.unionnews.testkit;

import java.util.UUID;

/** A real broker for an integration test: where to connect, and fresh names so tests never share topics. */
public interface KafkaBroker {
    String bootstrapServers();

    /** What kind of broker this is: "embedded" or "testcontainers". */
    String kind();

    /** A topic prefix (and application-id stem) no other test uses. */
    default String uniquePrefix(String testName) {
        return testName + "-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    }
}
