package dev.flotilla.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Resolves a default file such as {@code params/fleet.yaml}: relative to the working directory
 * when it exists there, else relative to {@code $FLOTILLA_HOME} (set by the {@code ./flotilla}
 * launcher), so the defaults work from any directory.
 */
final class HomePaths {
  private HomePaths() {}

  static Path resolve(Path path) {
    return resolve(path, System.getenv("FLOTILLA_HOME"));
  }

  /**
   * As {@link #resolve(Path)} with an explicit home (tests).
   *
   * @param path the path as given
   * @param home the value of {@code $FLOTILLA_HOME}, or null
   * @return the path to use
   */
  static Path resolve(Path path, String home) {
    if (path.isAbsolute() || Files.exists(path)) {
      return path;
    }
    if (home != null && Files.exists(Path.of(home).resolve(path))) {
      return Path.of(home).resolve(path);
    }
    return path;
  }
}
