package dev.flotilla.fleet.ltl;

import dev.flotilla.ltl.LtlCompilation;
import dev.flotilla.ltl.LtlCompiler;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.CpSatPlanner;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.PlanResult;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.PlanningSession;
import dev.flotilla.plan.Replanning;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.task.LtlTaskCompiler;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskCompilation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The planner node's LTL side as plain Java (no ROS): checks each task formula on its own, plans
 * the first ones together offline ({@link PlanningSession#planOffline}, branch and bound, §3 of
 * seed 003) once {@code ltl_offline_window} has passed since the first of them arrived, and adds
 * later ones online ({@link PlanningSession#addOnline}, poset product, §4.1, replanned by {@link
 * dev.flotilla.plan.CpSatReplanner}: Algorithm 2's insertion seeding CP-SAT) with
 * release time = now − epoch, where the epoch is the time the offline plan was made. A formula is
 * accepted only once it is in the running plan; a formula the planner refuses leaves the running
 * plan as it was, so accepted tasks are never lost. Not thread-safe.
 *
 * <p>Online formulas keep the chains that have started out of the replanning (§4.1). Which have
 * started is learnt from the synchronizer's GO orders ({@link #onGo}); until the first GO for the
 * running plan arrives (e.g. no synchronizer runs), the plan's planned times stand in for them.
 *
 * <p>Each step carries the task id of the first accepted task (in acceptance order) whose formula
 * mentions the step's subtask proposition {@code a_r}; a subtask shared by several formulas after
 * the poset product carries the first one's id.
 *
 * <p>An operator may {@link #cancel} a task (its subtasks leave the plan, the rest is re-timed
 * without a search) and {@link #pause} a robot (its unfinished chains move to robots of its type,
 * {@link LtlWorkMover}); a robot the synchronizer declares failed is handled as paused ({@link
 * #fail}, {@link #recover}), except that only its reported finishes count. All keep every step
 * a robot reported reaching or finishing at its index ({@link #onStepReport}), since robots and
 * the synchronizer know their progress by index.
 *
 * <p>{@link #record()} is what a journal keeps; {@link #restore} brings the plan back from it
 * after a restart without searching, since a time-budgeted search would find another plan.
 */
public final class LtlTaskPlanner {

  /** What happened to one LTL task. */
  public sealed interface Outcome {
    /** @return the task's id */
    String taskId();
  }

  /**
   * The formula is in the running plan.
   *
   * @param taskId task id
   * @param detail e.g. "planned offline with 2 other formulas"
   */
  public record Accepted(String taskId, String detail) implements Outcome {}

  /**
   * The formula was refused; the running plan is unchanged.
   *
   * @param taskId task id
   * @param reason a plain sentence
   */
  public record Rejected(String taskId, String reason) implements Outcome {}

  /** What cancelling an LTL task did ({@link #cancel}). */
  public sealed interface CancelResult {
    /** @return the task's id */
    String taskId();
  }

  /**
   * The task left the plan (or the queue of the offline plan); the version went up when the
   * plan changed.
   *
   * @param taskId task id
   * @param robots robots that had steps of it in the plan, in agent order
   * @param planChanged whether a new plan version was made
   * @param detail a plain sentence
   */
  public record Cancelled(String taskId, List<String> robots, boolean planChanged, String detail)
      implements CancelResult {}

  /**
   * Nothing was cancelled.
   *
   * @param taskId task id
   * @param reason a plain sentence
   */
  public record NotCancelled(String taskId, String reason) implements CancelResult {}

  /**
   * What pausing a robot ({@link #pause}) or its failure ({@link #fail}) did to the LTL plan.
   *
   * @param robotId robot
   * @param planChanged whether a new plan version was made
   * @param movedTasks ids of the tasks whose chains moved to other robots
   * @param unassignable per task id left on the robot, why (its steps wait for a resume or a
   *     recovery)
   */
  public record PauseResult(String robotId, boolean planChanged, List<String> movedTasks,
      Map<String, String> unassignable) {}

  /**
   * What a failed robot's recovery did ({@link #recover}).
   *
   * @param robotId robot
   * @param recovered whether it was failed (else nothing changed)
   * @param planChanged whether a new plan version was made: the robot still holds unfinished LTL
   *     steps, and a robot declared failed acts again only on a plan version newer than the one
   *     in force when it was declared failed
   */
  public record Recovery(String robotId, boolean recovered, boolean planChanged) {}

  private record Task(String id, String formula, Set<String> propositions) {}

  private final LtlSettings params;
  private final LtlFleet fleet;
  private final LtlTaskCompiler compiler;
  private PlanningSession session;
  /** The successful planning calls, for the journal ({@link #record()}). */
  private final List<LtlSessionRecord.Call> calls = new ArrayList<>();
  private final List<Task> pending = new ArrayList<>();
  private final List<Task> accepted = new ArrayList<>();
  private final Map<String, Map<String, Integer>> addedResources = new LinkedHashMap<>();
  private final Set<Integer> startedChains = new HashSet<>();
  private final Set<String> cancelled = new LinkedHashSet<>();
  /** Cancelled tasks that were in a plan, in acceptance order: their finished chains stay. */
  private final List<Task> retired = new ArrayList<>();
  /**
   * Steps robots reported reaching or finishing ({@link #onStepReport}), as {@link #stepKey}: a
   * change of the plan must keep each at its index in its robot's list, since robots (and the
   * synchronizer) know their progress by step index.
   */
  private final Set<String> reported = new HashSet<>();
  /** Robots paused by an operator: their unfinished chains move, no new work is planned there. */
  private final Set<String> paused = new LinkedHashSet<>();
  /**
   * Robots the synchronizer declared failed (no heartbeat): their unfinished chains move like a
   * paused robot's, judged finished only by {@link #completed} reports, since a failed robot
   * finishes nothing whatever the plan's times say.
   */
  private final Set<String> failed = new LinkedHashSet<>();
  /** The {@link #reported} steps robots reported finishing. */
  private final Set<String> completed = new HashSet<>();
  private boolean goSeen;
  private double firstPendingAt = Double.NaN;
  private double epoch = Double.NaN;
  private long version;

  /**
   * @param params the planner's LTL settings, enabled
   * @param fleet robots to agents
   */
  public LtlTaskPlanner(LtlSettings params, LtlFleet fleet) {
    if (!params.enabled()) {
      throw new IllegalArgumentException("LTL planning needs a scenario.");
    }
    this.params = params;
    this.fleet = fleet;
    this.compiler = new LtlTaskCompiler(fleet.scenario());
    this.session = newSession();
  }

  private PlanningSession newSession() {
    return new PlanningSession(fleet.scenario(), fleet.agentCounts(), params.weights(),
        params.offline(), params.online());
  }

  /**
   * Takes a new LTL task: checks its formula on its own, then queues it for the offline plan
   * (before the first plan) or plans it online at once.
   *
   * @param taskId task id, unique
   * @param formula formula text
   * @param now node time in seconds
   * @return outcomes decided now (none while the task waits for the offline plan)
   */
  public List<Outcome> submit(String taskId, String formula, double now) {
    Optional<String> problem = check(formula);
    if (problem.isPresent()) {
      return List.of(new Rejected(taskId, problem.get()));
    }
    Task task = new Task(taskId, formula, propositions(formula));
    if (session.plan() == null) {
      if (pending.isEmpty()) {
        firstPendingAt = now;
      }
      pending.add(task);
      return params.offlineWindowS() == 0 ? planPending(now) : List.of();
    }
    Outcome o = online(task, now);
    if (o instanceof Accepted) {
      version++;
    }
    return List.of(o);
  }

  /**
   * Plans the queued tasks offline once the window has passed.
   *
   * @param now node time in seconds
   * @return the queued tasks' outcomes, or nothing when it is not time yet
   */
  public List<Outcome> tick(double now) {
    if (pending.isEmpty() || now - firstPendingAt < params.offlineWindowS()) {
      return List.of();
    }
    return planPending(now);
  }

  private List<Outcome> planPending(double now) {
    List<Task> batch = List.copyOf(pending);
    pending.clear();
    List<Outcome> out = new ArrayList<>();
    PlanResult all = session.planOffline(batch.stream().map(Task::formula).toList());
    if (all instanceof PlanResult.Planned) {
      epoch = now;
      version++;
      accepted.addAll(batch);
      calls.add(offlineCall(batch));
      if (!paused.isEmpty() || !failed.isEmpty()) {
        moveOffPaused(Set.of(), 0);
      }
      for (Task t : batch) {
        out.add(new Accepted(t.id(), "planned offline with " + (batch.size() - 1)
            + " other formula(s)"));
      }
      return out;
    }
    // Together they fail (e.g. one needs resources that only appear online): plan them one by
    // one, the first offline and the rest online, so that each refusal names its own formula.
    for (Task t : batch) {
      if (session.plan() == null) {
        PlanResult r = session.planOffline(List.of(t.formula()));
        if (r instanceof PlanResult.Infeasible inf) {
          out.add(new Rejected(t.id(), inf.reason()));
        } else {
          epoch = now;
          accepted.add(t);
          calls.add(offlineCall(List.of(t)));
          out.add(new Accepted(t.id(), "planned offline"));
        }
      } else {
        out.add(online(t, now));
      }
    }
    if (out.stream().anyMatch(o -> o instanceof Accepted)) {
      version++;
    }
    return out;
  }

  private Outcome online(Task task, double now) {
    Map<String, Map<String, Integer>> resources =
        params.onlineResources().getOrDefault(LtlSettings.normalize(task.formula()), Map.of());
    // Resolved here rather than in the session so that the journal holds the set actually used.
    Set<Integer> started = goSeen ? Set.copyOf(startedChains)
        : SimulatedAnnealingReplanner.startedBy(session.plan(), now - epoch);
    // CpSatReplanner: Algorithm 2's greedy insertion hinted into a CP-SAT re-solve of the work
    // not started, within the annealing's budget, on one thread (the node shares its cores).
    PlanResult r = session.addOnline(task.formula(), now - epoch, resources, started,
        Replanning.cpSat(new CpSatPlanner.Config(params.online().timeBudgetS(), 1,
            (int) params.online().seed())));
    if (r instanceof PlanResult.Infeasible inf) {
      return new Rejected(task.id(), inf.reason());
    }
    accepted.add(task);
    calls.add(new LtlSessionRecord.Call(List.of(task.id()), List.of(task.formula()), true,
        now - epoch, resources, started, session.plan().assignments()));
    resources.forEach((region, kinds) -> kinds.forEach((kind, units) -> addedResources
        .computeIfAbsent(region, k -> new LinkedHashMap<>()).merge(kind, units, Integer::sum)));
    // The replanner knows no pauses: what it gave to a paused robot moves (a call of its own).
    moveOffPaused(started, now - epoch);
    return new Accepted(task.id(), String.format(Locale.ROOT,
        "planned online at %.3f s after the plan's epoch", now - epoch));
  }

  private LtlSessionRecord.Call offlineCall(List<Task> batch) {
    return new LtlSessionRecord.Call(batch.stream().map(Task::id).toList(),
        batch.stream().map(Task::formula).toList(), false, 0, Map.of(), Set.of(),
        session.plan().assignments());
  }

  /**
   * Takes an accepted LTL task out of the plan: the subtasks only its formula asks for (their
   * action-at-region no other accepted formula mentions) leave the R-poset's problem, the order
   * among the others stays (constraints through the cancelled subtasks included), and the rest
   * is timed again from now without a search: started chains keep their times, the others may
   * not start before now. Chains of the task that started but are not finished are dropped too,
   * so their robots' current steps end; finished ones (started, every step due to end by now)
   * stay as history under the task's id, so every robot's finished steps keep their indices.
   * A task still waiting for the offline plan just leaves the queue.
   *
   * @param taskId task id
   * @param now node time in seconds
   * @return what was done, or why nothing was (unknown, refused, already cancelled, finished)
   */
  public CancelResult cancel(String taskId, double now) {
    if (cancelled.contains(taskId)) {
      return new NotCancelled(taskId, "LTL task '" + taskId + "' was already cancelled; "
          + "nothing to cancel");
    }
    for (Task t : pending) {
      if (t.id().equals(taskId)) {
        pending.remove(t);
        cancelled.add(taskId);
        return new Cancelled(taskId, List.of(), false, "cancelled before it was planned");
      }
    }
    int index = acceptedTaskIds().indexOf(taskId);
    if (index < 0) {
      return new NotCancelled(taskId, "LTL task '" + taskId + "' is not in the LTL plan "
          + "(unknown or refused); nothing to cancel");
    }
    Task task = accepted.get(index);
    Set<String> others = new HashSet<>();
    for (Task t : accepted) {
      if (t != task) {
        others.addAll(t.propositions());
      }
    }
    Set<Integer> exclusive = new HashSet<>();
    for (SubtaskSpec s : session.problem().tasks().subtasks()) {
      if (task.propositions().contains(s.proposition()) && !others.contains(s.proposition())) {
        exclusive.add(s.id());
      }
    }
    double release = now - epoch;
    Set<Integer> started = new HashSet<>(startedNow(release));
    // Finished chains stay: they are history, and the robots' finished steps keep their indices.
    Set<Integer> drop = new HashSet<>(exclusive);
    drop.removeAll(finished(exclusive, started, release));
    if (!exclusive.isEmpty() && drop.isEmpty()) {
      return new NotCancelled(taskId, "LTL task '" + taskId + "' is finished (every step of it "
          + "started and was due to end before now); nothing to cancel");
    }
    int pinned = pinShifting(drop);
    if (!exclusive.isEmpty() && drop.isEmpty()) {
      return new NotCancelled(taskId, "LTL task '" + taskId + "' cannot leave the plan: robots "
          + "have done steps of it and moved on; nothing to cancel");
    }
    List<String> robots = robotsOf(drop);
    List<ChainAssignment> kept = session.plan().assignments().stream()
        .filter(a -> !drop.contains(a.subtaskId())).toList();
    started.removeAll(drop);
    PlanResult r = session.replace(index, kept, started, release);
    if (r instanceof PlanResult.Infeasible inf) {
      return new NotCancelled(taskId, "LTL task '" + taskId + "' could not be taken out of the "
          + "plan: " + inf.reason());
    }
    retired.add(accepted.remove(index));
    cancelled.add(taskId);
    startedChains.removeAll(drop);
    calls.add(new LtlSessionRecord.Call(List.of(taskId), List.of(), true, release, Map.of(),
        started, session.plan().assignments(), LtlSessionRecord.Call.CANCEL));
    version++;
    return new Cancelled(taskId, robots, true, (drop.isEmpty()
        ? "its subtasks are shared with other tasks and stay in the plan"
        : drop.size() + " subtask(s) left the plan, the rest was re-timed from now")
        + (pinned == 0 ? "" : "; " + pinned + " chain(s) of it stay, since robots did part of "
            + "them and moved on"));
  }

  private Set<Integer> startedNow(double release) {
    return goSeen ? Set.copyOf(startedChains)
        : SimulatedAnnealingReplanner.startedBy(session.plan(), release);
  }

  /**
   * Keeps in the plan the chains whose removal would move a reported step to another index: a
   * chain with a step on robot R before a step R reported that stays. Repeated until nothing
   * changes, since a kept chain may hold reported steps itself.
   *
   * @param drop subtasks to drop; the pinned ones are removed from it
   * @return how many were pinned
   */
  private int pinShifting(Set<Integer> drop) {
    int pinned = 0;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (var agent : session.plan().agents()) {
        int lastKept = -1;
        List<PlanStep> steps = agent.steps();
        for (int i = 0; i < steps.size(); i++) {
          if (!drop.contains(steps.get(i).subtaskId())
              && reported.contains(stepKey(agent.agentId(), steps.get(i)))) {
            lastKept = i;
          }
        }
        for (int i = 0; i < lastKept; i++) {
          if (drop.remove(steps.get(i).subtaskId())) {
            pinned++;
            changed = true;
          }
        }
      }
    }
    return pinned;
  }

  /** The subtasks whose chain started and whose every step was due to end by the release. */
  private Set<Integer> finished(Set<Integer> subtasks, Set<Integer> started, double release) {
    Set<Integer> out = new HashSet<>(subtasks);
    out.retainAll(started);
    for (var agent : session.plan().agents()) {
      for (var s : agent.steps()) {
        if (s.finishS() > release) {
          out.remove(s.subtaskId());
        }
      }
    }
    return out;
  }

  private List<String> robotsOf(Set<Integer> subtasks) {
    List<String> out = new ArrayList<>();
    for (var agent : session.plan().agents()) {
      if (agent.steps().stream().anyMatch(s -> subtasks.contains(s.subtaskId()))) {
        out.add(fleet.robotOfAgent().get(agent.agentId()));
      }
    }
    return out;
  }

  /**
   * Takes a robot out of the LTL pool (operator pause): its unfinished chains move to other robots
   * of its agent type ({@link LtlWorkMover}), the plan is timed again from now, and later formulas
   * give it no work until {@link #resume}. Chains no other robot can take stay on it, each with the
   * reason.
   *
   * @param robotId robot
   * @param now node time in seconds
   * @return what moved; {@code planChanged} (a new version to publish) false when the robot is
   *     no LTL agent, was already paused, or had no unfinished LTL work
   */
  public PauseResult pause(String robotId, double now) {
    if (!fleet.robotOfAgent().contains(robotId) || !paused.add(robotId)
        || session.plan() == null) {
      return new PauseResult(robotId, false, List.of(), Map.of());
    }
    return takeOut(robotId, now);
  }

  /**
   * Takes a failed robot (the synchronizer's {@code robot_failed}) out of the LTL pool: as {@link
   * #pause}, except that it finishes nothing any more, so the chain it was in the middle of (and
   * any chain of it whose planned end has passed) counts as finished only when it reported
   * finishing every step of it; the others move to robots of its type when that keeps every
   * reported step at its index, else stay with the reason. A robot already failed changes
   * nothing (duplicate reports).
   *
   * @param robotId robot
   * @param now node time in seconds
   * @return what moved; {@code planChanged} false when the robot is no LTL agent, was already
   *     failed, or had no unfinished LTL work
   */
  public PauseResult fail(String robotId, double now) {
    if (!fleet.robotOfAgent().contains(robotId) || !failed.add(robotId)
        || session.plan() == null) {
      return new PauseResult(robotId, false, List.of(), Map.of());
    }
    return takeOut(robotId, now);
  }

  private PauseResult takeOut(String robotId, double now) {
    double release = now - epoch;
    long before = version;
    LtlWorkMover.Moves m = moveOffPaused(startedNow(release), release);
    Map<String, String> stuck = new LinkedHashMap<>();
    m.stuck().forEach((id, why) -> stuck.putIfAbsent(taskIdOf(id), why));
    List<String> movedTasks = m.moved().stream().map(this::taskIdOf).distinct().sorted().toList();
    if (!stuck.isEmpty() && version == before) {
      // The same plan, published again with what could not move: consumers need a new version.
      version++;
    }
    return new PauseResult(robotId, version != before, movedTasks, stuck);
  }

  /**
   * Moves unfinished work off paused robots when there is some; a new version when it moved.
   *
   * @return the moves (none moved when nothing had to)
   */
  private LtlWorkMover.Moves moveOffPaused(Set<Integer> started, double release) {
    Set<Integer> agents = agentsOf(paused);
    Set<Integer> failedAgents = agentsOf(failed);
    agents.addAll(failedAgents);
    LtlWorkMover.Moves m = LtlWorkMover.move(session.problem(), session.plan(), agents,
        failedAgents, started, finishedForMove(failedAgents, started, release), release,
        reported, completed);
    if (m.moved().isEmpty()) {
      return m;
    }
    PlanResult r = session.replace(-1, m.assignments(), m.started(), release);
    if (r instanceof PlanResult.Infeasible) {
      return new LtlWorkMover.Moves(session.plan().assignments(), started, Set.of(),
          m.stuck());
    }
    startedChains.removeAll(m.moved());
    calls.add(new LtlSessionRecord.Call(List.of(), List.of(), true, release, Map.of(),
        m.started(), session.plan().assignments(), LtlSessionRecord.Call.MOVE));
    version++;
    return m;
  }

  private Set<Integer> agentsOf(Set<String> robots) {
    Set<Integer> out = new HashSet<>();
    for (int a = 0; a < fleet.robotOfAgent().size(); a++) {
      if (robots.contains(fleet.robotOfAgent().get(a))) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Chains that stay where they are: one with a failed agent when that agent reported finishing
   * each of its steps of it; any other when it started and its last step was due to end by the
   * release.
   */
  private Set<Integer> finishedForMove(Set<Integer> failedAgents, Set<Integer> started,
      double release) {
    Map<Integer, Double> lastFinish = new HashMap<>();
    Set<Integer> undone = new HashSet<>();
    for (var agent : session.plan().agents()) {
      for (PlanStep s : agent.steps()) {
        lastFinish.merge(s.subtaskId(), s.finishS(), Math::max);
        if (failedAgents.contains(agent.agentId())
            && !completed.contains(stepKey(agent.agentId(), s))) {
          undone.add(s.subtaskId());
        }
      }
    }
    Set<Integer> out = new HashSet<>();
    for (ChainAssignment a : session.plan().assignments()) {
      int id = a.subtaskId();
      if (LtlWorkMover.involves(a, failedAgents) ? !undone.contains(id)
          : started.contains(id) && lastFinish.getOrDefault(id, 0.0) <= release) {
        out.add(id);
      }
    }
    return out;
  }

  /**
   * Puts a paused robot back in the LTL pool: later formulas may give it work. The running plan
   * is not changed (what moved stays moved).
   *
   * @param robotId robot
   * @return whether it was paused
   */
  public boolean resume(String robotId) {
    return paused.remove(robotId);
  }

  /** @return robots paused in the LTL pool */
  public Set<String> paused() {
    return Set.copyOf(paused);
  }

  /**
   * Puts a failed robot back in the LTL pool (the synchronizer's {@code robot_recovered}): later
   * formulas may give it work; what moved stays moved. When it still holds steps it did not
   * report finishing (work that could not move), the plan gets a new version, the same plan:
   * the robot dropped its plan when declared failed and acts again only on a newer one.
   *
   * @param robotId robot
   * @return what changed
   */
  public Recovery recover(String robotId) {
    if (!failed.remove(robotId)) {
      return new Recovery(robotId, false, false);
    }
    int agent = fleet.robotOfAgent().indexOf(robotId);
    boolean holds = session.plan() != null && session.plan().agents().get(agent).steps().stream()
        .anyMatch(s -> !completed.contains(stepKey(agent, s)));
    if (holds) {
      version++;
    }
    return new Recovery(robotId, true, holds);
  }

  /** @return robots declared failed that have not recovered */
  public Set<String> failed() {
    return Set.copyOf(failed);
  }

  /**
   * Notes a task cancelled by an earlier run that never entered a plan (planner restart), so that
   * cancelling it again says so.
   *
   * @param taskId task id
   */
  public void cancelledBefore(String taskId) {
    cancelled.add(taskId);
  }

  /** @return ids of LTL tasks cancelled */
  public Set<String> cancelledTaskIds() {
    return Set.copyOf(cancelled);
  }

  /**
   * What to journal so that {@link #restore} can bring the running plan back exactly.
   *
   * @return the record, or null before the first plan
   */
  public LtlSessionRecord record() {
    return session.plan() == null ? null
        : new LtlSessionRecord(epoch, calls, startedChains, goSeen, paused, reported, failed,
            completed);
  }

  /**
   * Brings back the plan of an earlier run (planner restart) from its journal record: the calls
   * are replayed, each rebuilding its problem and timing its journaled assignments instead of
   * searching, so robots, steps, step indices and times relative to the original epoch are those
   * of the plan in force before the crash. On success the version goes up by one (call {@link
   * #versionAtLeast} first), so the republished plan supersedes the last one published. On
   * failure nothing is restored and the planner is as new.
   *
   * @param record a record from {@link #record()} of a planner with the same parameters
   * @return why the record does not fit (e.g. the scenario file changed), or nothing
   */
  public Optional<String> restore(LtlSessionRecord record) {
    if (session.plan() != null || !pending.isEmpty()) {
      throw new IllegalStateException("Restore before any LTL task is submitted.");
    }
    for (LtlSessionRecord.Call c : record.calls()) {
      int forget = c.change().equals(LtlSessionRecord.Call.CANCEL) && !c.taskIds().isEmpty()
          ? acceptedTaskIds().indexOf(c.taskIds().get(0)) : -1;
      PlanResult r = !c.change().isEmpty()
          ? session.replace(forget, c.assignments(), c.started(), c.releaseS())
          : c.online()
          ? session.restoreOnline(c.formulas().get(0), c.releaseS(), c.resources(), c.started(),
              c.assignments())
          : session.restoreOffline(c.formulas(), c.assignments());
      if (r instanceof PlanResult.Infeasible inf) {
        String why = "the plan of " + c.taskIds() + " no longer fits: " + inf.reason();
        session = newSession();
        accepted.clear();
        cancelled.clear();
        retired.clear();
        calls.clear();
        addedResources.clear();
        return Optional.of(why);
      }
      if (forget >= 0) {
        Task gone = accepted.remove(forget);
        retired.add(gone);
        cancelled.add(gone.id());
      }
      if (!c.change().isEmpty()) {
        calls.add(c);
        continue;
      }
      for (int i = 0; i < c.taskIds().size(); i++) {
        accepted.add(new Task(c.taskIds().get(i), c.formulas().get(i),
            propositions(c.formulas().get(i))));
      }
      c.resources().forEach((region, kinds) -> kinds.forEach((kind, units) -> addedResources
          .computeIfAbsent(region, k -> new LinkedHashMap<>()).merge(kind, units, Integer::sum)));
      calls.add(c);
    }
    epoch = record.epoch();
    startedChains.addAll(record.startedChains());
    goSeen = record.goSeen();
    paused.addAll(record.paused());
    reported.addAll(record.reported());
    failed.addAll(record.failed());
    completed.addAll(record.completed());
    version++;
    return Optional.empty();
  }

  /**
   * Records a GO of the synchronizer: when it names a master step of the running plan, that
   * step's chain has started. The order's {@code plan_version} is the allocator's, so the step is
   * recognised by robot, index and task id.
   *
   * @param robotId robot
   * @param taskId task id of the step
   * @param stepIndex index of the step in the robot's LTL plan
   * @return whether the order named a step of the running plan
   */
  public boolean onGo(String robotId, String taskId, int stepIndex) {
    int agent = fleet.robotOfAgent().indexOf(robotId);
    if (session.plan() == null || agent < 0) {
      return false;
    }
    var steps = session.plan().agents().get(agent).steps();
    if (stepIndex < 0 || stepIndex >= steps.size()
        || !taskIdOf(steps.get(stepIndex).subtaskId()).equals(taskId)) {
      return false;
    }
    goSeen = true;
    var step = steps.get(stepIndex);
    if (step.role() == Role.MASTER) {
      startedChains.add(step.subtaskId());
    }
    return true;
  }

  /**
   * Records a robot's report that it reached or finished a step of the running plan (its
   * {@code task_started} / {@code task_completed} events): such a step must keep its index when
   * the plan changes.
   *
   * @param robotId robot
   * @param taskId task id of the step
   * @param stepIndex index of the step in the robot's LTL plan
   * @return whether the report named a step of the running plan not reported before
   */
  public boolean onStepReport(String robotId, String taskId, int stepIndex) {
    return onStepReport(robotId, taskId, stepIndex, false);
  }

  /**
   * As {@link #onStepReport(String, String, int)}, telling a finish ({@code task_completed}) from
   * a start: a failed robot's chain counts as done only by its finishes.
   *
   * @param robotId robot
   * @param taskId task id of the step
   * @param stepIndex index of the step in the robot's LTL plan
   * @param finished whether the robot finished the step (else it reached it)
   * @return whether the report named a step of the running plan not reported so before
   */
  public boolean onStepReport(String robotId, String taskId, int stepIndex, boolean finished) {
    int agent = fleet.robotOfAgent().indexOf(robotId);
    if (session.plan() == null || agent < 0) {
      return false;
    }
    var steps = session.plan().agents().get(agent).steps();
    if (stepIndex < 0 || stepIndex >= steps.size()
        || !taskIdOf(steps.get(stepIndex).subtaskId()).equals(taskId)) {
      return false;
    }
    String key = stepKey(agent, steps.get(stepIndex));
    return reported.add(key) | (finished && completed.add(key));
  }

  static String stepKey(int agent, PlanStep s) {
    return stepKey(agent, s.subtaskId(), s.stepIndex());
  }

  /** The key of agent {@code agent}'s step {@code chainStep} of subtask {@code subtaskId}. */
  static String stepKey(int agent, int subtaskId, int chainStep) {
    return agent + "/" + subtaskId + "/" + chainStep;
  }

  /** @return subtask ids whose chain has started according to the synchronizer's GO orders */
  public Set<Integer> startedChains() {
    return Set.copyOf(startedChains);
  }

  /**
   * Compiles a formula into the compiler's shared cache, within its budget ({@link
   * LtlCompiler}), so that {@link #submit} finds it compiled. Safe from any thread: a node calls
   * it off its message thread. Never throws for a bad formula (the rejection is cached too).
   *
   * @param formula formula text
   */
  public static void precompile(String formula) {
    try {
      new LtlCompiler().compile(formula);
    } catch (RuntimeException e) {
      // submit() compiles again on the caller's thread and reports the failure there.
    }
  }

  /**
   * Checks one formula on its own: syntax (with column), co-safety, satisfiability, an R-poset the
   * planner supports, and for every subtask an agent type present in the fleet that can do its
   * action.
   *
   * @param formula formula text
   * @return why it cannot be planned, or nothing
   */
  public Optional<String> check(String formula) {
    if (fleet.isEmpty()) {
      return Optional.of("No robot has an agent_type of the LTL scenario, so no LTL task can be "
          + "planned.");
    }
    TaskCompilation tc = compiler.offline(List.of(formula));
    if (tc instanceof TaskCompilation.Rejected r) {
      return Optional.of(r.reason());
    }
    if (((TaskCompilation.Compiled) tc).formulas().stream()
        .anyMatch(LtlCompilation.Compiled::anchored)) {
      // Its R-posets hold only for words read from its first action with an idle moment between
      // actions; the plan's word starts at the plan's epoch and interleaves other tasks.
      return Optional.of("The formula is satisfiable, but only if one of its actions comes first "
          + "or its actions are separated by moments without them (e.g. 'a U b', or a, then !a, "
          + "then a); the fleet planner cannot keep other tasks' actions out of that, so it does "
          + "not plan it.");
    }
    Set<String> present = fleet.agentCounts().keySet();
    for (SubtaskSpec s : ((TaskCompilation.Compiled) tc).spec().subtasks()) {
      boolean capable = false;
      for (String typeName : present) {
        AgentType t = fleet.scenario().agentTypes().get(typeName);
        capable |= t.canPerform(s.action()) && !s.excludedTypeLabels().contains(t.label());
      }
      if (!capable) {
        return Optional.of("No agent type in the fleet " + present + " can perform action '"
            + s.action() + "' (" + s.proposition() + ").");
      }
    }
    return Optional.empty();
  }

  private Set<String> propositions(String formula) {
    LtlCompilation c = compiler.compileFormula(formula);
    return c instanceof LtlCompilation.Compiled ok ? ok.formula().propositions() : Set.of();
  }

  /**
   * @param subtaskId a subtask of the running plan
   * @return the id of the task it serves (see the class comment)
   */
  public String taskIdOf(int subtaskId) {
    SubtaskSpec s = session.problem().subtask(session.problem().indexOf(subtaskId));
    for (Task t : accepted) {
      if (t.propositions().contains(s.proposition())) {
        return t.id();
      }
    }
    // A finished chain of a cancelled task keeps its task's id.
    for (Task t : retired) {
      if (t.propositions().contains(s.proposition())) {
        return t.id();
      }
    }
    return accepted.isEmpty() ? "" : accepted.get(0).id();
  }

  /** @return the running plan, or null before the first */
  public Plan plan() {
    return session.plan();
  }

  /** @return the problem the running plan solves, or null before the first plan */
  public PlanningProblem problem() {
    return session.problem();
  }

  /** @return whether every accepted formula accepts the running plan's word */
  public boolean planSatisfiesFormulas() {
    return session.planSatisfiesFormulas();
  }

  /** @return node time that plan time 0 stands for, seconds; NaN before the first plan */
  public double epoch() {
    return epoch;
  }

  /** @return the plan version: 0 before the first plan, then +1 per call that changed the plan */
  public long version() {
    return version;
  }

  /**
   * Continues the version sequence of an earlier run (planner restart): the next plan gets a
   * version above {@code seen}, so consumers that dropped stale versions take it.
   *
   * @param seen the highest version published before
   */
  public void versionAtLeast(long seen) {
    version = Math.max(version, seen);
  }

  /** @return resources added by online formulas so far (region to kind to units) */
  public Map<String, Map<String, Integer>> addedResources() {
    return addedResources;
  }

  /** @return the fleet mapping */
  public LtlFleet fleet() {
    return fleet;
  }

  /** @return ids of the accepted tasks, in acceptance order */
  public List<String> acceptedTaskIds() {
    return accepted.stream().map(Task::id).toList();
  }

  /** @return ids of tasks waiting for the offline plan */
  public List<String> pendingTaskIds() {
    return pending.stream().map(Task::id).toList();
  }
}
