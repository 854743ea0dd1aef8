package dev.flotilla.urdf;

/**
 * A sensor declared in a {@code <gazebo reference="link">} block.
 *
 * @param name the sensor's name attribute
 * @param link the link the sensor is attached to
 * @param kind camera, depth camera, lidar or other
 * @param horizontalFovRad horizontal field of view in radians, or NaN when the block gives none
 * @param line 1-based line of the {@code <sensor>} tag
 * @param horizontalSamples rays per horizontal scan of a ray sensor, 0 when not given (a
 *     one-ray "ray" sensor is a range finder such as a cliff sensor, not a scanner)
 */
public record Sensor(
    String name, String link, SensorKind kind, double horizontalFovRad, int line,
    int horizontalSamples) {}
