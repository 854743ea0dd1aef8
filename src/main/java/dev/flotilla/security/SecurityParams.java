package dev.flotilla.security;

import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code security} section every node reads, usually under {@code /**} (issue #8):
 *
 * <pre>
 * security:
 *   mode: enforce            # off (default) | warn | enforce
 *   keys_dir: keys           # relative to the parameter file; made by `flotilla keys gen`
 *   roster:                  # identity: [rights]; default: operator, planner, allocator,
 *     operator: [tasks]      #   synchronizer with the rights their code uses
 *     allocator: [allocations, reassignments, events, allocator_leases]
 *   robots: [r1, r2]         # default: the fleet's robots; each may send heartbeats, events
 * </pre>
 *
 * @param mode how strictly to authenticate
 * @param keysDir the key directory, null when the mode is off and none was given
 * @param roster who may send what
 */
public record SecurityParams(SecurityMode mode, Path keysDir, Roster roster) {

  /** Security off: nothing signed, nothing checked. */
  public static final SecurityParams OFF = new SecurityParams(SecurityMode.OFF, null,
      Roster.of(Roster.defaultNodes(), List.of()));

  public SecurityParams {
    if (mode != SecurityMode.OFF && keysDir == null) {
      throw new IllegalArgumentException("Security mode " + mode.label()
          + " needs a key directory.");
    }
  }

  /**
   * Reads and validates the section; consumes its keys. Peeks at the fleet's {@code robots}
   * without consuming them (the node's own fleet reader does).
   *
   * @param p the node's parameters
   * @return the section, {@link #OFF} when absent
   * @throws ParamsException naming the file and key of the first bad value
   */
  public static SecurityParams read(ParamReader p) {
    String modeText = p.string("security.mode", "off", Set.of("off", "warn", "enforce"));
    SecurityMode mode = SecurityMode.parse(modeText);
    String dir = p.string("security.keys_dir", "", Set.of());
    Map<String, Set<Right>> nodes = new LinkedHashMap<>();
    List<String> listed = p.children("security.roster");
    if (listed.isEmpty()) {
      nodes.putAll(Roster.defaultNodes());
    }
    for (String id : listed) {
      String key = "security.roster." + id;
      if (!TopicNames.isValidRobotId(id)) {
        throw new ParamsException(p.source() + ": " + key + ": an identity must be a valid ROS 2 "
            + "name (letters, digits, underscores, not starting with a digit).");
      }
      Set<Right> rights = EnumSet.noneOf(Right.class);
      for (String label : p.strings(key, List.of())) {
        rights.add(Right.ofLabel(label).orElseThrow(() -> new ParamsException(p.source() + ": "
            + key + " names '" + label + "', which is not one of " + labels() + ".")));
      }
      nodes.put(id, rights);
    }
    List<String> robots = p.strings("security.robots", new ArrayList<>(p.children("robots")));
    for (String r : robots) {
      if (!TopicNames.isValidRobotId(r)) {
        throw new ParamsException(p.source() + ": security.robots: '" + r + "' is not a valid "
            + "robot id.");
      }
    }
    if (mode != SecurityMode.OFF && dir.isEmpty()) {
      throw new ParamsException(p.source() + ": security.keys_dir must name the key directory "
          + "(made by `flotilla keys gen`) when security.mode is " + modeText + ".");
    }
    return new SecurityParams(mode, dir.isEmpty() ? null : p.resolve(dir).normalize(),
        Roster.of(nodes, robots));
  }

  private static List<String> labels() {
    return Arrays.stream(Right.values()).map(Right::label).toList();
  }

  /** @return every identity of the roster, robots included, in file order */
  public List<String> identities() {
    return List.copyOf(roster.members().keySet());
  }

  /**
   * The bus a node or robot should use: the given one when security is off, else a
   * {@link SecureBus} signing as {@code identity} with the keys of {@link #keysDir()}.
   *
   * @param inner the transport
   * @param identity who this node or robot is in the roster
   * @param clock stamps rejection events and diagnostics
   * @return the bus to hand to the node
   * @throws KeyDirException when the key directory cannot be read or is too open
   */
  public Bus secure(Bus inner, String identity, NodeClock clock) {
    if (mode == SecurityMode.OFF) {
      return inner;
    }
    return new SecureBus(inner, identity, this, KeyDir.load(keysDir), clock);
  }
}
