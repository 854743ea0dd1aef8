package dev.flotilla.urdf;

/**
 * A URDF {@code <joint>}.
 *
 * @param name unique joint name
 * @param type joint type
 * @param parent parent link name
 * @param child child link name
 * @param origin pose of the joint frame in the parent link frame
 * @param axis unit axis in the joint frame
 * @param limits position limits, or null when the URDF gives none (continuous, fixed…)
 * @param mimic mimic relation, or null
 * @param line 1-based line of the {@code <joint>} tag
 */
public record Joint(
    String name,
    JointType type,
    String parent,
    String child,
    Pose origin,
    Axis axis,
    Limits limits,
    Mimic mimic,
    int line) {

  /** Lower bound used when sampling: the limit, or -π for joints without one. */
  public double sampleLower() {
    if (type == JointType.CONTINUOUS || limits == null) {
      return type == JointType.PRISMATIC ? 0 : -Math.PI;
    }
    return limits.lower();
  }

  /** Upper bound used when sampling: the limit, or π for joints without one. */
  public double sampleUpper() {
    if (type == JointType.CONTINUOUS || limits == null) {
      return type == JointType.PRISMATIC ? 0 : Math.PI;
    }
    return limits.upper();
  }

  /** The default position: zero clamped into the limits. */
  public double defaultPosition() {
    return Math.max(sampleLower(), Math.min(sampleUpper(), 0.0));
  }
}
