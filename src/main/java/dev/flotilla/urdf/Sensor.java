package dev.flotilla.urdf;

/**
 * A sensor declared in a {@code <gazebo reference="link">} block.
 *
 * @param name the sensor's name attribute
 * @param link the link the sensor is attached to
 * @param kind camera, depth camera, lidar or other
 * @param horizontalFovRad horizontal field of view in radians, or NaN when the block gives none
 * @param line 1-based line of the {@code <sensor>} tag
 */
public record Sensor(
    String name, String link, SensorKind kind, double horizontalFovRad, int line) {}
