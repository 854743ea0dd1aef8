package dev.flotilla.node;

import dev.flotilla.fleet.FleetRoster;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.resume.ResumeOverrides;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet and the map every node shares, usually under {@code /**} in the parameter file:
 *
 * <pre>
 * robots:
 *   tb3_1: {x: 0.0, y: 0.0, yaw: 0.0, max_speed: 0.22, max_acceleration: 0.5,
 *           reliability: 0.001, cost_rate: 0.0, capabilities: [camera], agent_type: volunteer}
 * regions:
 *   dock: {x: 5.0, y: 2.0}
 * discover_robots: false
 * </pre>
 *
 * @param robots configured robots, in file order
 * @param regions named places in the map frame
 * @param discoverRobots whether robots not listed join when they first heartbeat
 */
public record FleetParams(List<RobotSpec> robots, Map<String, Point3> regions,
    boolean discoverRobots, Map<String, ResumeOverrides> resumeOverrides) {

  /** Defaults for a robot that joined by discovery, sized for a small wheeled base. */
  public static final double DEFAULT_MAX_SPEED = FleetRoster.DEFAULT_MAX_SPEED;
  public static final double DEFAULT_MAX_ACCELERATION = FleetRoster.DEFAULT_MAX_ACCELERATION;

  public FleetParams {
    robots = List.copyOf(robots);
    regions = Collections.unmodifiableMap(new LinkedHashMap<>(regions));
    resumeOverrides = Map.copyOf(resumeOverrides);
  }

  /** A fleet without resume overrides. */
  public FleetParams(List<RobotSpec> robots, Map<String, Point3> regions,
      boolean discoverRobots) {
    this(robots, regions, discoverRobots, Map.of());
  }

  /**
   * Reads and validates the fleet section; consumes its keys.
   *
   * @param p the node's parameters
   * @return the fleet
   * @throws ParamsException naming the file and key of the first bad value
   */
  public static FleetParams read(ParamReader p) {
    List<RobotSpec> robots = new ArrayList<>();
    Map<String, ResumeOverrides> overrides = new LinkedHashMap<>();
    for (String id : p.children("robots")) {
      String k = "robots." + id + ".";
      if (!TopicNames.isValidRobotId(id)) {
        throw new ParamsException("robots." + id + ": a robot id must be a valid ROS 2 name "
            + "(letters, digits, underscores, not starting with a digit).");
      }
      double big = 1e6;
      robots.add(new RobotSpec(id,
          new Point3(p.number(k + "x", 0, -big, big), p.number(k + "y", 0, -big, big),
              p.number(k + "z", 0, -big, big)),
          p.number(k + "yaw", 0, -2 * Math.PI, 2 * Math.PI),
          p.number(k + "max_speed", DEFAULT_MAX_SPEED, 1e-3, 100),
          p.number(k + "max_acceleration", DEFAULT_MAX_ACCELERATION, 1e-3, 100),
          p.number(k + "reliability", 0, 0, 1),
          p.number(k + "cost_rate", 0, 0, big),
          new LinkedHashSet<>(p.strings(k + "capabilities", List.of())),
          urdf(p, k + "urdf"), agentType(p, k + "agent_type"),
          p.string(k + "liveness_source", "heartbeat", Set.of("heartbeat", "odometry"))
              .equals("odometry")));
      ResumeOverrides o = resumeOverrides(p, k + "resume_overrides");
      if (!o.isEmpty()) {
        overrides.put(id, o);
      }
    }
    Map<String, Point3> regions = new LinkedHashMap<>();
    for (String name : p.children("regions")) {
      String k = "regions." + name + ".";
      regions.put(name, new Point3(p.number(k + "x", 0, -1e6, 1e6),
          p.number(k + "y", 0, -1e6, 1e6), p.number(k + "z", 0, -1e6, 1e6)));
    }
    return new FleetParams(robots, regions, p.bool("discover_robots", false), overrides);
  }

  /** {@code robots.<id>.resume_overrides}: validated by {@link ResumeOverrides#parse}. */
  private static ResumeOverrides resumeOverrides(ParamReader p, String prefix) {
    Map<String, String> raw = new LinkedHashMap<>();
    for (String key : p.children(prefix)) {
      String k = prefix + "." + key;
      raw.put(key, switch (key) {
        case "mobility_class" -> p.string(k, "", Set.of());
        case "can_change_floors" -> Boolean.toString(p.bool(k, false));
        case "arms" -> Long.toString(p.integer(k, 0, 0, 16));
        case "max_speed_mps", "max_acceleration_mps2", "payload_kg" ->
            Double.toString(p.number(k, 0, 0, 100_000));
        default -> throw new ParamsException(p.source() + ": " + k + " is not a resume "
            + "override; expected one of " + String.join(", ", ResumeOverrides.KEYS) + ".");
      });
    }
    try {
      return ResumeOverrides.parse(raw, p.source(), prefix);
    } catch (IllegalArgumentException e) {
      throw new ParamsException(e.getMessage());
    }
  }

  private static String agentType(ParamReader p, String key) {
    String value = p.string(key, "", Set.of());
    if (!value.isEmpty() && !TopicNames.isValidRobotId(value)) {
      throw new ParamsException(p.source() + ": " + key + " must be an agent type name (letters, "
          + "digits, underscores), got \"" + value + "\".");
    }
    return value;
  }

  /**
   * The robot's URDF, checked at start: a file that is not a URDF (not XML, another root than
   * {@code <robot>}, impossible values) stops the node naming the key and the file, instead of
   * a warning at run time that leaves the robot without its resume.
   */
  private static Path urdf(ParamReader p, String key) {
    String value = p.string(key, "", Set.of());
    if (value.isEmpty()) {
      return null;
    }
    Path path = p.resolve(value);
    if (!Files.isRegularFile(path)) {
      throw new ParamsException(p.source() + ": " + key + " names '" + value
          + "', which is not a readable file.");
    }
    try {
      UrdfParser.parse(path);
    } catch (UrdfException e) {
      throw new ParamsException(p.source() + ": " + key + " names '" + value
          + "', which is not a usable URDF: " + withoutFinalStop(e.getMessage()) + ".", e);
    }
    return path;
  }

  private static String withoutFinalStop(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }

  /** @return the configured robot ids, in file order */
  public List<String> robotIds() {
    return robots.stream().map(RobotSpec::id).toList();
  }

  /**
   * @param id a robot id
   * @return its configuration, or the discovery defaults (origin, no capabilities)
   */
  public RobotSpec robot(String id) {
    return new FleetRoster(robots).robot(id);
  }
}
