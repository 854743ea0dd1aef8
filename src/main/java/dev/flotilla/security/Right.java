package dev.flotilla.security;

import dev.flotilla.ros.TopicNames;
import java.util.Locale;
import java.util.Optional;

/**
 * What an identity may send, one right per protected topic (issue #8's fleet roster). The names
 * are those of the parameter file's {@code security.roster} lists.
 */
public enum Right {
  /** Robots → synchronizer, {@code flotilla/heartbeat}. */
  HEARTBEATS(TopicNames.HEARTBEAT),
  /** Robots and nodes → all, {@code flotilla/events}. */
  EVENTS(TopicNames.EVENTS),
  /** Operators → planner, {@code flotilla/tasks}. */
  TASKS(TopicNames.TASKS),
  /** Planner → allocator, {@code flotilla/accepted_tasks}. */
  ACCEPTED_TASKS(TopicNames.ACCEPTED_TASKS),
  /** Planner → allocator and robots, {@code flotilla/ltl_plan} (an Allocation). */
  LTL_PLANS(TopicNames.LTL_PLAN),
  /** Allocator → all, {@code flotilla/allocation}. */
  ALLOCATIONS(TopicNames.ALLOCATION),
  /** Allocator → all, {@code flotilla/reassignment}. */
  REASSIGNMENTS(TopicNames.REASSIGNMENT),
  /** Synchronizer → robots, {@code flotilla/sync}. */
  SYNC_COMMANDS(TopicNames.SYNC),
  /** Allocator ↔ allocator (hot standby), {@code flotilla/allocator_lease}. */
  ALLOCATOR_LEASES(TopicNames.ALLOCATOR_LEASE),
  /** Operators → planner, {@code flotilla/commands} (cancel, pause, resume; issue 14). */
  COMMANDS(TopicNames.COMMANDS),
  /** Planner → allocator, {@code flotilla/accepted_commands}. */
  ACCEPTED_COMMANDS(TopicNames.ACCEPTED_COMMANDS);

  private final String relativeTopic;

  Right(String relativeTopic) {
    this.relativeTopic = relativeTopic;
  }

  /** @return the topic it protects, relative to the fleet's namespace */
  public String relativeTopic() {
    return relativeTopic;
  }

  /** @return the name used in parameter files, e.g. {@code sync_commands} */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param label a parameter-file name such as {@code allocations}
   * @return the right, or empty when there is none of that name
   */
  public static Optional<Right> ofLabel(String label) {
    for (Right r : values()) {
      if (r.label().equals(label)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * The right needed to publish on a topic, in any namespace.
   *
   * @param absoluteTopic e.g. {@code /fleet_a/flotilla/allocation}
   * @return the right, or empty when the topic is not protected
   */
  public static Optional<Right> forTopic(String absoluteTopic) {
    for (Right r : values()) {
      if (absoluteTopic.endsWith("/" + r.relativeTopic)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }
}
