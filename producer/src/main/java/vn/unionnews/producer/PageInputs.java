package vn.unionnews.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import vn.unionnews.kafka.Json;
import vn.unionnews.page.RawPage;

/**
 * Turns command-line inputs into pages: files (plain text, HTML when it starts with '<', JSON Lines when the
 * name ends in {@code .jsonl}), directories recursively in name order, and JSON Lines on stdin (CONTRACT.md).
 */
public final class PageInputs {
    private PageInputs() {
    }

    public static List<PageInput> fromPaths(List<Path> paths) {
        List<PageInput> inputs = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(Files::isRegularFile)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(file -> inputs.addAll(fromFile(file)));
                } catch (IOException e) {
                    inputs.add(PageInput.unreadable(path.toString(), "Cannot list directory: " + e.getMessage(), null));
                }
            } else {
                inputs.addAll(fromFile(path));
            }
        }
        return inputs;
    }

    static List<PageInput> fromFile(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return List.of(PageInput.unreadable(file.toString(), "Cannot read file: " + e, null));
        }
        String content = new String(bytes, StandardCharsets.UTF_8);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            return fromJsonLines(file.toString(), content.lines().toList());
        }
        return List.of(PageInput.of(file.toString(), RawPage.ofContent(content).withFetchedAt(fetchTime(file))));
    }

    /** A scraped file was written when its page was fetched: its modification time stands for the fetch time. */
    private static Instant fetchTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    public static List<PageInput> fromJsonLines(String origin, BufferedReader reader) {
        try {
            List<String> lines = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
            return fromJsonLines(origin, lines);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + origin, e);
        }
    }

    private static List<PageInput> fromJsonLines(String origin, List<String> lines) {
        List<PageInput> inputs = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String where = origin + ":" + (i + 1);
            try {
                RawPage page = Json.mapper().readValue(line, RawPage.class);
                if (page == null || (page.text() == null && page.html() == null)) {
                    inputs.add(PageInput.unreadable(where, "A page needs \"text\" or \"html\"",
                            line.getBytes(StandardCharsets.UTF_8)));
                } else {
                    inputs.add(PageInput.of(where, page));
                }
            } catch (JsonProcessingException e) {
                inputs.add(PageInput.unreadable(where, "Not a JSON object: " + e.getOriginalMessage(),
                        line.getBytes(StandardCharsets.UTF_8)));
            }
        }
        return inputs;
    }
}
