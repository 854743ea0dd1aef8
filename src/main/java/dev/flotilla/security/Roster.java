package dev.flotilla.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet roster of issue #8: who may send what. Nodes and operators are listed with their
 * rights; every robot may send heartbeats and events.
 *
 * @param members identity → rights, in file order; robots included
 * @param robots the identities that are robots (their heartbeats may carry an HMAC)
 */
public record Roster(Map<String, Set<Right>> members, Set<String> robots) {

  /** Rights every robot has. */
  public static final Set<Right> ROBOT_RIGHTS = Set.copyOf(EnumSet.of(Right.HEARTBEATS,
      Right.EVENTS));

  public Roster {
    Map<String, Set<Right>> copy = new LinkedHashMap<>();
    members.forEach((id, rights) -> copy.put(id, Set.copyOf(rights)));
    members = Collections.unmodifiableMap(copy);
    robots = Set.copyOf(robots);
  }

  /**
   * Flotilla's own nodes and one operator, with the rights their code uses.
   *
   * @return identity → rights, without robots
   */
  public static Map<String, Set<Right>> defaultNodes() {
    Map<String, Set<Right>> m = new LinkedHashMap<>();
    m.put("operator", EnumSet.of(Right.TASKS, Right.COMMANDS));
    m.put("planner", EnumSet.of(Right.ACCEPTED_TASKS, Right.LTL_PLANS, Right.EVENTS,
        Right.ACCEPTED_COMMANDS));
    m.put("allocator", EnumSet.of(Right.ALLOCATIONS, Right.REASSIGNMENTS, Right.EVENTS,
        Right.ALLOCATOR_LEASES));
    m.put("synchronizer", EnumSet.of(Right.SYNC_COMMANDS, Right.EVENTS));
    return m;
  }

  /**
   * @param nodes identity → rights of nodes and operators
   * @param robots robot ids
   * @return the roster; a robot also listed as a node keeps both sets of rights
   */
  public static Roster of(Map<String, Set<Right>> nodes, List<String> robots) {
    Map<String, Set<Right>> m = new LinkedHashMap<>();
    nodes.forEach((id, r) -> m.put(id, EnumSet.copyOf(r.isEmpty() ? EnumSet.noneOf(Right.class)
        : r)));
    for (String robot : robots) {
      Set<Right> r = m.computeIfAbsent(robot, k -> EnumSet.noneOf(Right.class));
      r.addAll(ROBOT_RIGHTS);
    }
    return new Roster(m, Set.copyOf(robots));
  }

  /**
   * @param id an identity
   * @return whether the roster lists it
   */
  public boolean contains(String id) {
    return members.containsKey(id);
  }

  /**
   * @param id an identity
   * @param right a right
   * @return whether the identity holds it
   */
  public boolean allows(String id, Right right) {
    return members.getOrDefault(id, Set.of()).contains(right);
  }

  /**
   * @param id an identity
   * @return whether it is a robot
   */
  public boolean isRobot(String id) {
    return robots.contains(id);
  }
}
