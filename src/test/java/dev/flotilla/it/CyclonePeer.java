package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds C peers against Debian's CycloneDDS at test time: IDL generated from msg/ by the build,
 * idlc, gcc, and the Fast-DDS 2.6 compatibility shim. Under CI=true a missing toolchain fails.
 */
final class CyclonePeer {
  /** Cyclone on loopback, as rmw_cyclonedds configures ROS_LOCALHOST_ONLY. */
  static final String LOOPBACK_XML = "<CycloneDDS><Domain Id=\"any\"><General><Interfaces>"
      + "<NetworkInterface address=\"127.0.0.1\" multicast=\"true\"/></Interfaces>"
      + "<AllowMulticast>spdp</AllowMulticast></General><Discovery><ParticipantIndex>auto"
      + "</ParticipantIndex><Peers><Peer address=\"127.0.0.1\"/></Peers></Discovery></Domain>"
      + "</CycloneDDS>";

  private CyclonePeer() {}

  /**
   * @param source C file under src/test/c
   * @return the built executable
   */
  static synchronized Path build(String source) throws IOException, InterruptedException {
    List<String> missing = new ArrayList<>();
    if (!onPath("idlc")) {
      missing.add("idlc (cyclonedds-tools)");
    }
    if (!onPath("gcc")) {
      missing.add("gcc");
    }
    if (!Files.exists(Path.of("/usr/include/dds/dds.h"))) {
      missing.add("dds/dds.h (cyclonedds-dev)");
    }
    if (!missing.isEmpty()) {
      String why = "CycloneDDS peer toolchain missing: " + missing
          + "; ./scripts/test.sh installs it.";
      if ("true".equals(System.getenv("CI"))) {
        fail(why);
      }
      Assumptions.abort(why);
    }
    Path root = FlotillaProcess.root();
    Path dir = Files.createDirectories(root.resolve("target/cyclone-peer"));
    Path idl = root.resolve("target/generated-sources/idl/flotilla_ros2.idl");
    Path generated = dir.resolve("flotilla_ros2.c");
    // Regenerate when msg/ changed since the last run (a stale type would not match ours).
    if (!Files.exists(generated) || Files.getLastModifiedTime(idl)
        .compareTo(Files.getLastModifiedTime(generated)) > 0) {
      run(dir, "idlc", "-f", "case-sensitive", "-x", "final", "-o", dir.toString(),
          idl.toString());
    }
    Path exe = dir.resolve(source.replace(".c", ""));
    run(dir, "gcc", "-O1", "-Wall", "-o", exe.toString(),
        root.resolve("src/test/c/" + source).toString(),
        root.resolve("src/test/c/fastdds26_compat.c").toString(),
        dir.resolve("flotilla_ros2.c").toString(), "-I" + dir, "-lddsc", "-ldl", "-lm",
        "-Wl,--export-dynamic-symbol=ddsi_xqos_delta");
    return exe;
  }

  /** @return a process builder for the peer with Cyclone confined to loopback */
  static ProcessBuilder process(Path exe, String... args) throws IOException {
    Path xml = Files.writeString(Files.createTempFile("cyclone", ".xml"), LOOPBACK_XML);
    List<String> command = new ArrayList<>(List.of(exe.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("CYCLONEDDS_URI", xml.toUri().toString());
    return pb;
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(Path dir, String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes());
    assertEquals(0, p.waitFor(), String.join(" ", command) + " failed:\n" + out);
  }
}
