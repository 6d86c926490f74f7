package vn.unionnews.producer;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl")) {
            return fromJsonLines(file.toString(), bytes);
        }
        String content = new String(bytes, StandardCharsets.UTF_8);
        return List.of(new PageInput(file.toString(), RawPage.ofContent(content).withFetchedAt(fetchTime(file)), null,
                bytes));
    }

    /** A scraped file was written when its page was fetched: its modification time stands for the fetch time. */
    private static Instant fetchTime(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant();
        } catch (IOException e) {
            return null;
        }
    }

    /** All of a stream of JSON Lines, e.g. stdin. */
    public static List<PageInput> fromJsonLines(String origin, InputStream in) {
        try {
            return fromJsonLines(origin, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + origin, e);
        }
    }

    /**
     * One page per non-blank line of {@code bytes} ({@code origin:N}), each with the line's own bytes as read (a
     * line break is a byte 0x0A in UTF-8, never part of a character), so that a dead-lettered line keeps them.
     */
    static List<PageInput> fromJsonLines(String origin, byte[] bytes) {
        List<PageInput> inputs = new ArrayList<>();
        int lineNumber = 0;
        for (int start = 0; start < bytes.length; ) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNumber++;
            byte[] line = Arrays.copyOfRange(bytes, start, end > start && bytes[end - 1] == '\r' ? end - 1 : end);
            start = end + 1;
            String text = new String(line, StandardCharsets.UTF_8);
            if (!text.isBlank()) {
                inputs.add(fromJsonLine(origin + ":" + lineNumber, text, line));
            }
        }
        return inputs;
    }

    private static PageInput fromJsonLine(String where, String line, byte[] original) {
        try {
            RawPage page = Json.mapper().readValue(line, RawPage.class);
            if (page == null || (page.text() == null && page.html() == null)) {
                return PageInput.unreadable(where, "A page needs \"text\" or \"html\"", original);
            }
            return new PageInput(where, page, null, original);
        } catch (JsonProcessingException e) {
            return PageInput.unreadable(where, "Not a JSON object: " + e.getOriginalMessage(), original);
        }
    }
}
