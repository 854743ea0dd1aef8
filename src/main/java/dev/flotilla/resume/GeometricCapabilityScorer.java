package dev.flotilla.resume;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * λ_ij from resume geometry: the checks EMOS asks its LLM agents to code (seed 002, appendix A.1
 * and A.4), done exactly. λ = 0 when a hard requirement fails, otherwise the product of per-
 * requirement scores, each in (0, 1]:
 *
 * <ul>
 *   <li>Reach: a mobile robot stands at (or beyond) the nearest navigable point; the object at
 *       height z and horizontal distance d is reachable when the arm's reach profile gives at
 *       least d at z ({@link ReachProfile}). Score 0.25 + 0.75 · min(1, margin / 0.25 m).
 *   <li>View: a camera at any height in its range, any standoff in [max(d, 0.3 m), max distance]
 *       (aerial robots may also come closer), must see the target within half the FOV of its
 *       optical axis at some pitch in its range, the camera being assumed symmetric about the up
 *       axis (Eq. 1). Score 0.25 + 0.75 · (half FOV − angular gap) / half FOV, so 1 when the
 *       target can sit on the optical axis.
 *   <li>Change floor: legged or aerial. Score 1.
 *   <li>Payload: mass ≤ payload capacity of a mobile robot. Score 1 − 0.75 · mass / capacity.
 *   <li>Travel: mobile. Score v / (v + 1 m/s), v the top speed.
 *   <li>Named capability: listed in the resume. Score 1.
 * </ul>
 *
 * λ is multiplied by {@link #LOW_CONFIDENCE_FACTOR} when a requirement rests on a resume section
 * of low confidence (names only, or conflicting evidence) that the operator did not override.
 * O(arms + cameras) per requirement.
 */
public final class GeometricCapabilityScorer implements CapabilityScorer {

  /** Reach margin at which the reach score saturates, metres. */
  public static final double FULL_MARGIN_M = 0.25;
  /** Closest viewing distance, metres. */
  public static final double MIN_VIEW_DISTANCE_M = 0.3;
  /**
   * Factor applied once to λ when a requirement rests on a low-confidence resume section that
   * the operator did not override (issue #13): such a robot is chosen only when clearly better.
   */
  public static final double LOW_CONFIDENCE_FACTOR = 0.5;
  /** Score of a requirement met with no margin. */
  public static final double BASE_SCORE = 0.25;

  @Override
  public double lambda(RobotResume robot, TaskRequirements task) {
    return assess(robot, task).lambda();
  }

  /**
   * Scores a robot for a task and explains failures.
   *
   * @param robot the robot's resume
   * @param task the task's requirements
   * @return λ and the failed requirements
   */
  public Assessment assess(RobotResume robot, TaskRequirements task) {
    double lambda = 1;
    List<String> reasons = new ArrayList<>();
    for (Requirement r : task.requirements()) {
      Score s = score(robot, r);
      if (s.value <= 0) {
        reasons.add(s.reason);
        lambda = 0;
      } else {
        lambda *= s.value;
      }
    }
    if (reasons.isEmpty() && restsOnLowConfidence(robot, task)) {
      lambda *= LOW_CONFIDENCE_FACTOR;
    }
    return new Assessment(reasons.isEmpty() ? lambda : 0, reasons);
  }

  /**
   * True when a requirement of the task rests on a resume section of low confidence (issue #13)
   * that the operator did not override: reach, view, travel, payload and floors rest on
   * mobility; reach also on manipulation, view on perception.
   */
  static boolean restsOnLowConfidence(RobotResume robot, TaskRequirements task) {
    boolean mobility = low(robot.mobility().evidence())
        && !robot.overridden().contains("mobility_class");
    boolean manip = low(robot.manipulation().evidence())
        && !robot.overridden().contains("arms");
    boolean perception = low(robot.perception().evidence());
    for (Requirement r : task.requirements()) {
      if (r instanceof Requirement.Named) {
        continue;
      }
      if (mobility || (r instanceof Requirement.Reach && manip)
          || (r instanceof Requirement.View && perception)) {
        return true;
      }
    }
    return false;
  }

  private static boolean low(Evidence e) {
    return e != null && e.confidence() == Confidence.LOW;
  }

  private static Score score(RobotResume robot, Requirement r) {
    if (r instanceof Requirement.Reach reach) {
      return reach(robot, reach);
    } else if (r instanceof Requirement.View view) {
      return view(robot, view);
    } else if (r instanceof Requirement.ChangeFloor) {
      return changeFloor(robot);
    } else if (r instanceof Requirement.Payload p) {
      return payload(robot, p);
    } else if (r instanceof Requirement.Travel t) {
      return travel(robot, t);
    } else {
      return named(robot, (Requirement.Named) r);
    }
  }

  /** A requirement's score, or 0 with a reason. */
  private record Score(double value, String reason) {
    static Score ok(double v) {
      return new Score(Math.max(Math.min(v, 1), Double.MIN_VALUE), "");
    }

    static Score fail(String reason) {
      return new Score(0, reason);
    }
  }

  private static Score reach(RobotResume robot, Requirement.Reach r) {
    if (!robot.mobility().mobilityClass().isMobile()) {
      return Score.fail("a static robot cannot travel to the approach point");
    }
    List<ArmInfo> arms =
        robot.manipulation().arms().stream().filter(a -> a.gripper() || !r.needsGripper()).toList();
    if (arms.isEmpty()) {
      return Score.fail(r.needsGripper() ? "no arm with a gripper" : "no arm");
    }
    double d = r.approach().planarDistanceTo(r.target());
    double z = r.target().z() - r.approach().z();
    double best = Double.NEGATIVE_INFINITY;
    double bestOut = 0;
    double top = 0;
    for (ArmInfo a : arms) {
      double out = a.reachProfile().maxHorizontalAt(z);
      if (out > 0 && out - d > best) {
        best = out - d;
        bestOut = out;
      }
      top = Math.max(top, a.maxReachHeightM());
    }
    if (best >= 0) {
      return Score.ok(BASE_SCORE + (1 - BASE_SCORE) * Math.min(1, best / FULL_MARGIN_M));
    }
    if (z > top || bestOut == 0) {
      return Score.fail(String.format(Locale.ROOT,
          "the object at %.2f m is outside the arm's heights (%.2f m max)", z, top));
    }
    return Score.fail(String.format(Locale.ROOT,
        "the object lies %.2f m from the nearest navigable point but the arm reaches %.2f m "
            + "out at %.2f m height", d, bestOut, z));
  }

  private static Score view(RobotResume robot, Requirement.View v) {
    MobilityClass c = robot.mobility().mobilityClass();
    if (!c.isMobile()) {
      return Score.fail("a static robot cannot travel to a viewpoint");
    }
    if (robot.perception().cameras().isEmpty()) {
      return Score.fail("no camera");
    }
    double d = v.approach().planarDistanceTo(v.target());
    double z = v.target().z() - v.approach().z();
    boolean aerial = c == MobilityClass.AERIAL;
    double dMin = aerial ? MIN_VIEW_DISTANCE_M : Math.max(d, MIN_VIEW_DISTANCE_M);
    double dMax = v.maxDistanceM();
    if (dMin > dMax) {
      return Score.fail(String.format(Locale.ROOT,
          "the nearest navigable point is %.2f m away, beyond the %.2f m viewing distance", d,
          dMax));
    }
    double best = Double.NEGATIVE_INFINITY;
    for (CameraInfo cam : robot.perception().cameras()) {
      double half = cam.horizontalFovRad() / 2;
      // atan2(z - h, d) is monotonic in h and d: over the box of camera heights and standoffs
      // the target's elevation covers exactly the interval between its corner values.
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (double h : new double[] {cam.minHeightM(), cam.maxHeightM()}) {
        for (double dist : new double[] {dMin, dMax}) {
          double e = Math.atan2(z - h, dist);
          lo = Math.min(lo, e);
          hi = Math.max(hi, e);
        }
      }
      double gap = Math.max(0, Math.max(lo - cam.maxPitchRad(), cam.minPitchRad() - hi));
      best = Math.max(best, (half - gap) / half);
    }
    if (best < 0) {
      return Score.fail(String.format(Locale.ROOT,
          "no camera can bring the point at %.2f m height into its field of view", z));
    }
    return Score.ok(BASE_SCORE + (1 - BASE_SCORE) * best);
  }

  private static Score changeFloor(RobotResume robot) {
    return robot.mobility().canChangeFloors()
        ? Score.ok(1)
        : Score.fail(
            "a " + robot.mobility().mobilityClass().json() + " robot cannot change floors");
  }

  private static Score payload(RobotResume robot, Requirement.Payload p) {
    double cap = robot.mobility().payloadKg();
    if (!robot.mobility().mobilityClass().isMobile() || p.massKg() > cap) {
      return Score.fail(String.format(Locale.ROOT,
          "cannot carry %.2f kg (capacity %.2f kg)", p.massKg(), cap));
    }
    return Score.ok(cap <= 0 ? 1 : 1 - (1 - BASE_SCORE) * p.massKg() / cap);
  }

  private static Score travel(RobotResume robot, Requirement.Travel t) {
    double v = robot.mobility().maxSpeedMps();
    if (!robot.mobility().mobilityClass().isMobile() || v <= 0) {
      return Score.fail("a static robot cannot travel");
    }
    return Score.ok(v / (v + 1.0));
  }

  private static Score named(RobotResume robot, Requirement.Named n) {
    return robot.capabilities().contains(n.name())
        ? Score.ok(1)
        : Score.fail("lacks the capability \"" + n.name() + "\"");
  }

}
