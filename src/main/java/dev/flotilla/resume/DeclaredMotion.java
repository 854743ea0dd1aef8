package dev.flotilla.resume;

import dev.flotilla.urdf.Plugin;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads declared locomotion from a URDF's Gazebo and ros2_control plugins and vendor elements
 * (issue #13): the simulator or controller is told how the robot moves even when the joints do
 * not show it. Matches plugin library/name vocabulary, in this order: multirotor propulsion
 * ({@code multirotor}, {@code multicopter}, {@code quadrotor}, {@code motor_model},
 * {@code propulsion}, or thrust and moment coefficients {@code kf} and {@code km}); tracks
 * ({@code track}); Ackermann ({@code ackermann}); holonomic ({@code mecanum}, {@code omni},
 * {@code planar_move}, {@code holonomic}); differential ({@code diff_drive}, {@code diffdrive},
 * {@code skid_steer}, {@code differential}). O(plugins).
 */
final class DeclaredMotion {

  /**
   * A declared class.
   *
   * @param mobilityClass the class the plugin implies
   * @param fact the evidence sentence, e.g. {@code gazebo plugin libgazebo_ros_diff_drive.so}
   */
  record Declared(MobilityClass mobilityClass, String fact) {}

  private DeclaredMotion() {}

  /** Every declared class, strongest vocabulary first. */
  static List<Declared> all(UrdfRobot robot) {
    List<Declared> out = new ArrayList<>();
    for (Plugin p : robot.plugins()) {
      classify(p).ifPresent(c -> out.add(new Declared(c, describe(p))));
    }
    return out;
  }

  static Optional<MobilityClass> classify(Plugin p) {
    String id = p.identity().toLowerCase(Locale.ROOT);
    if (has(id, "multirotor", "multicopter", "quadrotor", "quadcopter", "motor_model",
        "propulsion")
        || (p.params().containsKey("kf") && p.params().containsKey("km"))) {
      return Optional.of(MobilityClass.AERIAL);
    }
    if (has(id, "tracked", "track_drive", "simple_tracked", "tracks")) {
      return Optional.of(MobilityClass.TRACKED);
    }
    if (has(id, "ackermann")) {
      return Optional.of(MobilityClass.WHEELED_ACKERMANN);
    }
    if (has(id, "mecanum", "omni", "planar_move", "holonomic")) {
      return Optional.of(MobilityClass.WHEELED_HOLONOMIC);
    }
    if (has(id, "diff_drive", "diffdrive", "skid_steer", "differential")) {
      return Optional.of(MobilityClass.WHEELED_DIFFERENTIAL);
    }
    return Optional.empty();
  }

  private static String describe(Plugin p) {
    if (p.element().equals("gazebo")) {
      return "gazebo plugin " + (p.filename().isEmpty() ? p.name() : p.filename());
    }
    if (p.element().equals("ros2_control")) {
      return "ros2_control hardware " + p.filename();
    }
    return "<" + p.element() + "> declares " + String.join(", ", p.params().keySet().stream()
        .sorted().limit(4).toList());
  }

  private static boolean has(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
