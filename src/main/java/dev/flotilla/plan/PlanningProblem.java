package dev.flotilla.plan;

import dev.flotilla.plan.chain.ActionPathChain;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything a planner needs: environment, actions, fleet, the R-poset to execute, objective
 * weights and the action-path chains of every subtask (computed once per agent type). Subtasks are
 * addressed by their position in {@code tasks.subtasks()} internally.
 */
public final class PlanningProblem {

  private final Environment env;
  private final Map<String, ActionSpec> actions;
  private final List<Agent> agents;
  private final TaskSpec tasks;
  private final Weights weights;
  private final ChainLibrary chains;
  private final Map<Integer, Integer> indexById;
  private final int[][] predecessors;
  private final int[][] conflicts;
  private final List<List<ActionPathChain>> chainsBySubtask = new ArrayList<>();
  private final ChainNumbers chainNumbers;
  private final Map<String, boolean[]> capable = new HashMap<>();
  private final Map<String, List<Agent>> agentsByType = new HashMap<>();
  private final boolean anySelfLoop;
  private final Set<String> typeNames;
  private final double[] minResourceCost;
  private final double[] minChainTravel;

  /**
   * Builds the problem and looks up the chains of every subtask.
   *
   * @param env the environment
   * @param actions action catalogue by label
   * @param agents the fleet, ids 0..N-1 in order
   * @param tasks the R-poset to execute
   * @param weights alpha, beta, gamma of Eq. (2)
   * @param chains chain library built for the same environment and agent types
   */
  public PlanningProblem(
      Environment env,
      Map<String, ActionSpec> actions,
      List<Agent> agents,
      TaskSpec tasks,
      Weights weights,
      ChainLibrary chains) {
    this.env = env;
    this.actions = Map.copyOf(actions);
    this.chainNumbers = new ChainNumbers(env, this.actions);
    this.agents = List.copyOf(agents);
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).id() != i) {
        throw new IllegalArgumentException("Agent ids must be 0..N-1 in order.");
      }
    }
    this.tasks = tasks;
    this.weights = weights;
    this.chains = chains;
    this.indexById = tasks.indexById();
    Set<String> present = new HashSet<>();
    agents.forEach(a -> present.add(a.type().name()));
    for (Agent a : agents) {
      agentsByType.computeIfAbsent(a.type().name(), k -> new ArrayList<>()).add(a);
    }
    for (String action : actions.keySet()) {
      boolean[] can = new boolean[agents.size()];
      for (Agent a : agents) {
        can[a.id()] = a.type().canPerform(action);
      }
      capable.put(action, can);
    }
    Set<String> names = new LinkedHashSet<>();
    agents.forEach(a -> names.add(a.type().name()));
    typeNames = Collections.unmodifiableSet(names);
    anySelfLoop = tasks.subtasks().stream().anyMatch(st -> !st.forbiddenUntilDone().isEmpty());
    int m = tasks.subtasks().size();
    predecessors = new int[m][];
    conflicts = new int[m][];
    minResourceCost = new double[m];
    minChainTravel = new double[m];
    for (int i = 0; i < m; i++) {
      SubtaskSpec s = tasks.subtasks().get(i);
      predecessors[i] = tasks.predecessors(s.id()).stream().mapToInt(indexById::get).toArray();
      conflicts[i] = tasks.conflictsOf(s.id()).stream().mapToInt(indexById::get).toArray();
      List<ActionPathChain> list =
          chains.chains(s).stream().filter(c -> present.contains(c.agentType())).toList();
      chainsBySubtask.add(list);
      double minR = Double.POSITIVE_INFINITY;
      double minT = Double.POSITIVE_INFINITY;
      for (ActionPathChain c : list) {
        ChainInfo info = info(c);
        minR = Math.min(minR, info.resourceCost());
        minT = Math.min(minT, info.internalTravel());
      }
      minResourceCost[i] = list.isEmpty() ? 0 : minR;
      minChainTravel[i] = list.isEmpty() ? 0 : minT;
    }
    addApproachTravel(m);
  }

  /**
   * Adds to each subtask's travel bound the shortest approach to its chain's first region: a master
   * arrives from its start or from a step of another subtask's chain, nowhere else.
   */
  private void addApproachTravel(int m) {
    Set<Integer> starts = new HashSet<>();
    agents.forEach(a -> starts.add(env.indexOf(a.start())));
    for (int i = 0; i < m; i++) {
      Set<Integer> from = new HashSet<>(starts);
      for (int j = 0; j < m; j++) {
        if (j != i) {
          for (ActionPathChain c : chainsBySubtask.get(j)) {
            for (int r : info(c).regions()) {
              from.add(r);
            }
          }
        }
      }
      double best = Double.POSITIVE_INFINITY;
      for (ActionPathChain c : chainsBySubtask.get(i)) {
        int first = info(c).regions()[0];
        double approach = Double.POSITIVE_INFINITY;
        for (int r : from) {
          approach = Math.min(approach, env.distance(r, first));
        }
        best = Math.min(best, approach + info(c).internalTravel());
      }
      minChainTravel[i] = chainsBySubtask.get(i).isEmpty() ? 0 : best;
    }
  }

  /**
   * Numbers of a chain, computed on first use.
   *
   * @param chain a chain of this problem
   * @return its pre-computed numbers
   */
  ChainInfo info(ActionPathChain chain) {
    return chainNumbers.info(chain);
  }

  /**
   * Stock R_m of a resource key.
   *
   * @param key a key from {@link ChainInfo#resourceKey()}
   * @return units available in total
   */
  int stock(int key) {
    return chainNumbers.stock(key);
  }

  /**
   * Number of resource keys created so far (they grow as chains are looked at).
   *
   * @return count
   */
  int resourceKeyCount() {
    return chainNumbers.resourceKeyCount();
  }

  /**
   * The environment.
   *
   * @return the WTS with resources
   */
  public Environment environment() {
    return env;
  }

  /**
   * The action catalogue.
   *
   * @return actions by label
   */
  public Map<String, ActionSpec> actions() {
    return actions;
  }

  /**
   * The fleet.
   *
   * @return agents, ids 0..N-1
   */
  public List<Agent> agents() {
    return agents;
  }

  /**
   * The R-poset being planned.
   *
   * @return the task spec
   */
  public TaskSpec tasks() {
    return tasks;
  }

  /**
   * Objective weights.
   *
   * @return alpha, beta, gamma
   */
  public Weights weights() {
    return weights;
  }

  /**
   * The chain library.
   *
   * @return chains per agent type
   */
  public ChainLibrary chainLibrary() {
    return chains;
  }

  /**
   * Number of subtasks M.
   *
   * @return M
   */
  public int subtaskCount() {
    return tasks.subtasks().size();
  }

  /**
   * SubtaskSpec at an internal index.
   *
   * @param index position in the task spec
   * @return the subtask
   */
  public SubtaskSpec subtask(int index) {
    return tasks.subtasks().get(index);
  }

  /**
   * Internal index of a subtask id.
   *
   * @param id subtask id
   * @return its position
   */
  public int indexOf(int id) {
    Integer i = indexById.get(id);
    if (i == null) {
      throw new IllegalArgumentException("Unknown subtask id " + id + ".");
    }
    return i;
  }

  /**
   * Whether an agent's type can take part in an action.
   *
   * @param agent agent id
   * @param action action label
   * @return true if its automaton has the action
   */
  boolean canPerform(int agent, String action) {
    boolean[] can = capable.get(action);
    return can != null && can[agent];
  }

  /**
   * Agents of a type, by id.
   *
   * @param type type name
   * @return the agents (empty if none)
   */
  List<Agent> agentsOfType(String type) {
    return agentsByType.getOrDefault(type, List.of());
  }

  /**
   * Whether some subtask has a sigma^s to respect.
   *
   * @return false when every sigma^s is {@code true}
   */
  boolean anySelfLoop() {
    return anySelfLoop;
  }

  int[] predecessors(int index) {
    return predecessors[index];
  }

  int[] conflicts(int index) {
    return conflicts[index];
  }

  /**
   * Chains able to serve a subtask, every type.
   *
   * @param index subtask index
   * @return the chains
   */
  public List<ActionPathChain> chainsOf(int index) {
    return chainsBySubtask.get(index);
  }

  double minResourceCost(int index) {
    return minResourceCost[index];
  }

  /**
   * A lower bound on the objective of any plan from the initial state (Eq. (2) with t_m &gt;= 0):
   * beta times the cheapest resources plus gamma times the shortest travel of every subtask's
   * chain, approach included. Used to report how far a plan can at most be from optimal.
   *
   * @return the bound
   */
  public double lowerBound() {
    double cost = 0;
    double travel = 0;
    for (int i = 0; i < subtaskCount(); i++) {
      cost += minResourceCost[i];
      travel += minChainTravel[i];
    }
    return weights.objective(0, cost, travel);
  }

  double minChainTravel(int index) {
    return minChainTravel[index];
  }

  /**
   * Subtasks no agent type can serve, with the reason, for early rejection.
   *
   * @return readable reasons, empty if every subtask has a chain
   */
  public List<String> unservable() {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < subtaskCount(); i++) {
      if (chainsBySubtask.get(i).isEmpty()) {
        SubtaskSpec s = subtask(i);
        out.add(
            "subtask "
                + s.id()
                + " ("
                + s.proposition()
                + ") has no action-path chain: no agent type can do "
                + s.action()
                + " at "
                + s.region()
                + " with the resources available");
      }
    }
    return out;
  }

  /**
   * Agent type names present in the fleet.
   *
   * @return names in fleet order
   */
  public Set<String> typeNames() {
    return typeNames;
  }
}
