package vn.unionnews.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds files of the repository from a test's working directory (the module's directory under Maven). */
final class RepoPaths {
    private RepoPaths() {
    }

    static Path find(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(name)) && Files.exists(dir.resolve("mvnw"))) {
                return dir.resolve(name);
            }
        }
        throw new IllegalStateException(name + " not found above " + Path.of("").toAbsolutePath());
    }
}
