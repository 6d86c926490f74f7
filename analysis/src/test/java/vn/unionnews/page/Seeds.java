package vn.unionnews.page;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import vn.unionnews.TestJson;
import vn.unionnews.text.VietnameseText;

/**
 * The five seed pages of the repo's {@code seeds/} directory with their hand annotation
 * ({@code gold/seeds.json}, a copy of the shared gold file).
 */
public final class Seeds {
    private static final List<Seed> ALL = load();

    /** One seed page and its gold annotation; shown by file name in test reports. */
    public record Seed(String file, String content, JsonNode gold) {
        /** A gold string field, or null when the annotation says null or leaves it out. */
        public String goldText(String field) {
            JsonNode node = gold.get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        public List<String> goldList(String field) {
            List<String> values = new ArrayList<>();
            gold.path(field).forEach(node -> values.add(node.asText()));
            return values;
        }

        @Override
        public String toString() {
            return file;
        }
    }

    private Seeds() {
    }

    public static List<Seed> all() {
        return ALL;
    }

    public static Seed named(String file) {
        return ALL.stream().filter(seed -> seed.file().equals(file)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No seed " + file + " in gold/seeds.json"));
    }

    /** NFC, odd spaces gone and every whitespace run one space: gold strings are exact up to whitespace. */
    public static String fold(String text) {
        return text == null ? null : VietnameseText.normalize(text).replaceAll("\\s+", " ").strip();
    }

    private static List<Seed> load() {
        JsonNode gold;
        try (InputStream in = Seeds.class.getResourceAsStream("/gold/seeds.json")) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource gold/seeds.json");
            }
            gold = TestJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read gold/seeds.json", e);
        }
        Path dir = seedDirectory(gold.path("articles").get(0).path("file").asText());
        List<Seed> seeds = new ArrayList<>();
        for (JsonNode article : gold.path("articles")) {
            String file = article.path("file").asText();
            try {
                seeds.add(new Seed(file, Files.readString(dir.resolve(file), StandardCharsets.UTF_8), article));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed " + dir.resolve(file), e);
            }
        }
        return List.copyOf(seeds);
    }

    /** The repo's {@code seeds/}: the nearest one above the working directory (the module when Maven runs). */
    private static Path seedDirectory(String someSeed) {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("seeds");
            if (Files.isRegularFile(candidate.resolve(someSeed))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No seeds/" + someSeed + " in " + start + " or any directory above it");
    }
}
