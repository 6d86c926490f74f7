package vn.unionnews.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import vn.unionnews.analysis.ArticleAnalyzer;
import vn.unionnews.event.ArticleEvent;
import vn.unionnews.page.RawPage;

/** The repository's seed pages as text or as articles, in file order: the input the benchmarks share. */
final class SeedTexts {
    private SeedTexts() {
    }

    /** The seed pages as the producer makes them into articles. */
    static ArticleEvent[] articles() {
        ArticleAnalyzer analyzer = new ArticleAnalyzer(3);
        return load().stream().map(text -> analyzer.toArticle(RawPage.ofContent(text))).toArray(ArticleEvent[]::new);
    }

    static List<String> load() {
        Path dir = PageBenchmark.findSeedsDirectory();
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (files.size() != PageBenchmark.SEED_PAGES) {
            throw new IllegalStateException("Expected " + PageBenchmark.SEED_PAGES + " seed pages in " + dir
                    + ", found " + files.size() + ": update PageBenchmark.SEED_PAGES");
        }
        List<String> texts = new ArrayList<>();
        for (Path file : files) {
            try {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read seed page " + file, e);
            }
        }
        return texts;
    }
}
