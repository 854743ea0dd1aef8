package dev.flotilla.urdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the real URDFs of the shared test data (never copied into the repository). */
public final class SharedUrdfs {

  private SharedUrdfs() {}

  /** The shared URDF directory, from the {@code flotilla.shared} system property. */
  public static Path dir() {
    String shared = System.getProperty("flotilla.shared", "../shared");
    return Path.of(shared, "data", "urdf");
  }

  /** One shared URDF by file name. */
  public static Path file(String name) {
    return dir().resolve(name);
  }

  /** Every {@code .urdf} in the shared directory, sorted. */
  public static List<Path> all() {
    try (Stream<Path> s = Files.list(dir())) {
      return s.filter(p -> p.toString().endsWith(".urdf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of a shared URDF. */
  public static String read(String name) {
    try {
      return Files.readString(file(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
