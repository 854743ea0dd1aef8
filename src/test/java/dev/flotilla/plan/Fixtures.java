package dev.flotilla.plan;

import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.TaskSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Shared test inputs. */
final class Fixtures {

  private Fixtures() {}

  /** The track-field scenario of the repository. */
  static Scenario trackfield() {
    String root = System.getProperty("flotilla.root", ".");
    return ScenarioLoader.load(Path.of(root, "params", "scenarios", "trackfield.yaml"));
  }

  /** A small world: water at s1 (2 units) and s2 (1 unit), track t1, t2, service r1, r2. */
  static Scenario mini() {
    String yaml =
        """
        name: mini
        regions:
          s1: {x: 0, y: 0}
          s2: {x: 60, y: 0}
          r1: {x: 10, y: 20}
          r2: {x: 50, y: 20}
          t1: {x: 30, y: 40}
        resources:
          s1: {water: 2}
          s2: {water: 1}
        resourceCosts: {water: 2}
        actions:
          gw: {duration: 20, consumes: water}
          sw: {duration: 30}
          om: {duration: 90}
          dc: {duration: 60}
        agentTypes:
          volunteer:
            label: Vo
            speed: 2
            start: [s1, r2]
            initial: idle
            transitions:
              - [idle, gw, water]
              - [water, sw, idle]
              - [idle, dc, idle]
          referee:
            label: Ju
            speed: 1
            start: [t1]
            initial: idle
            transitions:
              - [idle, om, idle]
              - [idle, dc, idle]
        formulas:
          phi: "<> sw_r1"
        """;
    return ScenarioLoader.parse(yaml, "mini.yaml");
  }

  static PlanningProblem problem(
      Scenario s, Map<String, Integer> counts, TaskSpec tasks, Weights w) {
    List<Agent> fleet = s.fleet(counts);
    ChainLibrary lib = new ChainLibrary(s.environment(), s.actions(), s.agentTypes().values());
    return new PlanningProblem(s.environment(), s.actions(), fleet, tasks, w, lib);
  }
}
