package dev.flotilla.node;

import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.msgs.geometry_msgs.Vector3;
import dev.flotilla.msgs.std_msgs.ColorRGBA;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.msgs.visualization_msgs.Marker;
import dev.flotilla.msgs.visualization_msgs.MarkerArray;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan as RViz markers in the {@code map} frame: each robot's route from where it is through
 * its step goals (a line strip in the robot's colour), step goals coloured by role (solo green,
 * master orange, collaborator blue), task labels, and failed robots as red cubes. The array
 * starts with DELETEALL so stale markers of an older plan disappear.
 */
final class PlanMarkers {
  private static final ColorRGBA SOLO = new ColorRGBA(0.2f, 0.7f, 0.3f, 1f);
  private static final ColorRGBA MASTER = new ColorRGBA(1f, 0.55f, 0.1f, 1f);
  private static final ColorRGBA COLLABORATOR = new ColorRGBA(0.2f, 0.45f, 0.95f, 1f);
  private static final ColorRGBA FAILED = new ColorRGBA(0.9f, 0.1f, 0.1f, 1f);
  private static final ColorRGBA WHITE = new ColorRGBA(1f, 1f, 1f, 1f);
  private static final Quaternion IDENTITY = new Quaternion(0, 0, 0, 1);

  private PlanMarkers() {}

  /**
   * @param allocation the plan just published
   * @param positions robots' current positions in map (m)
   * @param failed robots currently declared failed
   * @param now node-clock time (s)
   * @return the markers
   */
  static MarkerArray of(Allocation allocation, Map<String, Point3> positions, Set<String> failed,
      double now) {
    Header header = new Header(Stamps.time(now), "map");
    List<Marker> markers = new ArrayList<>();
    markers.add(Marker.builder().header(header).action(Marker.DELETEALL).build());
    int id = 0;
    int robotIndex = 0;
    for (RobotPlan plan : allocation.plans()) {
      ColorRGBA colour = palette(robotIndex++);
      List<Point> route = new ArrayList<>();
      Point3 at = positions.get(plan.robotId());
      if (at != null) {
        route.add(new Point(at.x(), at.y(), at.z()));
      }
      for (PlanStep step : plan.steps()) {
        var g = step.goal().position();
        route.add(g);
        markers.add(marker(header, "steps", id++, Marker.SPHERE, pose(g), 0.5, role(step))
            .build());
        markers.add(marker(header, "labels", id++, Marker.TEXT_VIEW_FACING,
            pose(new Point(g.x(), g.y(), g.z() + 0.8)), 0.4, WHITE)
            .text(step.taskId() + (step.action().equals("goto") ? "" : " " + step.action()))
            .build());
      }
      if (route.size() > 1) {
        markers.add(marker(header, "routes", id++, Marker.LINE_STRIP, pose(new Point(0, 0, 0)),
            0.08, colour).points(route).build());
      }
      if (failed.contains(plan.robotId()) && at != null) {
        markers.add(marker(header, "failed", id++, Marker.CUBE,
            pose(new Point(at.x(), at.y(), at.z() + 0.3)), 0.6, FAILED).build());
      }
    }
    return new MarkerArray(markers);
  }

  private static Marker.Builder marker(Header header, String ns, int id, int type, Pose pose,
      double scale, ColorRGBA colour) {
    return Marker.builder().header(header).ns(ns).id(id).type(type).action(Marker.ADD)
        .pose(pose).scale(new Vector3(scale, scale, scale)).color(colour);
  }

  private static Pose pose(Point p) {
    return new Pose(p, IDENTITY);
  }

  private static ColorRGBA role(PlanStep step) {
    return switch (step.role()) {
      case PlanStep.ROLE_MASTER -> MASTER;
      case PlanStep.ROLE_COLLABORATOR -> COLLABORATOR;
      default -> SOLO;
    };
  }

  /** Distinct hues for robots, repeating after 8. */
  private static ColorRGBA palette(int i) {
    float[][] p = {{0.12f, 0.47f, 0.71f}, {1f, 0.5f, 0.05f}, {0.17f, 0.63f, 0.17f},
        {0.84f, 0.15f, 0.16f}, {0.58f, 0.4f, 0.74f}, {0.55f, 0.34f, 0.29f},
        {0.89f, 0.47f, 0.76f}, {0.5f, 0.5f, 0.5f}};
    float[] c = p[i % p.length];
    return new ColorRGBA(c[0], c[1], c[2], 1f);
  }
}
