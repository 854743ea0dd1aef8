package dev.flotilla.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A {@code java -jar flotilla.jar …} child process, as users start it; DDS stays on loopback. */
final class FlotillaProcess implements AutoCloseable {
  final Process process;
  final Path stdout;
  final Path stderr;

  FlotillaProcess(Path workDir, String... args) throws IOException {
    this(workDir, Map.of("ROS_LOCALHOST_ONLY", "1"), args);
  }

  /**
   * @param workDir working directory (where a JVM crash log would land)
   * @param env ROS 2 (and FLOTILLA_) variables for the child; other ROS_ variables of this JVM's
   *     environment are not inherited
   * @param args flotilla's arguments
   */
  FlotillaProcess(Path workDir, Map<String, String> env, String... args) throws IOException {
    String jar = System.getProperty("flotilla.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("The packaged jar is missing (" + jar + "); integration "
          + "tests run after 'mvn package'.");
    }
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
    command.addAll(List.of(args));
    stdout = Files.createTempFile("flotilla-out", ".log");
    stderr = Files.createTempFile("flotilla-err", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ROS_") || k.startsWith("FLOTILLA_"));
    pb.environment().putAll(env);
    process = pb.start();
  }

  /**
   * Waits until stderr contains a text.
   *
   * @return whether it appeared within the time
   */
  boolean awaitErr(String text, long seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!err().contains(text)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        return err().contains(text);
      }
      Thread.sleep(100);
    }
    return true;
  }

  static Path root() {
    return Path.of(System.getProperty("flotilla.root", "."));
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("flotilla did not finish within " + seconds + " s; stderr:\n"
          + read(stderr));
    }
    return process.exitValue();
  }

  String out() {
    return read(stdout);
  }

  String err() {
    return read(stderr);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
