package dev.flotilla.node;

import java.nio.file.Path;

/** Parameters for the LTL node tests: the track field of seed 003 with a small fleet. */
final class LtlFixture {
  private LtlFixture() {}

  static final String PHI1 = "<> sw_r1 && <> sw_r2 && <> (dc_t3 && <> (om_t3 && <> sa_t3))";
  static final String PHI2 = "<> (dc_t4 && !om_t4 && <> om_t4) && <> dc_t5 && <> sf_r3";
  static final String PHI3 =
      "<> (dc_t3 && <> sb_r1 && <> sb_r2 && <> sb_r3) && <> (om_t3 && <> sa_t9)";
  static final String PHI6 = "<> (di_f6 && !gi_f6 && <> gi_f6) && ((!Vo_f6 && !Ju_f6) U gi_f6)";

  static String scenario() {
    return Path.of(System.getProperty("flotilla.root", "."), "params", "scenarios",
        "trackfield.yaml").toAbsolutePath().toString();
  }

  /**
   * @param robots the robots block (indented under robots:)
   * @param planner extra planner keys (indented under ros__parameters:)
   * @return a parameter file
   */
  static String params(String robots, String planner) {
    return """
        /**:
          ros__parameters:
            robots:
        %s
        planner:
          ros__parameters:
            ltl_scenario: "%s"
        %s
        """.formatted(robots.indent(6).stripTrailing(), scenario(),
        planner.indent(4).stripTrailing());
  }

  static final String FLEET = """
      v1: {x: -95, y: 0, agent_type: volunteer}
      v2: {x: 95, y: 0, agent_type: volunteer}
      v3: {x: -85, y: -60, agent_type: volunteer}
      j1: {x: 12, y: -37, agent_type: referee}
      j2: {x: 60, y: 50, agent_type: referee}
      d1: {x: 60, y: 50, agent_type: doctor}
      other: {x: 0, y: 0}
      """;

  static final String BUDGETS = """
      ltl_case: case2
      ltl_offline_window: 1.0
      ltl_offline_budget: 0.4
      ltl_online_budget: 0.3
      ltl_online_min_iterations: 50
      """;
}
