package dev.flotilla.it;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JVM on a simulated host ({@code ip netns exec NS java …}): {@code flotilla} itself or a test
 * main class, with ROS 2's default discovery (the SUBNET range: multicast on the segment) and no
 * shared-memory transport, which real hosts do not share. {@code ip netns exec} replaces itself
 * with the command, so {@link #process} is the JVM.
 */
final class HostProcess implements AutoCloseable {
  final String host;
  final Process process;
  final Path stdout;
  final Path stderr;

  private HostProcess(String host, List<String> command, Path workDir) throws IOException {
    this.host = host;
    stdout = Files.createTempFile(workDir, host + "-out", ".log");
    stderr = Files.createTempFile(workDir, host + "-err", ".log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("ROS_") || k.startsWith("FLOTILLA_"));
    pb.environment().put("ROS_DISABLE_SHARED_MEMORY_TRANSPORT", "1");
    process = pb.start();
  }

  /** {@code flotilla ARGS} on a host, as users run it. */
  static HostProcess flotilla(NetnsHosts net, String host, Path workDir, String... args)
      throws IOException {
    String jar = System.getProperty("flotilla.jar");
    if (jar == null || !Files.exists(Path.of(jar))) {
      throw new IllegalStateException("The packaged jar is missing (" + jar + "); integration "
          + "tests run after 'mvn package'.");
    }
    List<String> command = prefix(net, host);
    command.addAll(List.of("-jar", jar));
    command.addAll(List.of(args));
    return new HostProcess(host, command, workDir);
  }

  /** A main class of the tests on a host, with the packaged jar on its class path. */
  static HostProcess main(NetnsHosts net, String host, Path workDir, Class<?> main,
      String... args) throws IOException {
    String jar = System.getProperty("flotilla.jar");
    String tests;
    try {
      tests = Path.of(main.getProtectionDomain().getCodeSource().getLocation().toURI())
          .toString();
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    List<String> command = prefix(net, host);
    command.addAll(List.of("-cp", jar + java.io.File.pathSeparator + tests, main.getName()));
    command.addAll(List.of(args));
    return new HostProcess(host, command, workDir);
  }

  /**
   * {@code ip netns exec NS java}, with the JIT's first tier only and the serial collector: eight
   * JVMs start at once on two shared cores, and these short runs gain nothing from C2.
   */
  private static List<String> prefix(NetnsHosts net, String host) {
    return new ArrayList<>(List.of("ip", "netns", "exec", net.namespace(host),
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
  }

  /** Sends a line to the process's standard input. */
  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
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
