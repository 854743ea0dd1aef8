package dev.flotilla.resume;

import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;

/** Small structural predicates on joints shared by the locomotion finders (issue #13). */
final class JointRoles {

  /** Tolerance for "touches the ground", metres. */
  static final double GROUND_TOLERANCE_M = 0.05;

  private JointRoles() {}

  /**
   * A joint that can spin freely: continuous, or revolute with a range of at least a full turn,
   * or revolute whose limits are the unspecified {@code lower = upper} of CAD exporters.
   */
  static boolean spins(Joint j) {
    if (j.type() == JointType.CONTINUOUS) {
      return true;
    }
    if (j.type() != JointType.REVOLUTE) {
      return false;
    }
    if (j.limits() == null) {
      return true;
    }
    double range = j.limits().upper() - j.limits().lower();
    return range >= 2 * Math.PI - 1e-6 || range == 0;
  }

  /** A joint that moves and is not a mimic of another. */
  static boolean actuated(Joint j) {
    return j.type().isMovable() && j.mimic() == null;
  }
}
