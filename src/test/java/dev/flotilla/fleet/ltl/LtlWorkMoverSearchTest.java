package dev.flotilla.fleet.ltl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanEvaluator;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanValidator;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.model.Weights;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The search of {@link LtlWorkMover} on the plan that left a failed volunteer's work waiting in
 * the track field's Case 2 ({@code LtlFailureEndToEndTest}, four volunteers): there the online
 * re-solve had put all four volunteers on phi1's {@code sw_r2}, so a one-for-one swap found no
 * volunteer free to take a lost one's place. That plan comes from a budgeted CP-SAT search; here
 * the same shape is built on phi1's offline plan (branch and bound within a node budget, the same
 * on every run) by adding every volunteer to the {@code sw} step of its last volunteer-led
 * chain serving an {@code sw} subtask.
 */
class LtlWorkMoverSearchTest {

  private static PlanningProblem problem;
  private static Plan plan;
  private static List<Integer> volunteers;
  private static ChainAssignment crowded;

  @BeforeAll
  static void crowdOneStep() {
    List<RobotSpec> specs = new ArrayList<>();
    for (String r : new String[] {"v1:volunteer:-95:0", "v2:volunteer:95:0",
        "v3:volunteer:-85:-60", "v4:volunteer:85:60", "j1:referee:12:-37", "j2:referee:60:50",
        "d1:doctor:60:50"}) {
      String[] p = r.split(":");
      specs.add(new RobotSpec(p[0], new Point3(Double.parseDouble(p[2]),
          Double.parseDouble(p[3]), 0), 0, 1, 1, 1, 1, Set.of(), null, p[1], false));
    }
    // The weights and node budget of LtlFailureEndToEndTest: its time budget never binds.
    LtlSettings settings = new LtlSettings(LtlCancelFixture.scenario(),
        new Weights(10, 0.1, 0.01), 0, new BranchAndBoundPlanner.Config(600, 20_000, true),
        new SimulatedAnnealingReplanner.Config(0.3, 0.05, 50, 1), Map.of());
    LtlTaskPlanner p = new LtlTaskPlanner(settings,
        new LtlFleet(LtlCancelFixture.scenario(), specs));
    assertInstanceOf(LtlTaskPlanner.Accepted.class,
        p.submit("phi1", LtlCancelFixture.PHI1, 100).get(0));
    problem = p.problem();
    volunteers = problem.agents().stream().filter(a -> a.type().name().equals("volunteer"))
        .map(a -> a.id()).toList();
    assertEquals(4, volunteers.size());
    List<ChainAssignment> assignments = new ArrayList<>(p.plan().assignments());
    // The last such chain, which starts late enough for every volunteer to get there.
    for (int i = assignments.size() - 1; i >= 0 && crowded == null; i--) {
      ChainAssignment a = assignments.get(i);
      int k = a.chain().coreIndex();
      if (volunteers.contains(a.master()) && a.chain().steps().get(k).action().equals("sw")) {
        for (int v : volunteers) {
          if (v != a.master() && !a.helpers().get(k).contains(v)) {
            a = a.withHelper(k, v);
          }
        }
        assignments.set(i, a);
        crowded = a;
      }
    }
    assertTrue(crowded != null, "phi1's plan has a volunteer-led sw chain");
    plan = new PlanEvaluator(problem).evaluate(assignments).orElseThrow();
    assertEquals(List.of(), new PlanValidator(problem).violations(plan));
  }

  private static String robot(int agent) {
    return problem.agents().get(agent).name();
  }

  /** The moves off {@code victim}, failed at {@code t} after robots did what the plan says. */
  private static LtlWorkMover.Moves failAt(int victim, double t, Set<String> reported) {
    Set<Integer> started = new HashSet<>();
    Map<Integer, Double> end = new HashMap<>();
    for (AgentPlan a : plan.agents()) {
      for (PlanStep s : a.steps()) {
        end.merge(s.subtaskId(), s.finishS(), Math::max);
        if (s.startS() <= t) {
          reported.add(LtlTaskPlanner.stepKey(a.agentId(), s));
          if (s.role() == Role.MASTER) {
            started.add(s.subtaskId());
          }
        }
      }
    }
    Set<Integer> finished = new HashSet<>();
    end.forEach((id, at) -> {
      if (at <= t) {
        finished.add(id);
      }
    });
    return LtlWorkMover.move(problem, plan, Set.of(victim), Set.of(victim), started, finished,
        t, reported, Set.of());
  }

  private static Plan timed(LtlWorkMover.Moves m, double t) {
    return new PlanEvaluator(problem).evaluate(m.assignments(),
        LtlWorkMover.released(m.assignments(), m.started()), t).orElseThrow();
  }

  @Test
  void aChainEveryVolunteerWorksOnMovesWhenOneOfThemFails() {
    for (int victim : volunteers) {
      LtlWorkMover.Moves m = failAt(victim, 0, new HashSet<>());
      assertEquals(Map.of(), m.stuck(), robot(victim) + " failed");
      assertTrue(m.moved().contains(crowded.subtaskId()), robot(victim) + " failed: " + m);
      assertTrue(m.assignments().stream().noneMatch(a -> LtlWorkMover.involves(a,
          Set.of(victim))), "nothing is left on " + robot(victim));
      Plan after = timed(m, 0);
      assertEquals(List.of(), new PlanValidator(problem).violations(after));
      assertTrue(after.agents().get(victim).steps().isEmpty());
    }
  }

  @Test
  void reportedStepsKeepTheirIndicesWhenTheSearchMovesWork() {
    double lastStart = plan.agents().stream().flatMap(a -> a.steps().stream())
        .filter(s -> s.subtaskId() == crowded.subtaskId()).mapToDouble(PlanStep::startS).max()
        .orElseThrow();
    int searched = 0;
    for (double t = 30; t < lastStart; t += 30) {
      for (int victim : volunteers) {
        Set<String> reported = new HashSet<>();
        LtlWorkMover.Moves m = failAt(victim, t, reported);
        searched += m.moved().contains(crowded.subtaskId()) ? 1 : 0;
        Plan after = timed(m, t);
        for (AgentPlan a : plan.agents()) {
          List<PlanStep> now = after.agents().get(a.agentId()).steps();
          for (int i = 0; i < a.steps().size(); i++) {
            PlanStep s = a.steps().get(i);
            if (!reported.contains(LtlTaskPlanner.stepKey(a.agentId(), s))) {
              continue;
            }
            String where = "t=" + t + ", " + robot(victim) + " failed: " + robot(a.agentId())
                + "'s reported step " + i;
            if (a.agentId() == victim && now.stream().noneMatch(x -> x.subtaskId()
                == s.subtaskId() && x.stepIndex() == s.stepIndex())) {
              continue; // a failed robot's step may leave with its chain, never shift
            }
            assertTrue(i < now.size(), where);
            assertEquals(s.subtaskId() + "/" + s.stepIndex(),
                now.get(i).subtaskId() + "/" + now.get(i).stepIndex(), where);
          }
        }
      }
    }
    assertTrue(searched > 0, "the crowded chain moved after some progress");
  }

  /**
   * A paused robot keeps working on what stays, and it and the synchronizer follow its steps by
   * index: a collaborator step it finished is done work and stays, and a step it reported that
   * stays keeps its index. Before, a paused robot was exempt: when robots ran ahead of the plan's
   * times (a chain counts as finished by its planned end), the swap dropped a finished
   * collaborator place of an unfinished chain, which shifted the step the robot stood at, so it
   * dropped that step and the synchronizer's next order named a step it was not on
   * ({@code LtlCancelEndToEndTest}, now and then).
   */
  @Test
  void aPausedRobotsFinishedCollaboratorStepsStayAndItsReportedStepsKeepTheirIndices() {
    double end = plan.agents().stream().flatMap(a -> a.steps().stream())
        .mapToDouble(PlanStep::finishS).max().orElseThrow();
    int doneBeforeAReportedStep = 0;
    for (double t = 30; t < end; t += 30) {
      for (double ahead : new double[] {0, 30, 60}) {
        for (int victim : volunteers) {
          Set<String> reported = new HashSet<>();
          Set<String> completed = new HashSet<>();
          Set<Integer> started = new HashSet<>();
          Set<Integer> finished = new HashSet<>();
          progressAt(t + ahead, t, reported, completed, started, finished);
          LtlWorkMover.Moves m = LtlWorkMover.move(problem, plan, Set.of(victim), Set.of(),
              started, finished, t, reported, completed);
          Plan after = timed(m, t);
          List<PlanStep> before = plan.agents().get(victim).steps();
          List<PlanStep> now = after.agents().get(victim).steps();
          int lastReported = -1;
          for (int i = 0; i < before.size(); i++) {
            PlanStep s = before.get(i);
            String key = LtlTaskPlanner.stepKey(victim, s);
            String where = "t=" + t + " (robots " + ahead + " s ahead), " + robot(victim)
                + " paused: its step " + i + " (" + s.action() + ", " + s.role() + ")";
            boolean stays = now.stream().anyMatch(x -> x.subtaskId() == s.subtaskId()
                && x.stepIndex() == s.stepIndex());
            if (completed.contains(key) && s.role() == Role.COLLABORATOR) {
              assertTrue(stays, where + " was finished and must stay");
            }
            if (reported.contains(key) && stays) {
              assertTrue(i < now.size(), where);
              assertEquals(s.subtaskId() + "/" + s.stepIndex(),
                  now.get(i).subtaskId() + "/" + now.get(i).stepIndex(), where + " shifted");
              lastReported = i;
            }
          }
          for (int i = 0; i < lastReported; i++) {
            if (completed.contains(LtlTaskPlanner.stepKey(victim, before.get(i)))
                && before.get(i).role() == Role.COLLABORATOR) {
              doneBeforeAReportedStep++;
            }
          }
        }
      }
    }
    assertTrue(doneBeforeAReportedStep > 0,
        "some paused robot had finished a collaborator step before a step it reported");
  }

  /**
   * What robots reported by {@code t} when they did what the plan says, {@code t - planT} seconds
   * ahead of its times, and the chains due to be finished by {@code planT}.
   */
  private static void progressAt(double t, double planT, Set<String> reported,
      Set<String> completed, Set<Integer> started, Set<Integer> finished) {
    Map<Integer, Double> end = new HashMap<>();
    for (AgentPlan a : plan.agents()) {
      for (PlanStep s : a.steps()) {
        end.merge(s.subtaskId(), s.finishS(), Math::max);
        String key = LtlTaskPlanner.stepKey(a.agentId(), s);
        if (s.startS() <= t) {
          reported.add(key);
          if (s.role() == Role.MASTER) {
            started.add(s.subtaskId());
          }
        }
        if (s.finishS() <= t) {
          completed.add(key);
        }
      }
    }
    end.forEach((id, at) -> {
      if (at <= planT) {
        finished.add(id);
      }
    });
  }

  @Test
  void noRobotOfAnotherTypeReceivesTheWork() {
    boolean refereeCouldHelp = false;
    boolean volunteerGained = false;
    for (int victim : volunteers) {
      // Referees disperse crowds and officiate too: they could stand in for a volunteer that
      // collaborates on dc or om.
      refereeCouldHelp |= plan.agents().get(victim).steps().stream().anyMatch(s ->
          s.role() == Role.COLLABORATOR && Set.of("dc", "om").contains(s.action()));
      LtlWorkMover.Moves m = failAt(victim, 0, new HashSet<>());
      Plan after = timed(m, 0);
      assertTrue(after.agents().get(victim).steps().isEmpty());
      for (AgentPlan a : after.agents()) {
        Set<String> gained = work(a);
        gained.removeAll(work(plan.agents().get(a.agentId())));
        boolean volunteer = volunteers.contains(a.agentId());
        assertTrue(gained.isEmpty() || volunteer,
            a.agentName() + " received " + gained + " of " + robot(victim));
        volunteerGained |= volunteer && !gained.isEmpty();
      }
    }
    // A lost collaborator may just be dropped; a lost master needs a volunteer.
    assertTrue(volunteerGained, "volunteers took work");
    assertTrue(refereeCouldHelp, "some victim collaborated where a referee could");
  }

  /** An agent's steps as subtask/chain step/role. */
  private static Set<String> work(AgentPlan a) {
    Set<String> keys = new HashSet<>();
    a.steps().forEach(s -> keys.add(s.subtaskId() + "/" + s.stepIndex() + "/" + s.role()));
    return keys;
  }
}
