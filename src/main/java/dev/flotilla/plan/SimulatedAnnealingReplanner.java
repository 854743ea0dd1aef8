package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.model.Agent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Online replanning by simulated annealing (Algorithm 2 of seed 003, Section 4.1), seeded with the
 * running plan. The problem already holds the product of the running R-poset with the new formula's
 * and chains for the updated environment (line 1). Chains that have started are kept as they are;
 * the others may move.
 *
 * <p>A plan is an ordered list of chain assignments; an agent's sequence follows that order, so the
 * order relation induced by the assignment (Eq. (15)) is the list order itself. A neighbour (Eqs.
 * (15)-(17)): pick an unassigned subtask (if none, withdraw a random movable chain, line 4), pick a
 * position after every started chain, after all its order predecessors and before all its
 * successors (Eq. (16)), a chain whose resources fit (Eq. (17)), a master of its type, then offer
 * each step to a few random capable collaborators, keeping those that lower the objective. Moves
 * are accepted by the Metropolis rule; the temperature decays by T_l = T_(l-1) z* / (z* + alpha
 * t_c) (Eq. (13)), t_c being the computation time so far; the search stops when alpha dt_l - S_l
 * &gt; 0 (Eq. (14)), S_l being the running mean of the best objective's decrease per iteration, or
 * when the time budget runs out. The first feasible plan comes from a greedy insertion of the new
 * subtasks (best chain and master at the latest allowed position).
 *
 * <p>Time: O(A k) per neighbour evaluation for A assignments of k steps; the greedy insertion costs
 * O(W C N A k) for W new subtasks, C chains, N agents (Section 4.3: O(N M W)).
 */
public final class SimulatedAnnealingReplanner implements TaskPlanner {

  /**
   * Annealing settings.
   *
   * @param timeBudgetS hard cap on the computation, seconds
   * @param initialTemperature T_0 as a fraction of the first plan's objective
   * @param minIterations iterations before the cut-off of Eq. (14) may stop the search
   * @param seed random seed
   */
  public record Config(
      double timeBudgetS, double initialTemperature, int minIterations, long seed) {

    /** Rejects non-positive budgets and temperatures. */
    public Config {
      if (!(timeBudgetS > 0) || !(initialTemperature > 0) || minIterations < 0) {
        throw new IllegalArgumentException("Annealing settings must be positive.");
      }
    }

    /**
     * Defaults: 1 s, T_0 = 5 % of the first objective, 200 iterations, seed 1.
     *
     * @return the config
     */
    public static Config defaults() {
      return new Config(1.0, 0.05, 200, 1);
    }
  }

  /** One assignment in the plan and whether its chain has already started. */
  private record Slot(ChainAssignment a, boolean started) {}

  private static final int MASTER_SAMPLES = 4;

  private final PlanningProblem problem;
  private final List<Slot> seed;
  private final double releaseS;
  private final Config config;
  private final PlanEvaluator evaluator;
  private final Random random;

  /**
   * Prepares the replanning.
   *
   * @param problem the updated problem (product R-poset, updated environment and chains)
   * @param current the running plan's assignments, in order; subtask ids must exist in {@code
   *     problem}
   * @param startedSubtasks ids of subtasks whose chain has started (kept unchanged)
   * @param releaseS seconds since plan start at which the new formula arrived; nothing that has not
   *     started may start before it
   * @param config annealing settings
   */
  public SimulatedAnnealingReplanner(
      PlanningProblem problem,
      List<ChainAssignment> current,
      Set<Integer> startedSubtasks,
      double releaseS,
      Config config) {
    this.problem = Objects.requireNonNull(problem);
    this.config = Objects.requireNonNull(config);
    this.releaseS = releaseS;
    this.evaluator = new PlanEvaluator(problem);
    this.random = new Random(config.seed());
    List<Slot> slots = new ArrayList<>();
    for (ChainAssignment a : current) {
      problem.indexOf(a.subtaskId());
      slots.add(new Slot(a, startedSubtasks.contains(a.subtaskId())));
    }
    // The running order is kept; chains only move to positions after the last started chain
    // (see window), so a move can never delay what has started.
    this.seed = slots;
  }

  /**
   * Subtasks whose chain has started by a time, read from a plan's planned times.
   *
   * @param plan the running plan
   * @param timeS seconds since plan start
   * @return ids of subtasks whose master began the chain's first step before {@code timeS}
   */
  public static Set<Integer> startedBy(Plan plan, double timeS) {
    Set<Integer> out = new HashSet<>();
    for (AgentPlan a : plan.agents()) {
      for (PlanStep s : a.steps()) {
        if (s.role() == Role.MASTER && s.stepIndex() == 0 && s.startS() < timeS) {
          out.add(s.subtaskId());
        }
      }
    }
    return out;
  }

  /**
   * Algorithm 2's first plan alone: the greedy insertion of the new subtasks into the running
   * order, without annealing. The baseline every replanner must beat, and {@link CpSatReplanner}'s
   * seed.
   *
   * @return the inserted plan, or why the new subtasks do not fit
   */
  public PlanResult greedyInsertion() {
    long t0 = System.nanoTime();
    List<String> unservable = problem.unservable();
    List<Slot> slots = unservable.isEmpty() ? greedyComplete(new ArrayList<>(seed)) : null;
    if (slots == null) {
      return new PlanResult.Infeasible(unservable.isEmpty()
          ? "The new subtasks cannot be inserted into the running plan (order, sigma^s or"
              + " resources)." : String.join("; ", unservable) + ".",
          new SearchStats(0, Double.NaN, Double.NaN, seconds(t0), false, Double.NaN));
    }
    Plan plan = evaluator.evaluate(slots.stream().map(Slot::a).toList(), released(slots), releaseS)
        .orElseThrow();
    double at = seconds(t0);
    return new PlanResult.Planned(plan, new SearchStats(0, at, at, at, false, plan.objective()));
  }

  @Override
  public PlanResult plan() {
    long t0 = System.nanoTime();
    long deadline = t0 + (long) (config.timeBudgetS() * 1e9);
    List<String> unservable = problem.unservable();
    if (!unservable.isEmpty()) {
      return new PlanResult.Infeasible(
          String.join("; ", unservable) + ".",
          new SearchStats(0, Double.NaN, Double.NaN, seconds(t0), false, Double.NaN));
    }
    List<Slot> current = greedyComplete(new ArrayList<>(seed));
    if (current == null) {
      return new PlanResult.Infeasible(
          "The new subtasks cannot be inserted into the running plan (order, sigma^s or"
              + " resources).",
          new SearchStats(0, Double.NaN, Double.NaN, seconds(t0), false, Double.NaN));
    }
    double firstAt = seconds(t0);
    double z = objective(current);
    double firstObjective = z;
    List<Slot> best = current;
    double bestZ = z;
    double bestAt = firstAt;
    double temperature = config.initialTemperature() * Math.max(z, 1e-9);
    double meanDescent = 0;
    long iterations = 0;
    long last = System.nanoTime();
    boolean canMove = current.stream().anyMatch(s -> !s.started());
    while (canMove && System.nanoTime() < deadline) {
      iterations++;
      List<Slot> neighbour = neighbour(current);
      double before = bestZ;
      if (neighbour != null) {
        double nz = objective(neighbour);
        if (nz < z || random.nextDouble() < Math.exp(-(nz - z) / Math.max(temperature, 1e-12))) {
          current = neighbour;
          z = nz;
        }
        if (z < bestZ - 1e-9) {
          best = current;
          bestZ = z;
          bestAt = seconds(t0);
        }
      }
      long now = System.nanoTime();
      double dt = (now - last) / 1e9;
      last = now;
      double tc = (now - t0) / 1e9;
      // Eq. (13): cool faster once the weighted computation time matters next to z*.
      double alpha = problem.weights().alpha();
      temperature *= bestZ / (bestZ + alpha * tc);
      // Eq. (14): stop when an iteration costs more (alpha dt) than it gains on average (S).
      meanDescent = ((iterations - 1) * meanDescent + (before - bestZ)) / iterations;
      if (iterations >= config.minIterations() && alpha * dt - meanDescent > 0) {
        break;
      }
    }
    List<ChainAssignment> list = best.stream().map(Slot::a).toList();
    Plan plan = evaluator.evaluate(list, released(best), releaseS).orElseThrow();
    return new PlanResult.Planned(
        plan, new SearchStats(iterations, firstAt, bestAt, seconds(t0), false, firstObjective));
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  private boolean[] released(List<Slot> slots) {
    boolean[] r = new boolean[slots.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = !slots.get(i).started();
    }
    return r;
  }

  private double objective(List<Slot> slots) {
    return evaluator.objective(slots.stream().map(Slot::a).toList(), released(slots), releaseS);
  }

  private Set<Integer> assignedIds(List<Slot> slots) {
    Set<Integer> out = new HashSet<>();
    slots.forEach(s -> out.add(s.a().subtaskId()));
    return out;
  }

  private List<Integer> unassigned(List<Slot> slots) {
    Set<Integer> have = assignedIds(slots);
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < problem.subtaskCount(); i++) {
      if (!have.contains(problem.subtask(i).id())) {
        out.add(i);
      }
    }
    return out;
  }

  /** Positions where a subtask may be inserted (Eq. (16)), or null if none. */
  private int[] window(List<Slot> slots, int subtask) {
    int lo = 0;
    int hi = slots.size();
    Set<Integer> preds = new HashSet<>();
    for (int p : problem.predecessors(subtask)) {
      preds.add(problem.subtask(p).id());
    }
    int id = problem.subtask(subtask).id();
    for (int i = 0; i < slots.size(); i++) {
      Slot s = slots.get(i);
      if (s.started() || preds.contains(s.a().subtaskId())) {
        lo = Math.max(lo, i + 1);
      }
      int other = problem.indexOf(s.a().subtaskId());
      for (int p : problem.predecessors(other)) {
        if (problem.subtask(p).id() == id) {
          hi = Math.min(hi, i);
        }
      }
    }
    return lo <= hi ? new int[] {lo, hi} : null;
  }

  /** Inserts every unassigned subtask at its best chain and master, latest position first. */
  private List<Slot> greedyComplete(List<Slot> slots) {
    List<Integer> open = unassigned(slots);
    while (!open.isEmpty()) {
      boolean progressed = false;
      for (int k = 0; k < open.size(); k++) {
        int sub = open.get(k);
        int[] w = window(slots, sub);
        if (w == null || !predecessorsPresent(slots, sub)) {
          continue;
        }
        List<Slot> bestTry = null;
        double bestZ = Double.POSITIVE_INFINITY;
        for (int pos = w[1]; pos >= w[0] && bestTry == null; pos--) {
          for (ActionPathChain chain : problem.chainsOf(sub)) {
            for (Agent master : problem.agentsOfType(chain.agentType())) {
              List<Slot> trial = new ArrayList<>(slots);
              ChainAssignment a =
                  ChainAssignment.alone(problem.subtask(sub).id(), chain, master.id());
              trial.add(pos, new Slot(a, false));
              double z = objective(trial);
              if (z < bestZ) {
                bestZ = z;
                bestTry = trial;
              }
            }
          }
        }
        if (bestTry != null) {
          slots = bestTry;
          open.remove(k);
          progressed = true;
          break;
        }
      }
      if (!progressed) {
        return null;
      }
    }
    return slots;
  }

  private boolean predecessorsPresent(List<Slot> slots, int sub) {
    Set<Integer> have = assignedIds(slots);
    for (int p : problem.predecessors(sub)) {
      if (!have.contains(problem.subtask(p).id())) {
        return false;
      }
    }
    return true;
  }

  /** One structured neighbour (Eqs. (15)-(17)), or null if the move found nothing feasible. */
  private List<Slot> neighbour(List<Slot> current) {
    List<Slot> slots = new ArrayList<>(current);
    List<Integer> movable = new ArrayList<>();
    for (int i = 0; i < slots.size(); i++) {
      if (!slots.get(i).started()) {
        movable.add(i);
      }
    }
    if (movable.isEmpty()) {
      return null;
    }
    // Line 4: with nothing unassigned, withdraw a random chain that has not started.
    int removed = movable.get(random.nextInt(movable.size()));
    int sub = problem.indexOf(slots.remove(removed).a().subtaskId());
    int[] w = window(slots, sub);
    if (w == null) {
      return null;
    }
    int pos = w[0] + random.nextInt(w[1] - w[0] + 1);
    List<ActionPathChain> chains = problem.chainsOf(sub);
    ActionPathChain chain = chains.get(random.nextInt(chains.size()));
    // A few random masters of the chain's type are tried; the best one is kept.
    List<Agent> masters = problem.agentsOfType(chain.agentType());
    Agent master = null;
    double z = Double.POSITIVE_INFINITY;
    for (int tries = 0; tries < MASTER_SAMPLES; tries++) {
      Agent m = masters.get(random.nextInt(masters.size()));
      ChainAssignment a = ChainAssignment.alone(problem.subtask(sub).id(), chain, m.id());
      List<Slot> trial = new ArrayList<>(slots);
      trial.add(pos, new Slot(a, false));
      double tz = objective(trial);
      if (tz < z) {
        z = tz;
        master = m;
      }
    }
    if (master == null) {
      return null;
    }
    slots.add(
        pos, new Slot(ChainAssignment.alone(problem.subtask(sub).id(), chain, master.id()), false));
    // Collaborators, step by step (the paper recomputes Eqs. (15)-(16) before each addition;
    // keeping the chain's position fixed keeps both satisfied).
    for (int k = 0; k < chain.steps().size(); k++) {
      String action = chain.steps().get(k).action();
      for (int tries = 0; tries < 3; tries++) {
        int h = random.nextInt(problem.agents().size());
        if (h == master.id()
            || !problem.canPerform(h, action)
            || slots.get(pos).a().helpers().get(k).contains(h)) {
          continue;
        }
        ChainAssignment more = slots.get(pos).a().withHelper(k, h);
        List<Slot> trial = new ArrayList<>(slots);
        trial.set(pos, new Slot(more, false));
        double tz = objective(trial);
        if (tz < z) {
          slots = trial;
          z = tz;
        }
      }
    }
    return slots;
  }
}
