package dev.flotilla.node;

import dev.flotilla.ros.params.DeclaredParams;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParameterTable;
import dev.flotilla.security.SecurityParams;
import java.util.Set;
import java.util.function.Function;

/**
 * Each fleet node's parameter table for ROS 2's parameter services: which parameters may change
 * while the node runs, and how a change is validated (the node's parameters record re-read as at
 * start, security section included, as {@link NodeHost#spec} reads them).
 *
 * <p>Live parameters are those a running node can take at once without rebuilding state:
 * <ul>
 *   <li>allocator: {@code rebalance_threshold} and {@code deviation_tolerance}, read by the
 *       rebalancer at each event. The utility weights ({@code alpha}, {@code beta}, …) stay
 *       read-only: the plan in force and the rebalancer's reference efficiency were computed with
 *       them, so changing them mid-plan would compare efficiencies of two different utilities;
 *   <li>synchronizer: {@code heartbeat_timeout}, read by the monitor at each check;
 *   <li>planner: none yet (its LTL weights live inside the planning session).
 * </ul>
 * Everything else (the fleet, the journal, the algorithm, security) is read-only.
 */
public final class NodeParameters {
  /** The allocator's live parameters. */
  public static final Set<String> ALLOCATOR_LIVE =
      Set.of("rebalance_threshold", "deviation_tolerance");
  /** The synchronizer's live parameters. */
  public static final Set<String> SYNCHRONIZER_LIVE = Set.of("heartbeat_timeout");
  /** The planner's live parameters. */
  public static final Set<String> PLANNER_LIVE = Set.of();

  private NodeParameters() {}

  /**
   * @param node the node's name
   * @param declared what the node read at start
   * @return the allocator's table
   */
  public static ParameterTable<AllocatorParams> allocator(String node, DeclaredParams declared) {
    return table(node, declared, ALLOCATOR_LIVE, AllocatorParams::read);
  }

  /**
   * @param node the node's name
   * @param declared what the node read at start
   * @return the synchronizer's table
   */
  public static ParameterTable<SynchronizerParams> synchronizer(String node,
      DeclaredParams declared) {
    return table(node, declared, SYNCHRONIZER_LIVE, SynchronizerParams::read);
  }

  /**
   * @param node the node's name
   * @param declared what the node read at start
   * @return the planner's table
   */
  public static ParameterTable<PlannerParams> planner(String node, DeclaredParams declared) {
    return table(node, declared, PLANNER_LIVE, PlannerParams::read);
  }

  private static <T> ParameterTable<T> table(String node, DeclaredParams declared,
      Set<String> live, Function<ParamReader, T> read) {
    return new ParameterTable<>(declared.source(), node, declared.values(), live, r -> {
      SecurityParams.read(r);
      return read.apply(r);
    });
  }
}
