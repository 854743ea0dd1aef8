package dev.flotilla.node;

import dev.flotilla.node.ltl.LtlParams;
import dev.flotilla.ros.params.ParamReader;
import java.nio.file.Path;
import java.util.Set;

/**
 * Validated parameters of the {@code planner} node.
 *
 * @param fleet the fleet and its regions
 * @param ltl LTL planning parameters (disabled without {@code ltl_scenario})
 * @param stateDir directory of the crash-recovery journal, or null for none ({@code state_dir})
 */
public record PlannerParams(FleetParams fleet, LtlParams ltl, Path stateDir) {
  /**
   * @param p the node's parameters
   * @return the validated record
   */
  public static PlannerParams read(ParamReader p) {
    FleetParams fleet = FleetParams.read(p);
    LtlParams ltl = LtlParams.read(p, fleet);
    String stateDir = p.string("state_dir", "", Set.of());
    PlannerParams params =
        new PlannerParams(fleet, ltl, stateDir.isEmpty() ? null : p.resolve(stateDir));
    p.finish();
    return params;
  }
}
