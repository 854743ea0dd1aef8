package dev.flotilla.urdf;

/**
 * The size limits and physical plausibility bounds {@link UrdfParser} enforces. A
 * {@code robot_description} arrives from the network and is analysed on the allocator's node
 * (resume building is super-linear in the length of a kinematic chain), so its size is bounded
 * before any analysis and an oversized or pathological description is refused with a sentence
 * naming the limit (issues #13 and #16); its numbers must describe a robot, because a value such
 * as a 1e300 m offset or a negative mass would otherwise propagate into reach, payload and costs.
 *
 * <p>Size limits are per call (this record), so trusted input and tests can lift them
 * ({@link #unlimited()}); the {@link #defaults()}, each far above real robots (PR2, the largest
 * shared sample, has 138 KB and 95 links; the deepest of the 46 shared real robots, RotorS
 * Firefly, has 22 joints from root to leaf), are:
 *
 * <ul>
 *   <li>{@value #MAX_CHARS} characters of text (4 MiB), checked before the XML is read;
 *   <li>{@value #MAX_LINKS} links and {@value #MAX_JOINTS} joints;
 *   <li>{@value #MAX_DEPTH} joints on the longest path from the root link to a leaf. Within it
 *       the resume's reach sampling took at most about 6 s on a busy 2-core machine (15 arms of
 *       64 joints), against 47 s for one 1400-joint chain before the O(1) coordinate trials of
 *       {@link ChainKinematics}.
 * </ul>
 *
 * <p>Plausibility bounds are fixed (they describe physics, not resources). All numbers must also
 * be finite; NaN and infinities are refused:
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
 *
 * @param maxChars longest accepted document, characters
 * @param maxLinks most links
 * @param maxJoints most joints
 * @param maxDepth most joints on one path from the root (a chain's length)
 */
public record UrdfLimits(int maxChars, int maxLinks, int maxJoints, int maxDepth) {
  /** Default largest accepted document, in characters (4 MiB). */
  public static final int MAX_CHARS = 4 * 1024 * 1024;
  /** Default most links in one robot. */
  public static final int MAX_LINKS = 1000;
  /** Default most joints in one robot. */
  public static final int MAX_JOINTS = 1000;
  /** Default most joints from the root link to any link. */
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

  /** Validates that every limit is positive. */
  public UrdfLimits {
    if (maxChars < 1 || maxLinks < 1 || maxJoints < 1 || maxDepth < 1) {
      throw new IllegalArgumentException("URDF limits must be positive.");
    }
  }

  /**
   * {@value #MAX_CHARS} characters, {@value #MAX_LINKS} links, {@value #MAX_JOINTS} joints,
   * {@value #MAX_DEPTH} joints deep: what a node accepts from the network.
   */
  public static UrdfLimits defaults() {
    return new UrdfLimits(MAX_CHARS, MAX_LINKS, MAX_JOINTS, MAX_DEPTH);
  }

  /**
   * No practical size limit (for tests and trusted input); the plausibility bounds still apply,
   * and the resume's time budget then bounds the work.
   */
  public static UrdfLimits unlimited() {
    return new UrdfLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }
}
