package dev.flotilla.plan.sync;

import dev.flotilla.plan.AgentPlan;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Online master/collaborator synchronization of Section 4.2 of seed 003, as a pure state machine
 * driven by robot events. Rules: (1) a master ignores its collaborators; (2) a master about to
 * perform a core action waits until every order predecessor of its subtask has started and while
 * any conflicting subtask is running (it also waits while a pending sigma^s forbids what it is
 * about to make true); other actions start at once; (3) a collaborator ignores the order and waits
 * until the master has started the step, then joins; (4) a collaborator arriving after the step is
 * done skips to its next step. Decisions are taken one event at a time, so two conflicting masters
 * can never both be told GO. The neighbour set of Eq. (18) tells which masters a master must talk
 * to.
 *
 * <p>Because every robot's steps follow the plan's assignment order, which respects the order
 * relation, waiting never forms a cycle. Time: O(W * M) per event for W waiting robots.
 */
public final class SyncEngine {

  private enum StepState {
    PENDING,
    RUNNING,
    DONE
  }

  private final PlanningProblem problem;
  private final Plan plan;
  private final TaskSpec tasks;
  private final int[] cursor;
  private final boolean[] working;
  private final boolean[] waiting;
  private final Map<String, StepState> steps = new HashMap<>();
  private final Set<Integer> started = new HashSet<>();
  private final Set<Integer> finished = new HashSet<>();
  private final List<Set<String>> done = new ArrayList<>();

  /**
   * Starts synchronizing a fresh plan.
   *
   * @param problem the problem the plan solves (tasks and agents)
   * @param plan the plan being executed
   */
  public SyncEngine(PlanningProblem problem, Plan plan) {
    this(problem, plan, Set.of(), Set.of());
  }

  /**
   * Resumes synchronization, e.g. after replanning: subtasks already started or finished (possibly
   * outside {@code plan}) count as such for the waiting rules.
   *
   * @param problem the problem the plan solves
   * @param plan the plan being executed
   * @param startedSubtasks ids of subtasks whose core action has started
   * @param finishedSubtasks ids of subtasks whose core action has finished
   */
  public SyncEngine(
      PlanningProblem problem,
      Plan plan,
      Set<Integer> startedSubtasks,
      Set<Integer> finishedSubtasks) {
    this.problem = problem;
    this.plan = plan;
    this.tasks = problem.tasks();
    int n = problem.agents().size();
    cursor = new int[n];
    working = new boolean[n];
    waiting = new boolean[n];
    started.addAll(startedSubtasks);
    started.addAll(finishedSubtasks);
    finished.addAll(finishedSubtasks);
    for (int i = 0; i < n; i++) {
      done.add(new HashSet<>());
    }
  }

  /**
   * Carries the execution state over to a new plan after online replanning: subtasks started and
   * finished, steps running or done, and every robot's progress (the leading steps of its new list
   * that it has already done are skipped; a step it is working on stays running). Robots that were
   * told to WAIT must report {@link #arrived} again.
   *
   * @param newProblem the problem the new plan solves (same fleet)
   * @param newPlan the replanned plan
   * @return an engine for the new plan
   */
  public SyncEngine continueWith(PlanningProblem newProblem, Plan newPlan) {
    if (newProblem.agents().size() != cursor.length) {
      throw new IllegalArgumentException("Replanning must keep the fleet.");
    }
    SyncEngine next = new SyncEngine(newProblem, newPlan, started, finished);
    next.steps.putAll(steps);
    for (int a = 0; a < cursor.length; a++) {
      next.done.get(a).addAll(done.get(a));
      List<PlanStep> list = newPlan.agents().get(a).steps();
      int c = 0;
      while (c < list.size() && done.get(a).contains(key(list.get(c)))) {
        c++;
      }
      next.cursor[a] = c;
      PlanStep now = current(a);
      next.working[a] =
          working[a] && c < list.size() && now != null && key(list.get(c)).equals(key(now));
    }
    return next;
  }

  /** Steps are keyed by subtask and position in its chain, which survive replanning. */
  private static String key(PlanStep s) {
    return s.subtaskId() + "/" + s.stepIndex();
  }

  private StepState state(PlanStep s) {
    return steps.getOrDefault(key(s), StepState.PENDING);
  }

  /**
   * The robot's current step.
   *
   * @param agent robot id
   * @return its step, or null when it has none left
   */
  public PlanStep current(int agent) {
    List<PlanStep> list = plan.agents().get(agent).steps();
    return cursor[agent] < list.size() ? list.get(cursor[agent]) : null;
  }

  /**
   * Whether every step of every robot is behind it.
   *
   * @return true when the plan is executed
   */
  public boolean complete() {
    for (AgentPlan a : plan.agents()) {
      if (cursor[a.agentId()] < a.steps().size()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a subtask's core action has started.
   *
   * @param subtaskId subtask id
   * @return true once started
   */
  public boolean hasStarted(int subtaskId) {
    return started.contains(subtaskId);
  }

  /**
   * Whether a subtask's core action has finished.
   *
   * @param subtaskId subtask id
   * @return true once finished
   */
  public boolean hasFinished(int subtaskId) {
    return finished.contains(subtaskId);
  }

  /**
   * A robot reached the region of its current step and asks to start it.
   *
   * @param agent robot id
   * @return decisions: for this robot GO, WAIT or SKIP, plus GO for robots it unblocks
   */
  public List<SyncDecision> arrived(int agent) {
    PlanStep step = current(agent);
    if (step == null) {
      throw new IllegalStateException("Robot " + agent + " has no step left to start.");
    }
    if (working[agent]) {
      throw new IllegalStateException("Robot " + agent + " is already working on " + step + ".");
    }
    List<SyncDecision> out = new ArrayList<>();
    decide(agent, out, true);
    settle(out);
    return out;
  }

  /**
   * A robot finished its current step (for a master: the action is complete).
   *
   * @param agent robot id
   * @return decisions: STOP for collaborators still on the step, SKIP for those waiting to join it,
   *     and GO for robots the end of the step unblocks
   */
  public List<SyncDecision> finished(int agent) {
    PlanStep step = current(agent);
    if (step == null || !working[agent]) {
      throw new IllegalStateException("Robot " + agent + " is not working on a step.");
    }
    List<SyncDecision> out = new ArrayList<>();
    working[agent] = false;
    advance(agent);
    if (step.role() == Role.MASTER) {
      steps.put(key(step), StepState.DONE);
      if (step.core()) {
        finished.add(step.subtaskId());
      }
      for (int other = 0; other < cursor.length; other++) {
        PlanStep s = current(other);
        if (other == agent || s == null || !key(s).equals(key(step))) {
          continue;
        }
        if (working[other]) {
          out.add(new SyncDecision(other, cursor[other], s, SyncCommand.STOP, "master finished"));
          working[other] = false;
          advance(other);
        } else if (waiting[other]) {
          out.add(new SyncDecision(other, cursor[other], s, SyncCommand.SKIP, "already done"));
          waiting[other] = false;
          advance(other);
        }
      }
    }
    settle(out);
    return out;
  }

  private void advance(int agent) {
    done.get(agent).add(key(current(agent)));
    cursor[agent]++;
  }

  /** Re-examines waiting robots until no decision changes. */
  private void settle(List<SyncDecision> out) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int a = 0; a < cursor.length; a++) {
        if (waiting[a] && decide(a, out, false)) {
          changed = true;
        }
      }
    }
  }

  /**
   * Applies rules 1-4 to a robot at its current step.
   *
   * @param report whether to report a WAIT (only on arrival, not on re-examination)
   * @return true when the robot left the waiting state
   */
  private boolean decide(int agent, List<SyncDecision> out, boolean report) {
    PlanStep step = current(agent);
    int index = cursor[agent];
    StepState st = state(step);
    if (step.role() == Role.COLLABORATOR) {
      if (st == StepState.DONE) {
        out.add(new SyncDecision(agent, index, step, SyncCommand.SKIP, "step already done"));
        waiting[agent] = false;
        advance(agent);
        return true;
      }
      if (st == StepState.RUNNING) {
        return go(agent, step, index, out, "joins the master");
      }
      return block(agent, step, index, out, report, "waits for master " + step.master());
    }
    String reason = step.core() ? coreBlocker(step) : null;
    if (reason == null) {
      reason = selfLoopBlocker(agent, step);
    }
    if (reason != null) {
      return block(agent, step, index, out, report, reason);
    }
    steps.put(key(step), StepState.RUNNING);
    if (step.core()) {
      started.add(step.subtaskId());
    }
    return go(agent, step, index, out, step.core() ? "order and conflicts satisfied" : "not core");
  }

  private boolean go(int agent, PlanStep step, int index, List<SyncDecision> out, String why) {
    out.add(new SyncDecision(agent, index, step, SyncCommand.GO, why));
    waiting[agent] = false;
    working[agent] = true;
    return true;
  }

  private boolean block(
      int agent, PlanStep step, int index, List<SyncDecision> out, boolean report, String why) {
    if (report) {
      out.add(new SyncDecision(agent, index, step, SyncCommand.WAIT, why));
    }
    waiting[agent] = true;
    return false;
  }

  private String coreBlocker(PlanStep step) {
    for (int p : tasks.predecessors(step.subtaskId())) {
      if (!started.contains(p)) {
        return "waits for subtask " + p + " to start";
      }
    }
    for (int c : tasks.conflictsOf(step.subtaskId())) {
      if (started.contains(c) && !finished.contains(c)) {
        return "waits for conflicting subtask " + c + " to finish";
      }
    }
    return null;
  }

  private String selfLoopBlocker(int agent, PlanStep step) {
    Agent a = problem.agents().get(agent);
    Set<String> labels =
        ActionPathChainBuilder.labels(a.type(), new ChainStep(step.action(), step.region()));
    ChainAssignment chain = plan.assignments().get(step.chainIndex());
    for (SubtaskSpec s : tasks.subtasks()) {
      boolean own = s.id() == step.subtaskId();
      if (finished.contains(s.id()) || (own && step.stepIndex() >= chain.chain().coreIndex())) {
        continue;
      }
      if (!Collections.disjoint(s.forbiddenUntilDone(), labels)) {
        return "waits for subtask " + s.id() + " (sigma^s forbids " + labels + ")";
      }
    }
    return null;
  }

  /**
   * The neighbour set N_n of Eq. (18): masters of the chains whose subtasks are order- or
   * conflict-related to a subtask this robot is master of.
   *
   * @param agent robot id
   * @return ids of the masters it must communicate with, sorted, itself excluded
   */
  public Set<Integer> neighbours(int agent) {
    Map<Integer, Integer> masterOf = new HashMap<>();
    for (ChainAssignment a : plan.assignments()) {
      masterOf.put(a.subtaskId(), a.master());
    }
    Set<Integer> out = new TreeSet<>();
    for (ChainAssignment a : plan.assignments()) {
      if (a.master() != agent) {
        continue;
      }
      int i = a.subtaskId();
      Set<Integer> related = new HashSet<>(tasks.conflictsOf(i));
      related.addAll(tasks.predecessors(i));
      for (TaskSpec.Order o : tasks.order()) {
        if (o.before() == i) {
          related.add(o.after());
        }
      }
      for (int j : related) {
        Integer m = masterOf.get(j);
        if (m != null && m != agent) {
          out.add(m);
        }
      }
    }
    return out;
  }
}
