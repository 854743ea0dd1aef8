package dev.flotilla.urdf;

/** URDF joint types; {@link #isMovable()} tells which ones a single coordinate drives. */
public enum JointType {
  REVOLUTE,
  CONTINUOUS,
  PRISMATIC,
  FIXED,
  FLOATING,
  PLANAR;

  /** True for revolute, continuous and prismatic joints (one degree of freedom). */
  public boolean isMovable() {
    return this == REVOLUTE || this == CONTINUOUS || this == PRISMATIC;
  }

  /** Parses the URDF {@code type} attribute, or returns null when it is unknown. */
  static JointType fromUrdf(String type) {
    return switch (type) {
      case "revolute" -> REVOLUTE;
      case "continuous" -> CONTINUOUS;
      case "prismatic" -> PRISMATIC;
      case "fixed" -> FIXED;
      case "floating" -> FLOATING;
      case "planar" -> PLANAR;
      default -> null;
    };
  }
}
