package dev.flotilla.resume;

import dev.flotilla.model.Point3;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded episodes in the style of the Habitat-MAS benchmark (seed 002, appendix A.2): the four
 * task types — multi-floor navigation, cooperative perception, single-floor rearrangement and
 * multi-floor rearrangement — with objects on floors, tables, counters, bed centres, shelves and
 * cabinet tops at varied heights and distances from the nearest navigable point, and a random
 * fleet drawn from a pool of robots. Geometry only: there is no scene, so each subgoal carries the
 * requirements a scene would imply. O(subgoals) per episode.
 */
public final class HabitatMasEpisodes {

  /** Where objects lie: height band and horizontal distance from the nearest navigable point. */
  private record Receptacle(String name, double zMin, double zMax, double dMin, double dMax) {}

  private static final List<Receptacle> RECEPTACLES =
      List.of(
          new Receptacle("floor", 0.0, 0.15, 0.1, 0.5),
          new Receptacle("low_table", 0.4, 0.55, 0.1, 0.5),
          new Receptacle("table", 0.7, 0.8, 0.1, 0.5),
          new Receptacle("counter", 0.85, 1.0, 0.1, 0.6),
          new Receptacle("bed_centre", 0.45, 0.65, 0.6, 1.1),
          new Receptacle("shelf", 1.1, 1.6, 0.1, 0.4),
          new Receptacle("high_shelf", 1.6, 2.0, 0.1, 0.35),
          new Receptacle("cabinet_top", 1.9, 2.2, 0.1, 0.3));

  /** The four task types of appendix A.2. */
  public static final List<String> TASK_TYPES =
      List.of("multi_floor_navigation", "cooperative_perception", "single_floor_rearrangement",
          "multi_floor_rearrangement");

  /**
   * One subgoal.
   *
   * @param kind {@code navigate}, {@code perceive} or {@code rearrange}
   * @param place receptacle names involved, for reports
   * @param requirements what the robot doing it must be able to do
   */
  public record Subgoal(String kind, String place, TaskRequirements requirements) {}

  /**
   * One episode.
   *
   * @param index episode number
   * @param taskType one of {@link #TASK_TYPES}
   * @param fleet indices into the robot pool
   * @param subgoals the subgoals, each to be given to one robot
   */
  public record Episode(int index, String taskType, List<Integer> fleet, List<Subgoal> subgoals) {}

  private final SplittableRandom rnd;
  private final int poolSize;
  private final int fleetSize;
  private int count;

  /**
   * Creates a generator.
   *
   * @param seed random seed
   * @param poolSize number of robots to draw fleets from
   * @param fleetSize robots per episode (at most the pool size)
   */
  public HabitatMasEpisodes(long seed, int poolSize, int fleetSize) {
    if (fleetSize < 1 || fleetSize > poolSize) {
      throw new IllegalArgumentException(
          "fleetSize must lie in [1, " + poolSize + "], got " + fleetSize + ".");
    }
    this.rnd = new SplittableRandom(seed);
    this.poolSize = poolSize;
    this.fleetSize = fleetSize;
  }

  /** The next episode. */
  public Episode next() {
    int index = count++;
    String type = TASK_TYPES.get(rnd.nextInt(TASK_TYPES.size()));
    List<Integer> pool = new ArrayList<>();
    for (int i = 0; i < poolSize; i++) {
      pool.add(i);
    }
    List<Integer> fleet = new ArrayList<>();
    for (int k = 0; k < fleetSize; k++) {
      fleet.add(pool.remove(rnd.nextInt(pool.size())));
    }
    int n = 2 + rnd.nextInt(2);
    List<Subgoal> subgoals = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      subgoals.add(subgoal(type, index + "-" + s));
    }
    return new Episode(index, type, List.copyOf(fleet), List.copyOf(subgoals));
  }

  private Subgoal subgoal(String type, String id) {
    boolean upstairs =
        switch (type) {
          case "multi_floor_navigation" -> rnd.nextDouble() < 0.5;
          case "multi_floor_rearrangement" -> rnd.nextDouble() < 0.6;
          default -> false;
        };
    List<Requirement> req = new ArrayList<>();
    req.add(new Requirement.Travel(3 + rnd.nextDouble() * 12));
    if (upstairs) {
      req.add(new Requirement.ChangeFloor());
    }
    double floorZ = upstairs ? 3.0 : 0.0;
    switch (type) {
      case "multi_floor_navigation":
        return new Subgoal("navigate", upstairs ? "upstairs" : "downstairs",
            new TaskRequirements(id, req));
      case "cooperative_perception": {
        Receptacle r = receptacle();
        Point3[] at = place(r, floorZ);
        req.add(new Requirement.View(at[0], at[1], 1.5 + rnd.nextDouble() * 1.5));
        return new Subgoal("perceive", r.name(), new TaskRequirements(id, req));
      }
      default: {
        if (type.equals("multi_floor_rearrangement") && rnd.nextDouble() < 0.25) {
          Receptacle r = receptacle();
          Point3[] at = place(r, floorZ);
          req.add(new Requirement.View(at[0], at[1], 1.5 + rnd.nextDouble() * 1.5));
          return new Subgoal("perceive", r.name(), new TaskRequirements(id, req));
        }
        Receptacle from = receptacle();
        Receptacle to = receptacle();
        Point3[] pick = place(from, floorZ);
        Point3[] drop = place(to, floorZ);
        req.add(new Requirement.Reach(pick[0], pick[1], true));
        req.add(new Requirement.Reach(drop[0], drop[1], true));
        return new Subgoal("rearrange", from.name() + "->" + to.name(),
            new TaskRequirements(id, req));
      }
    }
  }

  private Receptacle receptacle() {
    return RECEPTACLES.get(rnd.nextInt(RECEPTACLES.size()));
  }

  /** An object on a receptacle and its nearest navigable point, on the floor at floorZ. */
  private Point3[] place(Receptacle r, double floorZ) {
    double x = rnd.nextDouble() * 20;
    double y = rnd.nextDouble() * 20;
    double heading = rnd.nextDouble() * 2 * Math.PI;
    double d = r.dMin() + rnd.nextDouble() * (r.dMax() - r.dMin());
    double z = r.zMin() + rnd.nextDouble() * (r.zMax() - r.zMin());
    Point3 nav = new Point3(x, y, floorZ);
    Point3 obj = new Point3(x + d * Math.cos(heading), y + d * Math.sin(heading), floorZ + z);
    return new Point3[] {obj, nav};
  }
}
