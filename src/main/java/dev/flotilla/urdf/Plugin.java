package dev.flotilla.urdf;

import java.util.Locale;
import java.util.Map;

/**
 * Declared behaviour kept from a URDF (issue #13): a Gazebo {@code <plugin>} (diff drive, skid
 * steer, planar move, multirotor…), a {@code <ros2_control>} block, or a vendor element the URDF
 * spec does not define (e.g. a drone's {@code <properties kf=… km=…>}).
 *
 * @param element where it came from: {@code gazebo}, {@code ros2_control} or the vendor tag
 * @param name the name attribute ("" when absent)
 * @param filename the plugin library (Gazebo), hardware plugin (ros2_control) or "" otherwise
 * @param reference the {@code <gazebo reference>} link, or "" for robot-wide blocks
 * @param params leaf elements and attributes below it, name → text (first occurrence wins);
 *     ros2_control joints appear as {@code joint:<name>} → their command interfaces
 * @param line 1-based line of the element
 */
public record Plugin(
    String element,
    String name,
    String filename,
    String reference,
    Map<String, String> params,
    int line) {

  /** Defensive copy. */
  public Plugin {
    params = Map.copyOf(params);
  }

  /** Library, name and element in lower case, for vocabulary checks. */
  public String identity() {
    return (filename + " " + name + " " + element).toLowerCase(Locale.ROOT);
  }
}
