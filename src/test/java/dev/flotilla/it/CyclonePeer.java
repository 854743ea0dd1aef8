package dev.flotilla.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Builds C peers against Debian's CycloneDDS at test time (IDL generated from msg/ by the build,
 * idlc, gcc) and starts them configured as rmw_cyclonedds configures Cyclone for ROS 2's
 * discovery variables. Under CI=true a missing toolchain fails.
 */
final class CyclonePeer {
  /**
   * The user's own CYCLONEDDS_URI in these tests where Cyclone would multicast (SUBNET), which rmw
   * appends after its fragment: UDP on the loopback interface only (multicast allowed there), so
   * no test traffic leaves the machine. Flotilla's side gets the same with
   * FLOTILLA_DDS_INTERFACES=127.0.0.1 where Fast-DDS would multicast (SUBNET, and OFF, whose
   * participant still announces itself). Unicast-only modes run unpinned: their traffic goes to
   * this host's own addresses.
   */
  static final String LOOPBACK_URI = "<CycloneDDS><Domain Id=\"any\"><General><Interfaces>"
      + "<NetworkInterface address=\"127.0.0.1\" multicast=\"true\"/></Interfaces></General>"
      + "</Domain></CycloneDDS>";

  /**
   * A ROS 2 discovery setting: the environment variables, and the configuration fragment the
   * rmw_cyclonedds of that ROS 2 release generates from them.
   */
  enum Discovery {
    /** Jazzy, ROS_AUTOMATIC_DISCOVERY_RANGE=LOCALHOST. */
    LOCALHOST(Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST"),
        jazzyFragment("LOCALHOST", List.of()), true, false, false),
    /** Jazzy, no variable set: SUBNET, ROS 2's default. */
    SUBNET(Map.of(), jazzyFragment("SUBNET", List.of()), true, true, true),
    /** Jazzy, SUBNET with ROS_STATIC_PEERS=127.0.0.1. */
    STATIC_PEERS(Map.of("ROS_STATIC_PEERS", "127.0.0.1"),
        jazzyFragment("SUBNET", List.of("127.0.0.1")), true, true, true),
    /** Jazzy, ROS_AUTOMATIC_DISCOVERY_RANGE=OFF: the two sides must not discover each other. */
    OFF(Map.of("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF"), jazzyFragment("OFF", List.of()), false,
        false, true),
    /** Humble, ROS_LOCALHOST_ONLY=1 (Jazzy reads it as a deprecated LOCALHOST). */
    HUMBLE_LOCALHOST_ONLY(Map.of("ROS_LOCALHOST_ONLY", "1"), humbleFragment(true), true, false,
        false);

    /** ROS 2 variables, the same for both sides. */
    final Map<String, String> env;
    /** What rmw_cyclonedds prepends to CYCLONEDDS_URI; {pid} is the peer's process id. */
    final String fragment;
    /** Whether the two sides must discover each other. */
    final boolean discovers;
    /** Whether Cyclone would multicast, so the user's CYCLONEDDS_URI pins it to loopback. */
    final boolean cycloneMulticasts;
    /** Whether Fast-DDS would multicast, so FLOTILLA_DDS_INTERFACES pins it to loopback. */
    final boolean flotillaMulticasts;

    Discovery(Map<String, String> env, String fragment, boolean discovers,
        boolean cycloneMulticasts, boolean flotillaMulticasts) {
      this.env = env;
      this.fragment = fragment;
      this.discovers = discovers;
      this.cycloneMulticasts = cycloneMulticasts;
      this.flotillaMulticasts = flotillaMulticasts;
    }

    /**
     * @return the CYCLONEDDS_URI the user adds: loopback only where Cyclone would multicast (see
     *     {@link #LOOPBACK_URI}), else nothing, so Cyclone runs exactly as rmw configures it
     */
    String userUri() {
      return cycloneMulticasts ? LOOPBACK_URI : "";
    }

    /** @return the variables for Flotilla's side: the mode's, plus loopback where it multicasts */
    Map<String, String> flotillaEnv() {
      Map<String, String> out = new java.util.HashMap<>(env);
      if (flotillaMulticasts) {
        out.put("FLOTILLA_DDS_INTERFACES", "127.0.0.1");
      }
      return out;
    }
  }

  /**
   * The fragment Jazzy's rmw_cyclonedds generates, following {@code check_create_domain} in
   * ros2/rmw_cyclonedds {@code rmw_cyclonedds_cpp/src/rmw_node.cpp} (jazzy) step by step.
   *
   * @param range the automatic discovery range rcl resolved
   * @param staticPeers ROS_STATIC_PEERS, split
   * @return the XML prepended to CYCLONEDDS_URI ("" when nothing is changed)
   */
  static String jazzyFragment(String range, List<String> staticPeers) {
    boolean addLocalhostAsStaticPeer;
    boolean addStaticPeers;
    boolean disableMulticast;
    switch (range) {
      case "SUBNET" -> {
        addLocalhostAsStaticPeer = false;
        addStaticPeers = true;
        disableMulticast = false;
      }
      case "SYSTEM_DEFAULT" -> {
        addLocalhostAsStaticPeer = false;
        addStaticPeers = false;
        disableMulticast = false;
      }
      case "LOCALHOST" -> {
        addLocalhostAsStaticPeer = true;
        addStaticPeers = true;
        disableMulticast = true;
      }
      case "OFF" -> {
        addLocalhostAsStaticPeer = false;
        addStaticPeers = false;
        disableMulticast = true;
      }
      default -> throw new IllegalArgumentException(range);
    }
    String config = "";
    if (addLocalhostAsStaticPeer || addStaticPeers || disableMulticast) {
      config = "<CycloneDDS><Domain>";
      if (disableMulticast) {
        config += "<General><AllowMulticast>false</AllowMulticast></General>";
      }
      boolean discoveryOff = disableMulticast && !addLocalhostAsStaticPeer && !addStaticPeers;
      if (discoveryOff) {
        config += "<Discovery><ParticipantIndex>none</ParticipantIndex>";
        config += "<Tag>ros_discovery_off_{pid}</Tag>";
      } else {
        config += "<Discovery><ParticipantIndex>auto</ParticipantIndex>";
        config += "<MaxAutoParticipantIndex>32</MaxAutoParticipantIndex>";
      }
      if ((addStaticPeers && !staticPeers.isEmpty()) || addLocalhostAsStaticPeer) {
        config += "<Peers>";
        if (addLocalhostAsStaticPeer) {
          config += "<Peer address=\"localhost\"/>";
        }
        for (String peer : staticPeers) {
          config += "<Peer address=\"" + peer + "\"/>";
        }
        config += "</Peers>";
      }
      config += "</Discovery></Domain></CycloneDDS>,";
    }
    return config;
  }

  /**
   * The fragment Humble's rmw_cyclonedds generates, following {@code check_create_domain} in
   * ros2/rmw_cyclonedds {@code rmw_cyclonedds_cpp/src/rmw_node.cpp} (humble).
   *
   * @param localhostOnly ROS_LOCALHOST_ONLY=1
   * @return the XML prepended to CYCLONEDDS_URI
   */
  static String humbleFragment(boolean localhostOnly) {
    return localhostOnly
        ? "<CycloneDDS><Domain><General><Interfaces><NetworkInterface address=\"127.0.0.1\"/>"
            + "</Interfaces></General></Domain></CycloneDDS>,"
        : "";
  }

  private CyclonePeer() {}

  /**
   * @param source C file under src/test/c
   * @param extraIdl IDL files under src/test/c the peer also needs (they may include
   *     {@code flotilla_ros2.idl})
   * @return the built executable
   */
  static synchronized Path build(String source, String... extraIdl)
      throws IOException, InterruptedException {
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
    List<String> gcc = new ArrayList<>(List.of("gcc", "-O1", "-Wall"));
    for (String extra : extraIdl) {
      run(dir, "idlc", "-f", "case-sensitive", "-x", "final", "-I", idl.getParent().toString(),
          "-o", dir.toString(), root.resolve("src/test/c/" + extra).toString());
      gcc.add(dir.resolve(extra.replace(".idl", ".c")).toString());
    }
    Path exe = dir.resolve(source.replace(".c", ""));
    gcc.addAll(List.of("-o", exe.toString(), root.resolve("src/test/c/" + source).toString(),
        dir.resolve("flotilla_ros2.c").toString(), "-I" + dir,
        "-I" + root.resolve("src/test/c"), "-lddsc", "-lm"));
    run(dir, gcc.toArray(String[]::new));
    return exe;
  }

  /**
   * @return a process builder for the peer as Humble's rmw_cyclonedds under ROS_LOCALHOST_ONLY=1
   *     (loopback), matching Flotilla's {@code DdsBus(…, true)}
   */
  static ProcessBuilder process(Path exe, String... args) {
    return process(exe, Discovery.HUMBLE_LOCALHOST_ONLY, args);
  }

  /**
   * @param exe a built peer
   * @param discovery the ROS 2 discovery setting the peer's Cyclone follows
   * @param args the peer's arguments
   * @return a process builder for the peer
   */
  static ProcessBuilder process(Path exe, Discovery discovery, String... args) {
    List<String> command = new ArrayList<>(List.of(exe.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("ROS_") || k.startsWith("CYCLONEDDS"));
    env.putAll(discovery.env);
    env.put("FLOTILLA_RMW_FRAGMENT", discovery.fragment);
    env.put("CYCLONEDDS_URI", discovery.userUri());
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
