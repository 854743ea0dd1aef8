package dev.flotilla.fleet.ltl;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** LTL planners on the track field of seed 003 with small fleets, for cancel and pause tests. */
final class LtlCancelFixture {
  private LtlCancelFixture() {}

  static final String PHI1 = "<> sw_r1 && <> sw_r2 && <> (dc_t3 && <> (om_t3 && <> sa_t3))";
  static final String PHI2 = "<> (dc_t4 && !om_t4 && <> om_t4) && <> dc_t5 && <> sf_r3";
  static final String PHI3 =
      "<> (dc_t3 && <> sb_r1 && <> sb_r2 && <> sb_r3) && <> (om_t3 && <> sa_t9)";
  /** Propositions only phi2 asks for. */
  static final Set<String> PHI2_ONLY = Set.of("dc_t4", "om_t4", "dc_t5", "sf_r3");

  static Scenario scenario() {
    return ScenarioLoader.load(Path.of(System.getProperty("flotilla.root", "."), "params",
        "scenarios", "trackfield.yaml"));
  }

  /**
   * @param window offline window, seconds
   * @param robots id:type:x:y each
   * @return a planner
   */
  static LtlTaskPlanner planner(double window, String... robots) {
    List<RobotSpec> specs = new ArrayList<>();
    for (String r : robots) {
      String[] p = r.split(":");
      specs.add(new RobotSpec(p[0], new Point3(Double.parseDouble(p[2]),
          Double.parseDouble(p[3]), 0), 0, 1, 1, 1, 1, Set.of(), null, p[1], false));
    }
    LtlSettings settings = new LtlSettings(scenario(), new Weights(0.5, 0.1, 10), window,
        new BranchAndBoundPlanner.Config(0.4, Long.MAX_VALUE, true),
        new SimulatedAnnealingReplanner.Config(0.3, 0.05, 50, 1), Map.of());
    return new LtlTaskPlanner(settings, new LtlFleet(scenario(), specs));
  }

  static final String[] FLEET = {"v1:volunteer:-95:0", "v2:volunteer:95:0",
      "v3:volunteer:-85:-60", "j1:referee:12:-37", "j2:referee:60:50", "d1:doctor:60:50"};
}
