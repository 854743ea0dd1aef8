package dev.flotilla.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskCompilation;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * End to end on the track field: formulas to subtasks, plans that satisfy their formulas (the
 * plan's word replayed through each formula's automaton) and respect order, conflicts, sigma^s and
 * resources, offline and after online formulas.
 */
class LtlPlanningTest {

  private static final Scenario FIELD = Fixtures.trackfield();

  private static PlanningSession session(CaseSpec c) {
    return new PlanningSession(
        FIELD,
        c.agentCounts(),
        c.weights(),
        new BranchAndBoundPlanner.Config(0.3, Long.MAX_VALUE, true),
        new SimulatedAnnealingReplanner.Config(0.3, 0.05, 50, 7));
  }

  @Test
  void phi2SubtasksKeepDispersalBeforeOfficiatingAndNeverTogether() {
    TaskCompilation tc = new LtlTaskCompiler(FIELD).offline(List.of(FIELD.formulas().get("phi2")));
    TaskCompilation.Compiled c = assertInstanceOf(TaskCompilation.Compiled.class, tc);
    assertEquals(4, c.spec().subtasks().size());
    int dc = idOf(c.spec().subtasks(), "dc_t4");
    int om = idOf(c.spec().subtasks(), "om_t4");
    assertTrue(c.spec().predecessors(om).contains(dc));
    assertTrue(c.spec().conflictsOf(om).contains(dc));
  }

  @Test
  void phi4KeepsSportDoctorsOutOfTheDispersal() {
    TaskCompilation.Compiled c =
        (TaskCompilation.Compiled)
            new LtlTaskCompiler(FIELD).offline(List.of(FIELD.formulas().get("phi4")));
    SubtaskSpec dc =
        c.spec().subtasks().get(c.spec().indexById().get(idOf(c.spec().subtasks(), "dc_f4")));
    assertEquals(Set.of("Do"), dc.excludedTypeLabels());
  }

  private static int idOf(List<SubtaskSpec> subs, String prop) {
    return subs.stream().filter(s -> s.proposition().equals(prop)).findFirst().orElseThrow().id();
  }

  @Test
  void restoringJournaledAssignmentsGivesTheSamePlanWithoutSearching() {
    CaseSpec c1 = FIELD.cases().get("case1");
    PlanningSession s = session(c1);
    s.planOffline(c1.offlineFormulas());
    List<ChainAssignment> offline = s.plan().assignments();
    OnlineTaskSpec phi6 = c1.online().get(0);
    Set<Integer> started = SimulatedAnnealingReplanner.startedBy(s.plan(), phi6.atS());
    assertInstanceOf(PlanResult.Planned.class,
        s.addOnline(phi6.formula(), phi6.atS(), phi6.newResources(), started));

    PlanningSession again = session(c1);
    PlanResult.Planned first = assertInstanceOf(PlanResult.Planned.class,
        again.restoreOffline(c1.offlineFormulas(), offline));
    assertEquals(first.plan().assignments(), offline);
    PlanResult.Planned second = assertInstanceOf(PlanResult.Planned.class,
        again.restoreOnline(phi6.formula(), phi6.atS(), phi6.newResources(), started,
            s.plan().assignments()));
    assertEquals(s.plan(), second.plan());
    assertEquals(s.problem().environment().regions(), again.problem().environment().regions());
    assertTrue(again.planSatisfiesFormulas());

    // Assignments that do not fit the compiled problem are refused with the reason.
    PlanningSession other = session(c1);
    PlanResult.Infeasible missing = assertInstanceOf(PlanResult.Infeasible.class,
        other.restoreOffline(c1.offlineFormulas(), offline.subList(1, offline.size())));
    assertTrue(missing.reason().contains("subtasks"), missing.reason());
    assertEquals(null, other.plan());
  }

  @Test
  void case1PlansSatisfyTheirFormulasOfflineAndAfterPhi6() {
    CaseSpec c1 = FIELD.cases().get("case1");
    PlanningSession s = session(c1);
    PlanResult.Planned offline =
        assertInstanceOf(PlanResult.Planned.class, s.planOffline(c1.offlineFormulas()));
    assertEquals(List.of(), new PlanValidator(s.problem()).violations(offline.plan()));
    assertTrue(s.planSatisfiesFormulas());
    OnlineTaskSpec phi6 = c1.online().get(0);
    PlanResult.Planned online =
        assertInstanceOf(
            PlanResult.Planned.class,
            s.addOnline(phi6.formula(), phi6.atS(), phi6.newResources(), null));
    assertEquals(List.of(), new PlanValidator(s.problem()).violations(online.plan()));
    assertTrue(s.planSatisfiesFormulas());
    assertEquals(3, s.formulas().size());
    // The illness is fetched by a doctor and put down at a service area: the chain [gi, pi].
    ChainAssignment gi =
        online.plan().assignments().stream()
            .filter(a -> a.chain().steps().get(a.chain().coreIndex()).action().equals("gi"))
            .findFirst()
            .orElseThrow();
    assertEquals(List.of("gi", "pi"), gi.chain().actions());
    assertEquals("doctor", gi.chain().agentType());
    // Nothing new starts before the formula arrived.
    for (AgentPlan a : online.plan().agents()) {
      for (PlanStep st : a.steps()) {
        if (st.action().equals("di") || st.action().equals("gi")) {
          assertTrue(st.startS() >= phi6.atS(), st.toString());
        }
      }
    }
  }

  @Test
  void everyCasePlanIsValidAndAcceptedByEveryFormulaOfflineAndOnline() {
    for (CaseSpec c : FIELD.cases().values()) {
      PlanningSession s = session(c);
      PlanResult r = s.planOffline(c.offlineFormulas());
      PlanResult.Planned p = assertInstanceOf(PlanResult.Planned.class, r, c.name());
      assertEquals(List.of(), new PlanValidator(s.problem()).violations(p.plan()), c.name());
      assertTrue(s.planSatisfiesFormulas(), c.name());
      assertTrue(
          p.plan().actionCount() > s.problem().subtaskCount(),
          "chains add prerequisite actions in " + c.name());
      for (OnlineTaskSpec on : c.online()) {
        PlanResult r2 = s.addOnline(on.formula(), on.atS(), on.newResources(), null);
        String ctx = c.name() + " " + on.formulaId();
        PlanResult.Planned p2 = assertInstanceOf(PlanResult.Planned.class, r2, ctx);
        assertEquals(List.of(), new PlanValidator(s.problem()).violations(p2.plan()), ctx);
        assertTrue(s.planSatisfiesFormulas(), ctx);
      }
    }
  }

  @Test
  void aWordMissingAnActionIsRejectedByTheAutomaton() {
    CaseSpec c1 = FIELD.cases().get("case1");
    PlanningSession s = session(c1);
    PlanResult.Planned p = (PlanResult.Planned) s.planOffline(c1.offlineFormulas());
    List<Set<String>> word =
        new ArrayList<>(new PlanValidator(s.problem()).word(p.plan()));
    word.removeIf(letter -> letter.contains("sa_t3"));
    LtlCompilation.Compiled phi1 = s.formulas().get(0);
    assertTrue(!phi1.automaton().accepts(word), "replay must be able to fail");
  }

  @Test
  void replayCatchesOfficiatingDuringTheDispersalOfPhi2() {
    // Plan dc_t4 and om_t4 with the R-poset's order but without its conflict: they overlap.
    CaseSpec c1 = FIELD.cases().get("case1");
    String phi2 = FIELD.formulas().get("phi2");
    TaskCompilation.Compiled c =
        (TaskCompilation.Compiled) new LtlTaskCompiler(FIELD).offline(List.of(phi2));
    int dc = idOf(c.spec().subtasks(), "dc_t4");
    int om = idOf(c.spec().subtasks(), "om_t4");
    TaskSpec loose =
        new TaskSpec(
            List.of(SubtaskSpec.of(dc, "dc", "t4"), SubtaskSpec.of(om, "om", "t4")),
            Set.of(new TaskSpec.Order(dc, om)),
            List.of());
    PlanningProblem p = Fixtures.problem(FIELD, Map.of("referee", 2), loose, new Weights(1, 0, 0));
    // Two referees, one chain each: om_t4 may start once dc_t4 has started, so they overlap.
    Plan plan =
        new PlanEvaluator(p)
            .evaluate(
                List.of(
                    ChainAssignment.alone(dc, p.chainsOf(p.indexOf(dc)).get(0), 0),
                    ChainAssignment.alone(om, p.chainsOf(p.indexOf(om)).get(0), 1)))
            .orElseThrow();
    assertEquals(List.of(), new PlanValidator(p).violations(plan));
    List<Set<String>> word = new PlanValidator(p).word(plan);
    assertTrue(
        word.stream().anyMatch(l -> l.containsAll(Set.of("dc_t4", "om_t4"))), word.toString());
    LtlCompilation.Compiled onlyTheseTwo =
        (LtlCompilation.Compiled)
            new LtlTaskCompiler(FIELD).compileFormula("<> (dc_t4 && !om_t4 && <> om_t4)");
    assertTrue(!onlyTheseTwo.automaton().accepts(word));
    assertEquals(c1.offlineFormulas().get(1), phi2);
  }

  @Test
  void badFormulasAreRejectedWithAReasonAndTheRunningPlanIsKept() {
    CaseSpec c1 = FIELD.cases().get("case1");
    PlanningSession s = session(c1);
    s.planOffline(c1.offlineFormulas());
    Plan before = s.plan();
    PlanResult syntax = s.addOnline("<> (sw_r1 &&", 10, Map.of(), null);
    assertTrue(((PlanResult.Infeasible) syntax).reason().contains("rejected"), syntax.toString());
    PlanResult notCoSafe = s.addOnline("[] sw_r1", 10, Map.of(), null);
    assertTrue(((PlanResult.Infeasible) notCoSafe).reason().toLowerCase().contains("co-safe"));
    PlanResult noAgent = s.addOnline("<> fly_r1", 10, Map.of(), null);
    assertInstanceOf(PlanResult.Infeasible.class, noAgent);
    PlanResult noIllness = s.addOnline("<> gi_f2", 10, Map.of(), null);
    assertTrue(
        ((PlanResult.Infeasible) noIllness).reason().contains("gi_f2"), noIllness.toString());
    PlanResult badRegion = s.addOnline("<> gi_f2", 10, Map.of("zz", Map.of("illness", 1)), null);
    assertTrue(((PlanResult.Infeasible) badRegion).reason().contains("zz"), badRegion.toString());
    assertEquals(before, s.plan());
  }
}
