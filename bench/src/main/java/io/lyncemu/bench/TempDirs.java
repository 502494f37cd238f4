package io.lyncemu.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Fresh state directories for each emulator, removed afterwards so runs do not share a CA. */
final class TempDirs {
  private TempDirs() {}

  static Path create(String prefix) throws IOException {
    return Files.createTempDirectory(prefix);
  }

  static void delete(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder())
          .forEach(
              path -> {
                try {
                  Files.deleteIfExists(path);
                } catch (IOException ignored) {
                  // Best effort: a leftover temp file is not worth failing a benchmark run.
                }
              });
    } catch (IOException ignored) {
      // Same: the OS cleans its temp directory eventually.
    }
  }
}
