package vn.unionnews;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;

/**
 * The tests' JSON: the library parses none, so its fixtures are read here, with the settings of the Kafka
 * modules' mapper (unknown fields ignored, times as ISO-8601).
 */
public final class TestJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TestJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A gold line's fields, for the library's readers. */
    public static Map<String, ?> fields(String line) {
        try {
            return MAPPER.readValue(line, new TypeReference<Map<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
