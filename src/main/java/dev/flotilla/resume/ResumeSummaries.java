package dev.flotilla.resume;

import java.util.List;
import java.util.Locale;

/**
 * Deterministic one-line English summaries of each resume section (the "comprehensive summary"
 * half of each capability in section 3.3 of seed 002, written by rules instead of an LLM). Numbers
 * are printed with two decimals in metres, whole degrees for angles. O(size of the section).
 */
public final class ResumeSummaries {

  private ResumeSummaries() {}

  /** The kind of robot in a few words, e.g. {@code wheeled manipulator}. */
  public static String robotType(MobilityClass c, boolean hasArm) {
    return switch (c) {
      case WHEELED_DIFFERENTIAL, WHEELED_HOLONOMIC, WHEELED_ACKERMANN -> hasArm
          ? "wheeled manipulator" : "wheeled base";
      case TRACKED -> hasArm ? "tracked manipulator" : "tracked vehicle";
      case LEGGED -> hasArm ? "legged manipulator" : "legged robot";
      case AERIAL -> hasArm ? "aerial manipulator" : "aerial robot";
      case STATIC -> hasArm ? "static arm" : "static robot";
    };
  }

  /** One sentence about mobility. */
  public static String mobility(
      MobilityClass c, int wheels, int legs, int rotors, double speed, double accel,
      double payload) {
    String what =
        switch (c) {
          case WHEELED_DIFFERENTIAL -> "Wheeled differential-drive robot with " + wheels
              + " wheels; stays on one floor";
          case WHEELED_HOLONOMIC -> "Wheeled holonomic robot with " + wheels
              + " wheels moving in any direction; stays on one floor";
          case WHEELED_ACKERMANN -> "Car-like (Ackermann-steered) robot with " + wheels
              + " wheels; stays on one floor";
          case TRACKED -> "Tracked robot; stays on one floor";
          case LEGGED -> "Legged robot with " + legs + " legs; can change floors by stairs";
          case AERIAL -> (rotors > 0 ? "Aerial robot with " + rotors + " rotors"
              : "Aerial robot with a free-floating base") + "; can change floors by flying";
          case STATIC -> "Static robot; cannot move its base";
        };
    if (c == MobilityClass.STATIC) {
      return what + ".";
    }
    return what + String.format(Locale.ROOT,
        "; up to %.2f m/s and %.2f m/s², carries up to %.2f kg.", speed, accel, payload);
  }

  /** One sentence about cameras and scanners. */
  public static String perception(List<CameraInfo> cameras, List<LidarInfo> lidars) {
    StringBuilder sb = new StringBuilder();
    if (cameras.isEmpty()) {
      sb.append("No cameras");
    } else {
      sb.append(cameras.size()).append(cameras.size() == 1 ? " camera: " : " cameras: ");
      for (int i = 0; i < cameras.size(); i++) {
        CameraInfo c = cameras.get(i);
        if (i > 0) {
          sb.append("; ");
        }
        sb.append(c.link());
        if (c.kind().equals("depth_camera")) {
          sb.append(" (depth)");
        }
        sb.append(String.format(Locale.ROOT, " at %.2f m", c.heightM()));
        if (c.onMovableJoint()) {
          sb.append(String.format(Locale.ROOT, " (%.2f-%.2f m, on movable joints)",
              c.minHeightM(), c.maxHeightM()));
        }
        sb.append(String.format(Locale.ROOT, ", %.0f° FOV%s", Math.toDegrees(c.horizontalFovRad()),
            c.fovFromSensor() ? "" : " assumed"));
      }
    }
    if (lidars.isEmpty()) {
      sb.append(cameras.isEmpty() ? " or laser scanners." : "; no laser scanner.");
    } else {
      sb.append(String.format(Locale.ROOT, "; %d laser scanner%s at %.2f m.", lidars.size(),
          lidars.size() == 1 ? "" : "s", lidars.get(0).heightM()));
    }
    return sb.toString();
  }

  /** One sentence about one arm. */
  public static String arm(ArmInfo a) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, "Arm to %s (%d DoF, %s) reaches heights %.2f-%.2f m and "
            + "%.2f m from the base axis (%.2f m from its first joint)",
        a.endEffector(), a.dof(), a.gripper() ? "gripper" : "no gripper", a.minReachHeightM(),
        a.maxReachHeightM(), a.maxHorizontalReachM(), a.reachM()));
    if (a.liftTravelM() > 0) {
      sb.append(String.format(Locale.ROOT, ", lift travel %.2f m", a.liftTravelM()));
    }
    if (a.extensionTravelM() > 0) {
      sb.append(String.format(Locale.ROOT, ", telescoping %.2f m", a.extensionTravelM()));
    }
    return sb.append('.').toString();
  }

  /** One sentence about all arms. */
  public static String manipulation(List<ArmInfo> arms) {
    if (arms.isEmpty()) {
      return "No arm; cannot manipulate objects.";
    }
    if (arms.size() == 1) {
      return arms.get(0).summary();
    }
    ArmInfo best = arms.get(0);
    for (ArmInfo a : arms) {
      if (a.maxHorizontalReachM() > best.maxHorizontalReachM()) {
        best = a;
      }
    }
    return String.format(Locale.ROOT, "%d arms (%d with a gripper); the longest: %s", arms.size(),
        arms.stream().filter(ArmInfo::gripper).count(), best.summary());
  }
}
