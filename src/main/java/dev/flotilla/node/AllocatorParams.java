package dev.flotilla.node;

import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.fleet.AllocationSettings;
import dev.flotilla.fleet.FleetRoster;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validated parameters of the {@code allocator} node.
 *
 * @param fleet the fleet
 * @param algorithm {@code greedy} (nearest capable robots) or {@code potential_game} (seed 001)
 * @param utility α, β, σ_f, δ of seed 001 Eqs. (2)–(6)
 * @param rebalanceThreshold relative efficiency drop that triggers a global re-plan (seed 000)
 * @param deviationTolerance metres of odometry deviation from the plan that are ignored
 * @param replanPolicy event-triggered (seed 000) or a global re-plan at every event
 * @param lambda capabilities λ_ij set by the operator per robot and task id, in [0, 1]; pairs
 *     not listed are scored from the robots' resumes
 * @param stateDir directory of the crash-recovery journal, or null for none ({@code state_dir})
 * @param standby whether this instance starts as the hot standby ({@code standby})
 * @param leaseDuration seconds without the active allocator's lease before another instance
 *     takes over; 0 turns the lease protocol off (a single allocator, {@code lease_duration})
 * @param improvementPass whether the potential game's allocation is followed by the local-search
 *     improvement pass ({@code improvement_pass}; beyond seed 001, off by default)
 */
public record AllocatorParams(FleetParams fleet, String algorithm, UtilityParams utility,
    double rebalanceThreshold, double deviationTolerance,
    EventTriggeredRebalancer.Policy replanPolicy,
    Map<String, Map<String, Double>> lambda, Path stateDir, boolean standby,
    double leaseDuration, boolean improvementPass) {
  /** @return what the fleet layer's {@link AllocationSession} needs of these parameters */
  public AllocationSettings settings() {
    return new AllocationSettings(new FleetRoster(fleet.robots()),
        algorithm.equals("potential_game"), utility, rebalanceThreshold, deviationTolerance,
        replanPolicy, lambda, improvementPass);
  }

  /**
   * @param p the node's parameters
   * @return the validated record
   */
  public static AllocatorParams read(ParamReader p) {
    FleetParams fleet = FleetParams.read(p);
    String algorithm = p.string("algorithm", "potential_game",
        Set.of("greedy", "potential_game"));
    UtilityParams utility = new UtilityParams(p.number("alpha", 1.0, 0, 1e6),
        p.number("beta", 0.001, 0, 1e6), p.number("sigma_f", 1e-5, 0, 1e6),
        p.number("delta", 1.0, 1e-9, 1e9),
        p.string("utility", "expected_utility", Set.of("expected_utility",
            "quality_minus_cost")).equals("expected_utility")
            ? UtilityMode.EXPECTED_UTILITY : UtilityMode.QUALITY_MINUS_COST);
    double threshold = p.number("rebalance_threshold", 0.1, 0, 1);
    double tolerance = p.number("deviation_tolerance", 1.0, 0, 1e6);
    EventTriggeredRebalancer.Policy policy = p.string("replan_policy", "event_triggered",
        Set.of("event_triggered", "always_global")).equals("event_triggered")
        ? EventTriggeredRebalancer.Policy.EVENT_TRIGGERED
        : EventTriggeredRebalancer.Policy.ALWAYS_GLOBAL;
    Map<String, Map<String, Double>> lambda = new LinkedHashMap<>();
    for (String robot : p.children("lambda")) {
      Map<String, Double> row = new LinkedHashMap<>();
      for (String task : p.children("lambda." + robot)) {
        row.put(task, p.number("lambda." + robot + "." + task, 1, 0, 1));
      }
      lambda.put(robot, Map.copyOf(row));
    }
    String stateDir = p.string("state_dir", "", Set.of());
    boolean standby = p.bool("standby", false);
    double lease = p.number("lease_duration", 0, 0, 3600);
    boolean improvementPass = p.bool("improvement_pass", false);
    if (standby && lease == 0) {
      throw new ParamsException(p.source() + ": allocator.standby "
          + "needs allocator.lease_duration > 0 to know when the primary is gone.");
    }
    p.finish();
    return new AllocatorParams(fleet, algorithm, utility, threshold, tolerance, policy,
        Map.copyOf(lambda), stateDir.isEmpty() ? null : p.resolve(stateDir),
        standby, lease, improvementPass);
  }
}
