package dev.flotilla.plan.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanEvaluator;
import dev.flotilla.plan.PlanResult;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.SyncFixtures;
import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Rules 1-4 and Eq. (18) of Section 4.2 of seed 003. */
class SyncEngineTest {

  /** dc_t1 (0) then om_t1 (1); sw_r1 (2) conflicts with om_t1. */
  private static final TaskSpec TASKS =
      new TaskSpec(
          List.of(SubtaskSpec.of(0, "dc", "t1"), SubtaskSpec.of(1, "om", "t1"),
              SubtaskSpec.of(2, "sw", "r1")),
          Set.of(new TaskSpec.Order(0, 1)),
          List.of(Set.of(1, 2)));

  private final PlanningProblem problem =
      SyncFixtures.problem(counts(), TASKS, new Weights(1, 0, 0));

  private static Map<String, Integer> counts() {
    Map<String, Integer> c = new LinkedHashMap<>();
    c.put("volunteer", 2);
    c.put("referee", 2);
    return c;
  }

  /** Agents: 0, 1 volunteers, 2, 3 referees. */
  private Plan plan() {
    ActionPathChain dc = chain(0, "referee");
    ActionPathChain om = chain(1, "referee");
    ActionPathChain sw = chain(2, "volunteer");
    List<ChainAssignment> a =
        List.of(
            ChainAssignment.alone(0, dc, 2).withHelper(0, 0),
            ChainAssignment.alone(1, om, 3).withHelper(0, 2),
            ChainAssignment.alone(2, sw, 1));
    return new PlanEvaluator(problem).evaluate(a).orElseThrow();
  }

  private ActionPathChain chain(int subtask, String type) {
    return problem.chainsOf(problem.indexOf(subtask)).stream()
        .filter(c -> c.agentType().equals(type))
        .findFirst()
        .orElseThrow();
  }

  private static SyncCommand commandFor(List<SyncDecision> ds, int agent) {
    return ds.stream().filter(d -> d.agentId() == agent).findFirst().orElseThrow().command();
  }

  @Test
  void rule1_masterStartsWithoutItsCollaborators() {
    SyncEngine e = new SyncEngine(problem, plan());
    assertEquals(SyncCommand.GO, commandFor(e.arrived(2), 2));
  }

  @Test
  void rule2_coreActionWaitsForPredecessorToStart() {
    SyncEngine e = new SyncEngine(problem, plan());
    List<SyncDecision> d = e.arrived(3);
    assertEquals(SyncCommand.WAIT, commandFor(d, 3));
    assertTrue(d.get(0).reason().contains("subtask 0"), d.get(0).reason());
    // The dc master starts: om's master is released in the same batch of decisions.
    List<SyncDecision> next = e.arrived(2);
    assertEquals(SyncCommand.GO, commandFor(next, 2));
    assertEquals(SyncCommand.GO, commandFor(next, 3));
  }

  @Test
  void rule2_coreActionWaitsWhileAConflictingSubtaskRuns() {
    SyncEngine e = new SyncEngine(problem, plan());
    assertEquals(SyncCommand.GO, commandFor(e.arrived(1), 1)); // gw, not core
    e.finished(1);
    assertEquals(SyncCommand.GO, commandFor(e.arrived(1), 1)); // sw_r1 core, om not started
    e.arrived(2);
    List<SyncDecision> d = e.arrived(3);
    assertEquals(SyncCommand.WAIT, commandFor(d, 3));
    assertTrue(d.get(0).reason().contains("conflicting subtask 2"), d.get(0).reason());
    assertEquals(SyncCommand.GO, commandFor(e.finished(1), 3));
  }

  @Test
  void rule3_collaboratorWaitsForTheMasterThenJoins() {
    SyncEngine e = new SyncEngine(problem, plan());
    assertEquals(SyncCommand.WAIT, commandFor(e.arrived(0), 0));
    assertEquals(SyncCommand.GO, commandFor(e.arrived(2), 0));
    // The master finishes: the collaborator is told to stop.
    assertEquals(SyncCommand.STOP, commandFor(e.finished(2), 0));
  }

  @Test
  void rule4_lateCollaboratorSkipsAFinishedStep() {
    SyncEngine e = new SyncEngine(problem, plan());
    e.arrived(2);
    e.finished(2);
    PlanStep before = e.current(0);
    assertEquals(SyncCommand.SKIP, commandFor(e.arrived(0), 0));
    assertTrue(e.current(0) != before);
  }

  @Test
  void eq18_neighboursAreMastersOfRelatedSubtasks() {
    SyncEngine e = new SyncEngine(problem, plan());
    assertEquals(Set.of(3), e.neighbours(2)); // dc_t1 precedes om_t1 (master 3)
    assertEquals(Set.of(1, 2), e.neighbours(3)); // om: after dc (2), conflicts with sw (1)
    assertEquals(Set.of(3), e.neighbours(1));
    assertEquals(Set.of(), e.neighbours(0)); // only a collaborator
  }

  @Test
  void randomDelaysNeverBreakOrderOrConflictsAndNeverDeadlock() {
    Plan plan = plan();
    for (int seed = 0; seed < 50; seed++) {
      Map<Integer, double[]> core = simulate(plan, new Random(seed));
      for (TaskSpec.Order o : TASKS.order()) {
        assertTrue(core.get(o.after())[0] >= core.get(o.before())[0], "seed " + seed);
      }
      double[] om = core.get(1);
      double[] sw = core.get(2);
      assertTrue(om[1] <= sw[0] || sw[1] <= om[0], "seed " + seed + " overlap");
    }
  }

  /** Event-driven execution with random travel speeds; returns core start/finish per subtask. */
  private Map<Integer, double[]> simulate(Plan plan, Random rnd) {
    SyncEngine e = new SyncEngine(problem, plan);
    int n = problem.agents().size();
    double[] arrival = new double[n];
    double[] freeAt = new double[n];
    String[] at = new String[n];
    boolean[] working = new boolean[n];
    Map<String, Double> remaining = new HashMap<>();
    Map<String, Double> lastUpdate = new HashMap<>();
    Map<Integer, double[]> core = new HashMap<>();
    for (int a = 0; a < n; a++) {
      at[a] = problem.agents().get(a).start();
      scheduleTravel(e, a, 0, at, arrival, rnd);
    }
    double now = 0;
    for (int guard = 0; guard < 10_000 && !e.complete(); guard++) {
      // Next event: an arrival or the end of some running step (master finishing).
      double best = Double.POSITIVE_INFINITY;
      int who = -1;
      boolean isFinish = false;
      for (int a = 0; a < n; a++) {
        PlanStep s = e.current(a);
        if (s == null) {
          continue;
        }
        if (!working[a] && arrival[a] < best && arrival[a] >= 0) {
          best = arrival[a];
          who = a;
          isFinish = false;
        }
        if (working[a] && s.role() == Role.MASTER) {
          String k = s.chainIndex() + "/" + s.stepIndex();
          double t = lastUpdate.get(k) + remaining.get(k) / workers(e, working, k);
          if (t < best) {
            best = t;
            who = a;
            isFinish = true;
          }
        }
      }
      assertTrue(who >= 0, "deadlock: nobody can move");
      // Advance work of running steps to 'best'.
      for (String k : remaining.keySet()) {
        int w = workers(e, working, k);
        if (w > 0) {
          remaining.put(k, remaining.get(k) - w * (best - lastUpdate.get(k)));
        }
        lastUpdate.put(k, best);
      }
      now = best;
      List<SyncDecision> ds;
      if (isFinish) {
        PlanStep s = e.current(who);
        if (s.core()) {
          core.get(s.subtaskId())[1] = now;
        }
        working[who] = false;
        ds = e.finished(who);
        scheduleTravel(e, who, now, at, arrival, rnd);
      } else {
        arrival[who] = -1;
        ds = e.arrived(who);
      }
      for (SyncDecision d : ds) {
        int a = d.agentId();
        switch (d.command()) {
          case GO -> {
            working[a] = true;
            String k = d.step().chainIndex() + "/" + d.step().stepIndex();
            if (!remaining.containsKey(k)) {
              remaining.put(k, problem.actions().get(d.step().action()).durationS());
              lastUpdate.put(k, now);
            }
            if (d.step().role() == Role.MASTER && d.step().core()) {
              core.put(d.step().subtaskId(), new double[] {now, Double.NaN});
            }
          }
          case WAIT -> {}
          case SKIP, STOP -> {
            working[a] = false;
            scheduleTravel(e, a, now, at, arrival, rnd);
          }
        }
      }
    }
    assertTrue(e.complete(), "execution did not complete");
    return core;
  }

  private int workers(SyncEngine e, boolean[] working, String key) {
    int w = 0;
    for (int a = 0; a < working.length; a++) {
      PlanStep s = e.current(a);
      if (working[a] && s != null && (s.chainIndex() + "/" + s.stepIndex()).equals(key)) {
        w++;
      }
    }
    return w;
  }

  private void scheduleTravel(
      SyncEngine e, int a, double now, String[] at, double[] arrival, Random rnd) {
    PlanStep next = e.current(a);
    if (next == null) {
      arrival[a] = Double.POSITIVE_INFINITY;
      return;
    }
    double speed = problem.agents().get(a).type().speedMps() * (0.3 + 1.4 * rnd.nextDouble());
    arrival[a] = now + problem.environment().distance(at[a], next.region()) / speed;
    at[a] = next.region();
  }

  @Test
  void executionContinuesOnAReplannedPlanWithoutRedoingSteps() {
    Plan plan0 = plan();
    SyncEngine e = new SyncEngine(problem, plan0);
    e.arrived(2); // dc_t1 master starts
    e.arrived(0); // collaborator joins
    e.arrived(1); // gw at s1
    e.finished(1);
    // Online: sw_r2 (3) after om_t1 (1).
    List<SubtaskSpec> subs = new ArrayList<>(TASKS.subtasks());
    subs.add(SubtaskSpec.of(3, "sw", "r2"));
    TaskSpec after =
        new TaskSpec(
            subs, Set.of(new TaskSpec.Order(0, 1), new TaskSpec.Order(1, 3)), TASKS.conflicts());
    PlanningProblem p1 = SyncFixtures.problem(counts(), after, new Weights(1, 0, 0));
    Plan plan1 =
        ((PlanResult.Planned)
                new SimulatedAnnealingReplanner(
                        p1,
                        plan0.assignments(),
                        Set.of(0, 2),
                        50,
                        SimulatedAnnealingReplanner.Config.defaults())
                    .plan())
            .plan();
    SyncEngine e2 = e.continueWith(p1, plan1);
    assertEquals("sw", e2.current(1).action(), "gw was done before replanning");
    assertTrue(e2.hasStarted(0));
    // Drive the rest without timing: arrive whenever free, finish a running master otherwise.
    boolean[] busy = new boolean[4];
    boolean[] held = new boolean[4];
    busy[2] = true;
    busy[0] = true;
    List<Integer> coreOrder = new ArrayList<>();
    for (int guard = 0; guard < 200 && !e2.complete(); guard++) {
      List<SyncDecision> ds = null;
      for (int a = 0; a < 4 && ds == null; a++) {
        if (e2.current(a) != null && !busy[a] && !held[a]) {
          ds = e2.arrived(a);
        }
      }
      for (int a = 0; a < 4 && ds == null; a++) {
        if (busy[a] && e2.current(a).role() == Role.MASTER) {
          ds = e2.finished(a);
          busy[a] = false;
        }
      }
      assertTrue(ds != null, "stuck");
      for (SyncDecision d : ds) {
        busy[d.agentId()] = d.command() == SyncCommand.GO;
        held[d.agentId()] = d.command() == SyncCommand.WAIT;
        if (d.command() == SyncCommand.GO && d.step().core() && d.step().role() == Role.MASTER) {
          coreOrder.add(d.step().subtaskId());
        }
      }
    }
    assertTrue(e2.complete());
    assertTrue(coreOrder.indexOf(1) < coreOrder.indexOf(3), coreOrder.toString());
    assertTrue(!coreOrder.contains(0), "dc_t1 was already running: " + coreOrder);
  }

  @Test
  void planRecordsListEveryAgent() {
    List<AgentPlan> agents = plan().agents();
    assertEquals(4, agents.size());
    List<Role> roles = new ArrayList<>();
    agents.get(0).steps().forEach(s -> roles.add(s.role()));
    assertEquals(List.of(Role.COLLABORATOR), roles);
  }
}
