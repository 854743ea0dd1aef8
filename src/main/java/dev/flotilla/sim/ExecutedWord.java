package dev.flotilla.sim;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FleetParams;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The LTL steps the robots executed — robot, action, region, from the synchronizer's GO to the
 * completion (node clock) — and whether the word they spell satisfies each LTL task's formula
 * (seed 003). Thread-safe: the fleet's callbacks add to it while the demo runs.
 */
final class ExecutedWord {

  /** One executed step, from its GO to its completion, seconds on the node clock. */
  record Span(String robot, String action, String region, double start, double finish) {}

  private final List<Span> executed = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Double> goTimes = new ConcurrentHashMap<>();

  /**
   * Notes the synchronizer's first GO for a step.
   *
   * @param stepKey {@code robot|task|step index}
   * @param now node-clock seconds
   */
  void go(String stepKey, double now) {
    goTimes.putIfAbsent(stepKey, now);
  }

  /**
   * Notes a completed step, which ran from its GO (or now, if no GO was seen) until now.
   *
   * @param robot the robot
   * @param step the step in the latest plan, or null when the plan no longer has it (ignored)
   * @param stepKey {@code robot|task|step index}
   * @param now node-clock seconds
   */
  void completed(String robot, PlanStep step, String stepKey, double now) {
    if (step != null) {
      executed.add(new Span(robot, step.action(), step.region(),
          goTimes.getOrDefault(stepKey, now), now));
    }
  }

  /**
   * Replays what the robots did through each LTL task's automaton (seed 003), with the planner's
   * own convention ({@code PlanValidator.word}): one letter per step start, holding the labels of
   * every step under way then — its {@code action_region}, the agent type's label at the region,
   * and the region. O(s² + f) for s executed steps and f the formulas' size.
   *
   * @param scenario the demo's tasks
   * @param fleet the robots, for their agent types
   * @param file the parameter file naming the planner's LTL scenario
   * @return per LTL task, whether the executed word is a good prefix of its formula; empty when
   *     the demo has no LTL task
   */
  Map<String, Boolean> satisfied(DemoScenario scenario, FleetParams fleet, RosParamsFile file) {
    Map<String, Boolean> out = new LinkedHashMap<>();
    if (scenario.scheduled().stream().noneMatch(t -> t.request().kind() == TaskRequest.KIND_LTL)) {
      return out;
    }
    ParamReader planner = file.forNode("/", "planner");
    String scenarioFile = planner.string("ltl_scenario", "", Set.of());
    Scenario ltl = ScenarioLoader.load(planner.resolve(scenarioFile));
    List<Span> spans;
    synchronized (executed) {
      spans = List.copyOf(executed);
    }
    TreeSet<Double> instants = new TreeSet<>();
    spans.forEach(sp -> instants.add(sp.start()));
    List<Set<String>> word = new ArrayList<>();
    for (double t : instants) {
      Set<String> letter = new TreeSet<>();
      for (Span sp : spans) {
        if (sp.start() <= t && (t < sp.finish() || sp.start() == sp.finish())) {
          AgentType type = ltl.agentTypes().get(fleet.robot(sp.robot()).agentType());
          ChainStep step = new ChainStep(sp.action(), sp.region());
          letter.addAll(type == null ? Set.of(step.proposition())
              : ActionPathChainBuilder.labels(type, step));
        }
      }
      word.add(Set.copyOf(letter));
    }
    for (DemoScenario.Scheduled t : scenario.scheduled()) {
      if (t.request().kind() == TaskRequest.KIND_LTL) {
        LtlCompilation compiled = new LtlCompiler().compile(t.request().ltlFormula());
        out.put(t.request().taskId(), compiled instanceof LtlCompilation.Compiled c
            && c.automaton().accepts(word));
      }
    }
    return out;
  }
}
