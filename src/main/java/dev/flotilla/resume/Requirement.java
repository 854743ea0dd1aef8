package dev.flotilla.resume;

import dev.flotilla.model.Point3;
import java.util.Objects;

/**
 * One hard requirement of a task. Points are in the map frame; the z of a point is measured from
 * the same origin as the z of its approach point, whose z is the floor the robot stands on.
 */
public sealed interface Requirement {

  /**
   * Reach a point with the end effector, standing at or beyond the nearest navigable point.
   *
   * @param target the point to reach (map frame, metres)
   * @param approach the navigable point nearest to the target, on the target's floor (map frame)
   * @param needsGripper true when the object must be grasped, not just touched
   */
  record Reach(Point3 target, Point3 approach, boolean needsGripper) implements Requirement {
    /** Rejects missing points. */
    public Reach {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(approach, "approach");
    }
  }

  /**
   * See a point: it must fall inside a camera's frustum (appendix A.1 of seed 002).
   *
   * @param target the point to see (map frame, metres)
   * @param approach the navigable point nearest to the target, on the target's floor (map frame)
   * @param maxDistanceM farthest horizontal viewing distance, metres (room size, resolution)
   */
  record View(Point3 target, Point3 approach, double maxDistanceM) implements Requirement {
    /** Rejects missing points and non-positive distances. */
    public View {
      Objects.requireNonNull(target, "target");
      Objects.requireNonNull(approach, "approach");
      if (!(maxDistanceM > 0)) {
        throw new IllegalArgumentException("maxDistanceM must be > 0, got " + maxDistanceM + ".");
      }
    }
  }

  /** Go to another floor (stairs or flight). */
  record ChangeFloor() implements Requirement {}

  /**
   * Carry a load.
   *
   * @param massKg the load in kilograms
   */
  record Payload(double massKg) implements Requirement {
    /** Rejects negative masses. */
    public Payload {
      if (!(massKg >= 0)) {
        throw new IllegalArgumentException("massKg must be >= 0, got " + massKg + ".");
      }
    }
  }

  /**
   * Drive, walk or fly a distance; faster robots score higher.
   *
   * @param distanceM path length in metres
   */
  record Travel(double distanceM) implements Requirement {
    /** Rejects negative distances. */
    public Travel {
      if (!(distanceM >= 0)) {
        throw new IllegalArgumentException("distanceM must be >= 0, got " + distanceM + ".");
      }
    }
  }

  /**
   * A named capability from the resume's {@code capabilities} list (e.g. {@code open_door}).
   *
   * @param name the capability
   */
  record Named(String name) implements Requirement {
    /** Rejects blank names. */
    public Named {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A named capability needs a name.");
      }
    }
  }
}
