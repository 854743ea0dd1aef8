package dev.flotilla.cockpit;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of the fleet at one moment, built by a {@link FleetObserver}: what a fleet
 * table, a task list, a Gantt chart and an event log need.
 *
 * @param planVersion version of the newest allocation seen, 0 before any
 * @param expectedUtility that allocation's expected utility (seed 001 Eq. 8)
 * @param robots every robot seen, by id
 * @param tasks every task seen, in order of first sight
 * @param plan the newest allocation's steps per robot, robots in the allocation's order
 * @param events the last events, oldest first (at most {@link FleetObserver#EVENTS_KEPT})
 */
public record FleetSnapshot(long planVersion, double expectedUtility, List<RobotView> robots,
    List<TaskView> tasks, Map<String, List<StepView>> plan, List<EventView> events) {

  /** An empty fleet: nothing heard yet. */
  public static final FleetSnapshot EMPTY = new FleetSnapshot(0, 0, List.of(), List.of(),
      Map.of(), List.of());

  public FleetSnapshot {
    robots = List.copyOf(robots);
    tasks = List.copyOf(tasks);
    plan = Collections.unmodifiableMap(new LinkedHashMap<>(plan));
    events = List.copyOf(events);
  }

  /**
   * @param id task id
   * @return that task, if seen
   */
  public Optional<TaskView> task(String id) {
    return tasks.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /**
   * @param id robot id
   * @return that robot, if seen
   */
  public Optional<RobotView> robot(String id) {
    return robots.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
