package dev.flotilla.urdf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits link names into lower-case words ({@code r_gripper_palm_link} → r, gripper, palm, link;
 * {@code tool0} → tool) so roles can be recognised from common URDF vocabulary, never from whole
 * robot or file names. O(length).
 */
public final class LinkNames {

  /** Words that mark an end effector. */
  public static final Set<String> END_EFFECTOR_WORDS =
      Set.of("gripper", "hand", "tool", "ee", "eef", "effector", "tcp", "grasp", "fngr", "finger",
          "claw", "jaw", "suction", "palm");

  /** Words that mark a grasping device (a bare tool flange is not one). */
  public static final Set<String> GRIPPER_WORDS =
      Set.of("gripper", "hand", "grasp", "fngr", "finger", "claw", "jaw", "suction", "palm");

  /** Words that mark a camera frame. */
  public static final Set<String> CAMERA_WORDS =
      Set.of("camera", "cam", "rgbd", "kinect", "realsense", "xtion", "stereo", "primesense",
          "dc", "oc");

  private LinkNames() {}

  /** Words that mark a camera model (tokens keep their digits: {@code d435_link} → d435). */
  public static final Set<String> CAMERA_MODELS =
      Set.of("d435", "d435i", "d455", "d415", "d405", "zed", "zed2", "zedm", "oak", "astra",
          "r200", "sr300", "l515");

  /** Words that mark a range scanner (laser or radar), including common models. */
  public static final Set<String> SCANNER_WORDS =
      Set.of("laser", "lidar", "scan", "scanner", "hokuyo", "velodyne", "ouster", "rplidar",
          "livox", "radar", "sick", "lms", "vlp", "hdl", "mid360", "mid70", "utm30lx", "rslidar");

  /**
   * The tokens of a name, lower case, digits kept, split at non-alphanumerics and camelCase
   * boundaries ({@code CameraLeftEye} → camera, left, eye; {@code d435_link} → d435, link).
   */
  public static Set<String> tokens(String name) {
    Set<String> out = new HashSet<>();
    for (String part : split(name)) {
      out.add(part.toLowerCase(Locale.ROOT));
    }
    return out;
  }

  private static List<String> split(String name) {
    List<String> out = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean alnum = i < name.length() && Character.isLetterOrDigit(name.charAt(i));
      boolean camel = alnum && start >= 0 && Character.isUpperCase(name.charAt(i))
          && Character.isLowerCase(name.charAt(i - 1));
      if (camel) {
        out.add(name.substring(start, i));
        start = i;
      } else if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        out.add(name.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  /** True when any token (digits kept) of the name is in the vocabulary. */
  public static boolean hasToken(String name, Set<String> vocabulary) {
    for (String t : tokens(name)) {
      if (vocabulary.contains(t)) {
        return true;
      }
    }
    return false;
  }

  /** The words of a name, lower case, trailing digits dropped, camelCase split. */
  public static Set<String> words(String name) {
    Set<String> out = new HashSet<>();
    for (String part : split(name)) {
      int end = part.length();
      while (end > 0 && Character.isDigit(part.charAt(end - 1))) {
        end--;
      }
      if (end > 0) {
        out.add(part.substring(0, end).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }

  /** True when the name contains any of the words. */
  public static boolean hasAny(String name, Set<String> vocabulary) {
    for (String w : words(name)) {
      if (vocabulary.contains(w)) {
        return true;
      }
    }
    return false;
  }
}
