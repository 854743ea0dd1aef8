package dev.flotilla.urdf;

/**
 * The hard size limits and physical plausibility bounds {@link UrdfParser} enforces. A
 * {@code robot_description} arrives from the network and is analysed on the allocator's only
 * thread (resume building is super-linear in the length of a kinematic chain), so its size is
 * bounded before any work is done; its numbers must describe a robot, because a value such as a
 * 1e300 m offset or a negative mass would otherwise propagate into reach, payload and costs.
 *
 * <p>Size limits, each far above real robots (PR2, the largest shared sample, has 138 KB and 95
 * links; the deepest, RotorS Firefly, has 22 joints from root to leaf). Within them the resume's
 * reach sampling, which is quadratic in a chain's length, took at most about 6 s on a busy
 * 2-core machine (15 arms of 64 joints), against 47 s for one 1400-joint chain before:
 *
 * <ul>
 *   <li>{@value #MAX_CHARS} characters of text (4 MiB);
 *   <li>{@value #MAX_LINKS} links and {@value #MAX_JOINTS} joints;
 *   <li>{@value #MAX_DEPTH} joints on the longest path from the root link to a leaf.
 * </ul>
 *
 * <p>Plausibility bounds (all numbers must also be finite; NaN and infinities are refused):
 *
 * <ul>
 *   <li>origin translations and angles, geometry sizes, axis components and mimic
 *       multipliers and offsets: magnitude at most {@value #MAX_LENGTH} (metres or radians);
 *   <li>joint position limits: magnitude at most {@value #MAX_POSITION_LIMIT}, the "unlimited"
 *       value real exporters write;
 *   <li>mass: 0 ≤ m ≤ {@value #MAX_MASS} kg; 0 is allowed because virtual links (frames such as
 *       {@code base_footprint} or a tool tip) commonly declare it;
 *   <li>inertia: diagonal terms 0 ≤ I ≤ {@value #MAX_INERTIA} kg·m², off-diagonal magnitude at
 *       most {@value #MAX_INERTIA};
 *   <li>joint limits: lower ≤ upper, effort and velocity ≥ 0 and at most {@value #MAX_RATE};
 *   <li>axis: components of magnitude at most {@value #MAX_LENGTH}, and not the zero vector on a
 *       revolute, continuous or prismatic joint (fixed joints may write {@code 0 0 0});
 *   <li>geometry sizes (box sides, radii, lengths) are ≥ 0.
 * </ul>
 */
public final class UrdfLimits {
  /** Largest accepted document, in characters. */
  public static final int MAX_CHARS = 4 * 1024 * 1024;
  /** Most links in one robot. */
  public static final int MAX_LINKS = 1000;
  /** Most joints in one robot. */
  public static final int MAX_JOINTS = 1000;
  /** Most joints from the root link to any link. */
  public static final int MAX_DEPTH = 64;
  /** Largest magnitude of a length in metres (or of an angle in radians). */
  public static final double MAX_LENGTH = 1e4;
  /**
   * Largest magnitude of a joint's lower or upper position limit: exporters write ±1e16 for "no
   * limit" (Gazebo's convention, e.g. Spot's arm and RotorS models), which must keep parsing.
   */
  public static final double MAX_POSITION_LIMIT = 1e16;
  /** Largest mass of one link, in kilograms. */
  public static final double MAX_MASS = 1e6;
  /** Largest inertia term, in kg·m². */
  public static final double MAX_INERTIA = 1e9;
  /** Largest joint effort (N or N·m) and velocity (m/s or rad/s) limit. */
  public static final double MAX_RATE = 1e9;

  private UrdfLimits() {}
}
