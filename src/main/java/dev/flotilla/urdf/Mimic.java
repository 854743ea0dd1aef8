package dev.flotilla.urdf;

/**
 * A {@code <mimic>}: this joint's position is {@code multiplier * master + offset}.
 *
 * @param joint name of the master joint
 * @param multiplier unitless factor
 * @param offset radians or metres
 */
public record Mimic(String joint, double multiplier, double offset) {}
