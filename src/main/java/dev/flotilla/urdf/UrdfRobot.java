package dev.flotilla.urdf;

import java.util.List;
import java.util.Map;

/**
 * A parsed, validated URDF: links, joints, Gazebo sensors and the kinematic tree over them.
 *
 * @param name the {@code <robot name>} attribute (informative only; nothing keys on it)
 * @param source file, path or topic the URDF came from, used in messages
 * @param links links by name, in document order
 * @param joints joints by name, in document order
 * @param sensors sensors from {@code <gazebo reference>} blocks
 * @param tree the kinematic tree (a single root, no cycles)
 * @param plugins declared behaviour: Gazebo plugins, ros2_control blocks, vendor elements
 * @param transmissions transmissions (actuated joints and their interfaces)
 */
public record UrdfRobot(
    String name,
    String source,
    Map<String, Link> links,
    Map<String, Joint> joints,
    List<Sensor> sensors,
    KinematicTree tree,
    List<Plugin> plugins,
    List<Transmission> transmissions) {

  /** Defensive copies. */
  public UrdfRobot {
    sensors = List.copyOf(sensors);
    plugins = List.copyOf(plugins);
    transmissions = List.copyOf(transmissions);
  }

  /** Total mass of all links in kilograms (0 when the URDF has no inertials). */
  public double totalMassKg() {
    return links.values().stream().mapToDouble(Link::massKg).sum();
  }
}
