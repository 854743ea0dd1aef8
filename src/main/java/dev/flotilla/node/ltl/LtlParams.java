package dev.flotilla.node.ltl;

import dev.flotilla.fleet.ltl.LtlSettings;
import dev.flotilla.node.FleetParams;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The planner's LTL parameters (seed 003), read from the {@code planner} section:
 *
 * <pre>
 * ltl_scenario: scenarios/trackfield.yaml   # relative to the params file; empty = LTL disabled
 * ltl_alpha: 1.0       # weight of the makespan, per second (Eq. 2)
 * ltl_beta: 3.0        # weight of the resource cost, per cost unit
 * ltl_gamma: 3.0       # weight of the travelled distance, per metre
 * ltl_offline_window: 0.5   # seconds LTL tasks are collected before the first (offline) plan
 * ltl_offline_budget: 2.0   # branch-and-bound time budget, seconds
 * ltl_offline_nodes: 0      # branch-and-bound node budget, 0 = unlimited
 * ltl_online_budget: 1.0    # simulated-annealing time budget per online formula, seconds
 * ltl_online_temperature: 0.05  # T_0 as a fraction of the first objective
 * ltl_online_min_iterations: 200
 * ltl_online_seed: 1
 * ltl_case: ""         # optional scenario case whose online entries bring new resources
 * </pre>
 *
 * <p>{@code TaskRequest} has no field for resources that appear with an online formula (seed 003
 * §5: the illness at f6 comes with phi6). When {@code ltl_case} names a case of the scenario, an
 * online formula whose text equals (ignoring white space) one of that case's bound online
 * formulas brings that entry's resources.
 *
 * @param scenarioPath the scenario file, or null when LTL planning is disabled
 * @param scenario the loaded scenario, or null when disabled
 * @param scenarioYaml the scenario file's text (sent to the synchronizer), or empty
 * @param weights alpha, beta, gamma of Eq. (2)
 * @param offlineWindowS seconds between the first pending LTL task and the offline plan
 * @param offline branch-and-bound limits
 * @param online simulated-annealing settings
 * @param onlineResources resources by white-space-free formula text (region to kind to units)
 */
public record LtlParams(Path scenarioPath, Scenario scenario, String scenarioYaml,
    Weights weights, double offlineWindowS, BranchAndBoundPlanner.Config offline,
    SimulatedAnnealingReplanner.Config online,
    Map<String, Map<String, Map<String, Integer>>> onlineResources) {

  /** Copies the resource map. */
  public LtlParams {
    onlineResources = Map.copyOf(onlineResources);
  }

  /** @return whether a scenario is configured */
  public boolean enabled() {
    return scenario != null;
  }

  /**
   * Reads and validates the LTL keys of the planner, loads the scenario and checks every robot's
   * {@code agent_type} against it.
   *
   * @param p the planner's parameters
   * @param fleet the fleet, already read from {@code p}
   * @return the parameters
   * @throws ParamsException naming the file and key of the first bad value
   */
  public static LtlParams read(ParamReader p, FleetParams fleet) {
    String file = p.string("ltl_scenario", "", Set.of());
    Weights weights = new Weights(p.number("ltl_alpha", 1.0, 0, 1e6),
        p.number("ltl_beta", 3.0, 0, 1e6), p.number("ltl_gamma", 3.0, 0, 1e6));
    double window = p.number("ltl_offline_window", 0.5, 0, 3600);
    long nodes = p.integer("ltl_offline_nodes", 0, 0, Long.MAX_VALUE);
    var offline = new BranchAndBoundPlanner.Config(p.number("ltl_offline_budget", 2.0, 1e-3, 3600),
        nodes == 0 ? Long.MAX_VALUE : nodes, true);
    var online = new SimulatedAnnealingReplanner.Config(
        p.number("ltl_online_budget", 1.0, 1e-3, 3600),
        p.number("ltl_online_temperature", 0.05, 1e-6, 10),
        (int) p.integer("ltl_online_min_iterations", 200, 0, 10_000_000),
        p.integer("ltl_online_seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
    String caseName = p.string("ltl_case", "", Set.of());
    if (file.isBlank()) {
      if (!caseName.isEmpty()) {
        throw new ParamsException(p.source() + ": planner.ltl_case needs planner.ltl_scenario.");
      }
      return new LtlParams(null, null, "", weights, window, offline, online, Map.of());
    }
    Path path = p.resolve(file);
    String yaml;
    Scenario scenario;
    try {
      yaml = Files.readString(path);
      scenario = ScenarioLoader.parse(yaml, path.toString());
    } catch (IOException e) {
      throw new ParamsException(p.source() + ": planner.ltl_scenario names '" + file
          + "', which is not a readable file (" + e.getMessage() + ").");
    } catch (ScenarioException e) {
      throw new ParamsException(p.source() + ": planner.ltl_scenario: " + e.getMessage());
    }
    for (RobotSpec r : fleet.robots()) {
      if (!r.agentType().isEmpty() && !scenario.agentTypes().containsKey(r.agentType())) {
        throw new ParamsException(p.source() + ": robots." + r.id() + ".agent_type is '"
            + r.agentType() + "', which is not an agent type of " + file + " "
            + scenario.agentTypes().keySet() + ".");
      }
    }
    Map<String, Map<String, Map<String, Integer>>> resources = new LinkedHashMap<>();
    if (!caseName.isEmpty()) {
      CaseSpec spec = scenario.cases().get(caseName);
      if (spec == null) {
        throw new ParamsException(p.source() + ": planner.ltl_case is '" + caseName
            + "', which is not a case of " + file + " " + scenario.cases().keySet() + ".");
      }
      for (OnlineTaskSpec o : spec.online()) {
        resources.putIfAbsent(normalize(o.formula()), o.newResources());
      }
    }
    return new LtlParams(path, scenario, yaml, weights, window, offline, online, resources);
  }

  /**
   * @return what the fleet layer's {@link dev.flotilla.fleet.ltl.LtlTaskPlanner} needs of these
   *     parameters
   */
  public LtlSettings settings() {
    return new LtlSettings(scenario, weights, offlineWindowS, offline, online, onlineResources);
  }

  /**
   * @param formula formula text
   * @return the text without white space, the key of {@link #onlineResources()}
   */
  public static String normalize(String formula) {
    return LtlSettings.normalize(formula);
  }
}
