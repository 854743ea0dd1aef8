package dev.flotilla.urdf;

/**
 * A joint's {@code <limit>}.
 *
 * @param lower lower position (radians or metres)
 * @param upper upper position (radians or metres), never below {@code lower}
 * @param effort maximum effort (N·m or N), 0 when absent
 * @param velocity maximum speed (rad/s or m/s), 0 when absent
 */
public record Limits(double lower, double upper, double effort, double velocity) {}
