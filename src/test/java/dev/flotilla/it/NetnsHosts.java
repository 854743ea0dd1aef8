package dev.flotilla.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Simulated hosts on one Ethernet segment: one network namespace per host, each with a veth pair
 * whose other end is a port of a bridge in a switch namespace of its own, so that nothing of the
 * test network touches the machine's own namespace. Needs root ({@code ip netns}).
 *
 * <p>Names carry the creating JVM's pid and a random tag ({@code flx<pid>x<tag>-<host>}): runs
 * never collide, and {@link #removeStale()} deletes what a crashed run left behind (namespaces
 * whose creator is no longer alive). Cutting a host's link takes its switch port down, as pulling
 * the cable at the switch would: the host keeps its address and its processes keep running.
 */
final class NetnsHosts implements AutoCloseable {
  static final String PREFIX = "flx";
  private static final Pattern OURS = Pattern.compile(PREFIX + "(\\d+)x[0-9a-z]+-\\S+");

  private final String run;
  private final String switchNs;
  private final Map<String, Integer> hosts = new LinkedHashMap<>();

  NetnsHosts() throws IOException, InterruptedException {
    run = PREFIX + ProcessHandle.current().pid() + "x"
        + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
    switchNs = run + "-switch";
    ip("netns", "add", switchNs);
    ip("-n", switchNs, "link", "set", "lo", "up");
    // No IGMP snooping: without a querier on the segment the bridge would drop multicast (DDS
    // discovery) once its learnt group memberships aged out.
    ip("-n", switchNs, "link", "add", "br0", "type", "bridge", "mcast_snooping", "0");
    ip("-n", switchNs, "link", "set", "br0", "up");
  }

  /** @return whether this process runs as root, which {@code ip netns} needs */
  static boolean root() {
    try {
      Process p = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor() == 0 && out.equals("0");
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /**
   * Adds a host: namespace, address 10.77.0.(index + 1)/24 on {@code eth0}, loopback up, and a
   * route for multicast (DDS discovery's 239.255.0.1) on the segment.
   *
   * @param name host name (letters and digits)
   * @return the host's IPv4 address
   */
  String addHost(String name) throws IOException, InterruptedException {
    int index = hosts.size() + 1;
    String ns = namespace(name);
    String port = "p" + index;
    String address = "10.77.0." + (index + 1);
    ip("netns", "add", ns);
    hosts.put(name, index);
    ip("-n", switchNs, "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns);
    ip("-n", switchNs, "link", "set", port, "master", "br0");
    ip("-n", switchNs, "link", "set", port, "up");
    ip("-n", ns, "link", "set", "lo", "up");
    ip("-n", ns, "addr", "add", address + "/24", "dev", "eth0");
    ip("-n", ns, "link", "set", "eth0", "multicast", "on");
    ip("-n", ns, "link", "set", "eth0", "up");
    ip("-n", ns, "route", "add", "224.0.0.0/4", "dev", "eth0");
    return address;
  }

  /** @return the namespace of a host */
  String namespace(String host) {
    return run + "-" + host;
  }

  /** Cuts a host's link at the switch: nothing goes in or out; its processes keep running. */
  void cut(String host) throws IOException, InterruptedException {
    ip("-n", switchNs, "link", "set", "p" + hosts.get(host), "down");
  }

  /** Reconnects a host cut by {@link #cut}. */
  void heal(String host) throws IOException, InterruptedException {
    ip("-n", switchNs, "link", "set", "p" + hosts.get(host), "up");
  }

  /** Kills whatever still runs in this run's namespaces and deletes them. */
  @Override
  public void close() throws IOException, InterruptedException {
    List<String> names = new ArrayList<>();
    hosts.keySet().forEach(h -> names.add(namespace(h)));
    names.add(switchNs);
    for (String ns : names) {
      delete(ns);
    }
  }

  /**
   * Deletes the namespaces that runs of this test left behind: those whose creating process is
   * no longer alive (another run on this machine may be using its own right now).
   */
  static void removeStale() throws IOException, InterruptedException {
    for (String line : run(List.of("ip", "netns", "list")).split("\n")) {
      Matcher m = OURS.matcher(line.strip());
      if (!m.lookingAt()) {
        continue;
      }
      long pid = Long.parseLong(m.group(1));
      if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
        continue;
      }
      String ns = line.strip().split("\\s+")[0];
      System.out.println("cross-host: removing " + ns + ", left behind by a run that ended");
      delete(ns);
    }
  }

  private static void delete(String ns) throws IOException, InterruptedException {
    String pids = run(List.of("ip", "netns", "pids", ns));
    for (String pid : pids.split("\\s+")) {
      if (pid.matches("\\d+")) {
        ProcessHandle.of(Long.parseLong(pid)).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    run(List.of("ip", "netns", "delete", ns));
  }

  private static void ip(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ip"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
  }

  /** Runs a command, ignoring its exit status; returns its output. */
  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(30, TimeUnit.SECONDS);
    return out;
  }
}
