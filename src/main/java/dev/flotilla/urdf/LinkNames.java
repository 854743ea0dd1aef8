package dev.flotilla.urdf;

import java.util.HashSet;
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
      Set.of("camera", "cam", "rgbd", "kinect", "realsense", "xtion", "stereo");

  private LinkNames() {}

  /** The words of a name, lower case, trailing digits dropped. */
  public static Set<String> words(String name) {
    Set<String> out = new HashSet<>();
    int start = -1;
    for (int i = 0; i <= name.length(); i++) {
      boolean alnum = i < name.length() && Character.isLetterOrDigit(name.charAt(i));
      if (alnum && start < 0) {
        start = i;
      } else if (!alnum && start >= 0) {
        int end = i;
        while (end > start && Character.isDigit(name.charAt(end - 1))) {
          end--;
        }
        if (end > start) {
          out.add(name.substring(start, end).toLowerCase(Locale.ROOT));
        }
        start = -1;
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
