package dev.flotilla.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Online replanning beside seed 003's Algorithm 2: its greedy insertion gives the first plan
 * within milliseconds, then CP-SAT ({@link CpSatPlanner}) re-solves all the work that has not
 * started, from that plan as hint, for the rest of the budget. Chains that have started are kept
 * and timed first; nothing else starts before the release time. It returns the better of the two,
 * so it is never worse than the insertion and, given the same time, it searches the same space as
 * a from-scratch re-solve but starts from a good plan.
 */
public final class CpSatReplanner implements TaskPlanner {

  private final PlanningProblem problem;
  private final List<ChainAssignment> current;
  private final Set<Integer> started;
  private final double releaseS;
  private final CpSatPlanner.Config config;

  /**
   * Prepares the replanning.
   *
   * @param problem the updated problem
   * @param current the running plan's assignments, in order
   * @param started ids of subtasks whose chain has started (kept unchanged)
   * @param releaseS seconds since plan start at which the new formula arrived
   * @param config CP-SAT settings; its budget covers the insertion too
   */
  public CpSatReplanner(PlanningProblem problem, List<ChainAssignment> current,
      Set<Integer> started, double releaseS, CpSatPlanner.Config config) {
    this.problem = Objects.requireNonNull(problem);
    this.current = List.copyOf(current);
    this.started = Set.copyOf(started);
    this.releaseS = releaseS;
    this.config = Objects.requireNonNull(config);
  }

  /**
   * The chains that have started, in running order: the prefix every replanned plan keeps.
   *
   * @param running the running plan's assignments
   * @param started ids of subtasks whose chain has started
   * @return the started assignments
   */
  public static List<ChainAssignment> frozen(List<ChainAssignment> running, Set<Integer> started) {
    return running.stream().filter(a -> started.contains(a.subtaskId())).toList();
  }

  @Override
  public PlanResult plan() {
    long t0 = System.nanoTime();
    PlanResult inserted = new SimulatedAnnealingReplanner(problem, current, started, releaseS,
        new SimulatedAnnealingReplanner.Config(config.timeBudgetS(), 0.05, 0, config.seed()))
        .greedyInsertion();
    List<ChainAssignment> frozen = frozen(current, started);
    double left = config.timeBudgetS() - (System.nanoTime() - t0) / 1e9;
    CpSatPlanner cp = new CpSatPlanner(problem, frozen, releaseS,
        new CpSatPlanner.Config(Math.max(0.05, left), config.workers(), config.seed()));
    if (inserted instanceof PlanResult.Planned p) {
      List<ChainAssignment> hint = new ArrayList<>(frozen);
      p.plan().assignments().stream().filter(a -> !started.contains(a.subtaskId()))
          .forEach(hint::add);
      cp.withHint(hint);
    }
    PlanResult solved = cp.plan();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    if (!(inserted instanceof PlanResult.Planned ins)) {
      return solved;
    }
    SearchStats first = ins.stats();
    if (solved instanceof PlanResult.Planned s
        && s.plan().objective() < ins.plan().objective() - 1e-9) {
      return new PlanResult.Planned(s.plan(), new SearchStats(s.stats().nodes(),
          first.firstPlanS(), s.stats().bestPlanS(), elapsed, s.stats().optimal(),
          first.firstObjective()));
    }
    return new PlanResult.Planned(ins.plan(), new SearchStats(solved.stats().nodes(),
        first.firstPlanS(), first.bestPlanS(), elapsed, solved.stats().optimal(),
        first.firstObjective()));
  }
}
