package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** CP-SAT replanning beside Algorithm 2: kept chains, release time, never worse than insertion. */
class CpSatReplannerTest {

  private static final Scenario MINI = Fixtures.mini();

  private static Map<String, Integer> fleet() {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("volunteer", 2);
    c.put("referee", 2);
    return c;
  }

  @Test
  void replanningKeepsStartedChainsAndBeatsOrMatchesInsertionAndScratch() {
    List<SubtaskSpec> offline =
        List.of(SubtaskSpec.of(0, "dc", "t1"), SubtaskSpec.of(1, "om", "t1"),
            SubtaskSpec.of(2, "sw", "r1"));
    TaskSpec before = new TaskSpec(offline, Set.of(new TaskSpec.Order(0, 1)), List.of());
    Weights w = new Weights(1, 1, 0.5);
    PlanningProblem p0 = Fixtures.problem(MINI, fleet(), before, w);
    Plan plan0 = ((PlanResult.Planned) new BranchAndBoundPlanner(p0,
        BranchAndBoundPlanner.Config.defaults()).plan()).plan();
    double release = 40;
    Set<Integer> started = SimulatedAnnealingReplanner.startedBy(plan0, release);
    assertTrue(!started.isEmpty(), "the scenario needs a started chain");
    List<SubtaskSpec> all = new ArrayList<>(offline);
    all.add(SubtaskSpec.of(3, "sw", "r2"));
    all.add(SubtaskSpec.of(4, "dc", "r1"));
    TaskSpec after = new TaskSpec(all,
        Set.of(new TaskSpec.Order(0, 1), new TaskSpec.Order(1, 3)), List.of(Set.of(2, 3)));
    PlanningProblem p1 = Fixtures.problem(MINI, fleet(), after, w);
    CpSatPlanner.Config cfg = new CpSatPlanner.Config(20, 1, 1);
    PlanResult r = new CpSatReplanner(p1, plan0.assignments(), started, release, cfg).plan();
    Plan plan1 = assertInstanceOf(PlanResult.Planned.class, r).plan();
    assertEquals(List.of(), new PlanValidator(p1).violations(plan1));
    assertEquals(5, plan1.assignments().size());
    for (ChainAssignment a : plan0.assignments()) {
      if (started.contains(a.subtaskId())) {
        assertTrue(plan1.assignments().contains(a), "started chain changed: " + a);
      }
    }
    for (AgentPlan ap : plan1.agents()) {
      for (PlanStep s : ap.steps()) {
        if (!started.contains(s.subtaskId())) {
          assertTrue(s.startS() >= release - 1e-9, "starts before the release: " + s);
        }
      }
    }
    PlanResult inserted = new SimulatedAnnealingReplanner(p1, plan0.assignments(), started,
        release, SimulatedAnnealingReplanner.Config.defaults()).greedyInsertion();
    double insertion = ((PlanResult.Planned) inserted).plan().objective();
    assertTrue(plan1.objective() <= insertion + 1e-9, plan1.objective() + " > " + insertion);
    PlanResult scratch = new CpSatPlanner(p1, CpSatReplanner.frozen(plan0.assignments(), started),
        release, cfg).plan();
    PlanResult.Planned s = assertInstanceOf(PlanResult.Planned.class, scratch);
    // Tiny instance: both searches finish; the hinted one can only match or beat scratch.
    assertTrue(s.stats().optimal() || plan1.objective() <= s.plan().objective() + 1e-6);
    assertTrue(plan1.objective() <= s.plan().objective() + 1e-6,
        plan1.objective() + " > scratch " + s.plan().objective());
  }

  @Test
  void sessionReplansOnlineFormulaWithCpSatAndTheResultPassesTheValidator() {
    Scenario tf = Fixtures.trackfield();
    var c = tf.cases().get("case1");
    PlanningSession session = new PlanningSession(tf, c.agentCounts(), c.weights(),
        new BranchAndBoundPlanner.Config(1, Long.MAX_VALUE, true),
        SimulatedAnnealingReplanner.Config.defaults());
    PlanResult off = session.planOffline(c.offlineFormulas());
    Plan plan0 = assertInstanceOf(PlanResult.Planned.class, off).plan();
    assertEquals(List.of(), new PlanValidator(session.problem()).violations(plan0));
    assertTrue(session.planSatisfiesFormulas());
    var on = c.online().get(0);
    PlanResult r = session.addOnline(on.formula(), on.atS(), on.newResources(), null,
        Replanning.cpSat(new CpSatPlanner.Config(3, 1, 1)));
    Plan plan1 = assertInstanceOf(PlanResult.Planned.class, r).plan();
    assertEquals(List.of(), new PlanValidator(session.problem()).violations(plan1));
    assertTrue(session.planSatisfiesFormulas());
  }
}
