package dev.flotilla.plan;

import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Times a whole list of chain assignments from scratch and turns it into a {@link Plan}: the
 * schedule of Eqs. (3)-(5) and (8) of seed 003 and the objective of Eq. (2). Assignments are timed
 * in list order; those after {@code frozenCount} may not start before a release time (used when
 * replanning online).
 *
 * <p>Time: O(A * k * (h log h + M)) for A assignments.
 */
public final class PlanEvaluator {

  private final PlanningProblem problem;
  private final ChainTimer timer;

  /**
   * Prepares the evaluator.
   *
   * @param problem the problem the assignments belong to
   */
  public PlanEvaluator(PlanningProblem problem) {
    this.problem = problem;
    this.timer = new ChainTimer(problem);
  }

  /**
   * Evaluates a complete or partial plan with no release time.
   *
   * @param assignments chain assignments in assignment order
   * @return the timed plan, or empty if some assignment is infeasible
   */
  public Optional<Plan> evaluate(List<ChainAssignment> assignments) {
    return evaluate(assignments, new boolean[assignments.size()], 0);
  }

  /**
   * Evaluates a plan whose tail is released at a given time.
   *
   * @param assignments chain assignments in assignment order
   * @param frozenCount how many leading assignments keep their original timing rules
   * @param releaseS seconds; later assignments may not start before it
   * @return the timed plan, or empty if some assignment is infeasible
   */
  public Optional<Plan> evaluate(
      List<ChainAssignment> assignments, int frozenCount, double releaseS) {
    boolean[] released = new boolean[assignments.size()];
    for (int i = frozenCount; i < released.length; i++) {
      released[i] = true;
    }
    return evaluate(assignments, released, releaseS);
  }

  /**
   * Evaluates a plan where some assignments may not start before a release time.
   *
   * @param assignments chain assignments in assignment order
   * @param released per assignment, whether the release time applies to it
   * @param releaseS seconds
   * @return the timed plan, or empty if some assignment is infeasible
   */
  public Optional<Plan> evaluate(
      List<ChainAssignment> assignments, boolean[] released, double releaseS) {
    PartialSchedule t = PartialSchedule.initial(problem);
    List<ChainTimer.Timed> timed = new ArrayList<>();
    for (int i = 0; i < assignments.size(); i++) {
      ChainTimer.Timed next = timer.time(t, assignments.get(i), released[i] ? releaseS : 0);
      if (next == null) {
        return Optional.empty();
      }
      timed.add(next);
      t = next.after();
    }
    return Optional.of(toPlan(problem, assignments, timed, t));
  }

  /**
   * Objective of a list of assignments, or infinity when infeasible.
   *
   * @param assignments chain assignments in order
   * @param released per assignment, whether the release time applies
   * @param releaseS release time, seconds
   * @return alpha t_m + beta c_r + gamma c_t
   */
  double objective(List<ChainAssignment> assignments, boolean[] released, double releaseS) {
    PartialSchedule t = PartialSchedule.initial(problem);
    for (int i = 0; i < assignments.size(); i++) {
      ChainTimer.Timed next = timer.time(t, assignments.get(i), released[i] ? releaseS : 0);
      if (next == null) {
        return Double.POSITIVE_INFINITY;
      }
      t = next.after();
    }
    return t.objective(problem);
  }

  static Plan toPlan(
      PlanningProblem problem,
      List<ChainAssignment> assignments,
      List<ChainTimer.Timed> timed,
      PartialSchedule last) {
    List<List<PlanStep>> perAgent = new ArrayList<>();
    for (int n = 0; n < problem.agents().size(); n++) {
      perAgent.add(new ArrayList<>());
    }
    for (int c = 0; c < assignments.size(); c++) {
      ChainAssignment a = assignments.get(c);
      ChainTimer.StepTime[] times = timed.get(c).steps();
      for (int k = 0; k < times.length; k++) {
        ChainStep step = a.chain().steps().get(k);
        boolean core = k == a.chain().coreIndex();
        List<Integer> team = new ArrayList<>();
        team.add(a.master());
        team.addAll(a.helpers().get(k));
        perAgent
            .get(a.master())
            .add(
                new PlanStep(
                    step.action(),
                    step.region(),
                    times[k].start(),
                    times[k].finish(),
                    Role.MASTER,
                    a.subtaskId(),
                    c,
                    k,
                    core,
                    a.master(),
                    others(team, a.master())));
        for (int j = 0; j < a.helpers().get(k).size(); j++) {
          int h = a.helpers().get(k).get(j);
          double start = Math.min(times[k].helperStart()[j], times[k].finish());
          perAgent
              .get(h)
              .add(
                  new PlanStep(
                      step.action(),
                      step.region(),
                      start,
                      times[k].finish(),
                      Role.COLLABORATOR,
                      a.subtaskId(),
                      c,
                      k,
                      core,
                      a.master(),
                      others(team, h)));
        }
      }
    }
    List<AgentPlan> agents = new ArrayList<>();
    for (Agent agent : problem.agents()) {
      agents.add(
          new AgentPlan(agent.id(), agent.name(), agent.type().name(), perAgent.get(agent.id())));
    }
    return new Plan(
        assignments,
        agents,
        last.makespan,
        last.resourceCost,
        last.travel,
        last.objective(problem));
  }

  private static List<Integer> others(List<Integer> team, int self) {
    List<Integer> out = new ArrayList<>(team);
    out.remove(Integer.valueOf(self));
    return out;
  }
}
