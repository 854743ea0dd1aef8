package dev.flotilla.fleet.ltl;

import dev.flotilla.model.SyncOrder;
import dev.flotilla.plan.ChainAssignment;
import dev.flotilla.plan.PlanStep;
import dev.flotilla.plan.PlanningProblem;
import dev.flotilla.plan.Role;
import dev.flotilla.plan.chain.ActionPathChainBuilder;
import dev.flotilla.plan.chain.ChainLibrary;
import dev.flotilla.plan.chain.ChainStep;
import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.Agent;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.plan.sync.SyncDecision;
import dev.flotilla.plan.sync.SyncEngine;
import dev.flotilla.plan.task.SubtaskSpec;
import dev.flotilla.plan.task.TaskSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The synchronizer node's LTL side as plain Java (no ROS): online synchronization of seed 003
 * §4.2 on the plan described by the planner's {@link LtlPlanDocument}s, driven by robots' step
 * reports. It rebuilds the planning problem from the document (scenario text, resources added
 * online, agents, R-poset; nothing is re-planned), runs a {@link SyncEngine} on it (rules 1-4:
 * masters wait on order predecessors and running conflicts, collaborators wait for their master
 * and skip a step already done) and carries the execution state over with
 * {@link SyncEngine#continueWith} when a new plan version arrives. Robots told to WAIT before a new
 * version are examined again on it when the new version keeps them on the step they wait at; a
 * robot the new version sends elsewhere is not there yet, so it gets no order until it reports
 * arriving at its new step (an order sent earlier would be refused by the robot as not its current
 * step, and its later arrival would look like a second start).
 *
 * <p>The plan reaches robots (through the allocator) and the synchronizer (from the planner) on
 * different paths, so a robot may arrive at a step of a version the synchronizer does not have
 * yet: a robot already standing at its first step reports arriving at once. Robots report an
 * arrival once, so such an early arrival is kept (the newest per robot) and answered when a plan
 * version that has the robot on that step arrives; dropping it left the robot waiting for ever.
 *
 * <p>A WAIT names whom it waits for: a collaborator its master; a master the masters of the
 * predecessors that have not started, of the conflicting subtasks that are running, and of the
 * unfinished subtasks whose sigma^s forbids the step. Predecessor and conflict masters are, by
 * construction, members of the master's neighbour set N_n of Eq. (18): the only robots whose
 * progress can release it. A collaborator told to stop (the master finished; sent as SKIP, the
 * message has no STOP) may still report the step completed: that report is expected and dropped.
 * Time: that of {@link SyncEngine} per report.
 */
public final class LtlSyncTracker {

  /**
   * One order for one robot (the synchronizer node publishes it as a {@code SyncCommand}).
   *
   * @param robotId robot
   * @param taskId LTL task id of the step
   * @param stepIndex index of the step in the robot's LTL plan
   * @param command go, wait or skip
   * @param waitingFor robots a WAIT waits for
   * @param reason plain-language reason
   */
  public record Command(String robotId, String taskId, int stepIndex, SyncOrder command,
      List<String> waitingFor, String reason) {}

  /**
   * What one input led to.
   *
   * @param commands orders to publish
   * @param rejectCode short reason code when the input was refused, else empty
   * @param detail plain sentence for a refusal, else empty
   */
  public record Result(List<Command> commands, String rejectCode, String detail) {
    static Result of(List<Command> commands) {
      return new Result(List.copyOf(commands), "", "");
    }

    static Result reject(String code, String detail) {
      return new Result(List.of(), code, detail);
    }

    /** @return whether the input was refused */
    public boolean rejected() {
      return !rejectCode.isEmpty();
    }
  }

  private static final Weights ANY = new Weights(1, 1, 1);

  private LtlPlanDocument doc;
  private PlanningProblem problem;
  private SyncEngine engine;
  private String scenarioYaml;
  private Scenario scenario;
  private final Map<String, Integer> agentOfRobot = new HashMap<>();
  private final Map<Integer, String> workingOn = new HashMap<>();
  /** Robots told to WAIT, with the step (see {@link #key}) they wait at. */
  private final Map<Integer, String> waiting = new HashMap<>();
  private final Set<String> ltlTaskIds = new HashSet<>();
  /** Steps a collaborator was told to leave (STOP): its late completion report is expected. */
  private final Set<String> stopped = new HashSet<>();
  /**
   * Arrivals at steps the current plan version does not have the robot on (yet), the newest per
   * robot, answered by a later version that has (bounded: {@link #MAX_EARLY} robots).
   */
  private final Map<String, Arrival> early = new LinkedHashMap<>();

  /** Robots whose early arrival is kept at most; the oldest goes first. */
  static final int MAX_EARLY = 4096;

  private record Arrival(String taskId, int stepIndex) {}

  /**
   * Takes a new plan version.
   *
   * @param json the document text
   * @return WAIT/GO/SKIP for robots that were waiting, or the refusal
   */
  public Result applyPlan(String json) {
    LtlPlanDocument next;
    PlanningProblem nextProblem;
    try {
      next = LtlPlanDocument.fromJson(json);
      if (doc != null && next.planVersion() <= doc.planVersion()) {
        return Result.reject("stale_plan_version", "LTL plan version " + next.planVersion()
            + " is not newer than version " + doc.planVersion());
      }
      nextProblem = problem(next);
    } catch (IllegalArgumentException | ScenarioException e) {
      return Result.reject("bad_plan_document", e.getMessage());
    }
    SyncEngine nextEngine;
    if (engine == null || problem.agents().size() != nextProblem.agents().size()) {
      nextEngine = new SyncEngine(nextProblem, next.plan());
      workingOn.clear();
      waiting.clear();
    } else {
      nextEngine = engine.continueWith(nextProblem, next.plan());
      // The engine keeps a robot working only if its current step is the same step.
      workingOn.entrySet().removeIf(e -> stepMoved(nextEngine, e.getKey(), e.getValue()));
      waiting.entrySet().removeIf(e -> stepMoved(nextEngine, e.getKey(), e.getValue()));
    }
    doc = next;
    problem = nextProblem;
    stopped.clear();
    engine = nextEngine;
    agentOfRobot.clear();
    next.agents().forEach(a -> agentOfRobot.put(a.robotId(), a.id()));
    ltlTaskIds.addAll(next.taskIds().values());
    List<Command> out = new ArrayList<>();
    for (int agent : new TreeSet<>(waiting.keySet())) {
      waiting.remove(agent);
      if (engine.current(agent) != null && !workingOn.containsKey(agent)) {
        convert(engine.arrived(agent), out);
      }
    }
    answerEarlyArrivals(out);
    return Result.of(out);
  }

  /**
   * Takes kept arrivals again on the new version, as if reported now: one at a step the version
   * has its robot on is answered, one now behind (or already answered) is dropped, the rest stay
   * kept. Their refusals were counted when they arrived, so a refused retake sends nothing.
   */
  private void answerEarlyArrivals(List<Command> out) {
    for (Map.Entry<String, Arrival> e : new ArrayList<>(early.entrySet())) {
      Result r = report(e.getKey(), e.getValue().taskId(), e.getValue().stepIndex(), true);
      if (!r.rejected()) {
        out.addAll(r.commands());
      }
    }
  }

  /** Keeps a robot's arrival for a later plan version (its newest replaces an older one). */
  private void keepEarly(String robotId, String taskId, int stepIndex) {
    early.remove(robotId);
    if (early.size() >= MAX_EARLY) {
      early.remove(early.keySet().iterator().next());
    }
    early.put(robotId, new Arrival(taskId, stepIndex));
  }

  /** Whether the engine no longer has the robot on the step (key) it was on. */
  private static boolean stepMoved(SyncEngine engine, int agent, String stepKey) {
    PlanStep now = engine.current(agent);
    return now == null || !key(now).equals(stepKey);
  }

  private PlanningProblem problem(LtlPlanDocument d) {
    if (!d.scenarioYaml().equals(scenarioYaml)) {
      scenario = ScenarioLoader.parse(d.scenarioYaml(), "ltl_plan_detail scenario");
      scenarioYaml = d.scenarioYaml();
    }
    Environment env = scenario.environment().withAddedResources(d.addedResources());
    List<Agent> agents = new ArrayList<>();
    Set<AgentType> types = new LinkedHashSet<>();
    for (LtlPlanDocument.AgentRef a : d.agents()) {
      AgentType type = scenario.agentTypes().get(a.type());
      if (type == null) {
        throw new IllegalArgumentException("Agent " + a.name() + " has unknown type " + a.type()
            + ".");
      }
      types.add(type);
      agents.add(new Agent(a.id(), a.name(), type, a.start()));
    }
    return new PlanningProblem(env, scenario.actions(), agents, d.tasks(), ANY,
        new ChainLibrary(env, scenario.actions(), types));
  }

  /**
   * A robot reached the region of a step and asks to start it ({@code TASK_STARTED}).
   *
   * @param robotId robot
   * @param taskId task id it names
   * @param stepIndex step index in its LTL plan
   * @return orders, or the refusal; empty when the report is not about LTL work
   */
  public Result started(String robotId, String taskId, int stepIndex) {
    return report(robotId, taskId, stepIndex, true);
  }

  /**
   * A robot finished a step ({@code TASK_COMPLETED}).
   *
   * @param robotId robot
   * @param taskId task id it names
   * @param stepIndex step index in its LTL plan
   * @return orders, or the refusal; empty when the report is not about LTL work
   */
  public Result completed(String robotId, String taskId, int stepIndex) {
    return report(robotId, taskId, stepIndex, false);
  }

  private Result report(String robotId, String taskId, int stepIndex, boolean start) {
    // Any report of the robot's supersedes an arrival of its kept for a later version.
    early.remove(robotId);
    if (doc == null || !ltlTaskIds.contains(taskId)) {
      // Not LTL work, or LTL work of a version still to come: kept in case it is the latter.
      if (start) {
        keepEarly(robotId, taskId, stepIndex);
      }
      return Result.of(List.of());
    }
    Integer agent = agentOfRobot.get(robotId);
    if (agent == null) {
      if (start) {
        keepEarly(robotId, taskId, stepIndex);
      }
      return Result.reject("unknown_robot", "robot '" + robotId + "' has no step in LTL plan "
          + "version " + doc.planVersion());
    }
    List<PlanStep> steps = doc.plan().agents().get(agent).steps();
    if (stepIndex < 0 || stepIndex >= steps.size()
        || !taskIdOf(steps.get(stepIndex)).equals(taskId)) {
      if (start) {
        keepEarly(robotId, taskId, stepIndex);
      }
      return Result.reject("step_not_in_plan", "step " + stepIndex + " of task " + taskId
          + " is not in robot " + robotId + "'s LTL plan version " + doc.planVersion());
    }
    int current = indexOfCurrent(agent);
    if (!start && stopped.remove(robotId + "/" + stepIndex)) {
      return Result.of(List.of());
    }
    if (stepIndex < current) {
      return Result.reject("stale_step", "robot " + robotId + " reports step " + stepIndex
          + ", which is behind it (current step " + current + ")");
    }
    if (stepIndex > current) {
      if (start) {
        keepEarly(robotId, taskId, stepIndex);
      }
      return Result.reject("step_not_current", "robot " + robotId + " reports step " + stepIndex
          + " but its current step is " + current);
    }
    if (start && workingOn.containsKey(agent)) {
      // The robot already has its GO for this step and asks again: it lost the order (it was
      // declared failed and stopped, or the GO was lost). Counted as a duplicate, and answered
      // with the same GO, which changes no synchronization state; ignoring it left the robot
      // waiting for ever.
      return new Result(List.of(new Command(robotId, taskId, stepIndex, SyncOrder.GO, List.of(),
          "already started; GO repeated")), "duplicate_start",
          "robot " + robotId + " already works on step " + stepIndex + "; its GO is repeated");
    }
    if (!start && !workingOn.containsKey(agent)) {
      return Result.reject("not_started", "robot " + robotId + " finished step " + stepIndex
          + " without a GO for it");
    }
    List<Command> out = new ArrayList<>();
    try {
      if (start) {
        // A robot told to WAIT may ask again; the engine answers again.
        waiting.remove(agent);
        convert(engine.arrived(agent), out);
      } else {
        workingOn.remove(agent);
        convert(engine.finished(agent), out);
      }
    } catch (IllegalStateException e) {
      return Result.reject("sync_state", e.getMessage());
    }
    return Result.of(out);
  }

  private int indexOfCurrent(int agent) {
    PlanStep now = engine.current(agent);
    List<PlanStep> steps = doc.plan().agents().get(agent).steps();
    for (int i = 0; i < steps.size(); i++) {
      if (steps.get(i) == now) {
        return i;
      }
    }
    return steps.size();
  }

  private static String key(PlanStep s) {
    return s.subtaskId() + "/" + s.stepIndex();
  }

  private String taskIdOf(PlanStep s) {
    return doc.taskIds().getOrDefault(s.subtaskId(), "");
  }

  private String robot(int agent) {
    return doc.agents().get(agent).robotId();
  }

  private void convert(List<SyncDecision> decisions, List<Command> out) {
    for (SyncDecision d : decisions) {
      int a = d.agentId();
      SyncOrder kind;
      String reason = d.reason();
      List<String> waitingFor = List.of();
      switch (d.command()) {
        case GO -> {
          kind = SyncOrder.GO;
          workingOn.put(a, key(d.step()));
          waiting.remove(a);
        }
        case WAIT -> {
          kind = SyncOrder.WAIT;
          waiting.put(a, key(d.step()));
          waitingFor = blockers(a, d.step());
        }
        case SKIP -> {
          kind = SyncOrder.SKIP;
          workingOn.remove(a);
          waiting.remove(a);
        }
        default -> {
          // STOP has no order of its own: the collaborator skips the rest of the step.
          kind = SyncOrder.SKIP;
          reason = "stop helping: " + reason;
          stopped.add(robot(a) + "/" + d.stepIndex());
          workingOn.remove(a);
          waiting.remove(a);
        }
      }
      out.add(new Command(robot(a), taskIdOf(d.step()), d.stepIndex(), kind, waitingFor,
          reason));
    }
  }

  /** Robots a waiting robot waits for (see the class comment). */
  private List<String> blockers(int agent, PlanStep step) {
    Map<Integer, Integer> masterOf = new HashMap<>();
    for (ChainAssignment c : doc.plan().assignments()) {
      masterOf.put(c.subtaskId(), c.master());
    }
    Set<Integer> agents = new LinkedHashSet<>();
    if (step.role() == Role.COLLABORATOR) {
      agents.add(step.master());
    } else {
      TaskSpec tasks = problem.tasks();
      if (step.core()) {
        for (int p : tasks.predecessors(step.subtaskId())) {
          if (!engine.hasStarted(p) && masterOf.containsKey(p)) {
            agents.add(masterOf.get(p));
          }
        }
        for (int c : tasks.conflictsOf(step.subtaskId())) {
          if (engine.hasStarted(c) && !engine.hasFinished(c) && masterOf.containsKey(c)) {
            agents.add(masterOf.get(c));
          }
        }
      }
      Set<String> labels = ActionPathChainBuilder.labels(problem.agents().get(agent).type(),
          new ChainStep(step.action(), step.region()));
      for (SubtaskSpec s : tasks.subtasks()) {
        if (s.id() != step.subtaskId() && !engine.hasFinished(s.id())
            && !Collections.disjoint(s.forbiddenUntilDone(), labels)
            && masterOf.containsKey(s.id())) {
          agents.add(masterOf.get(s.id()));
        }
      }
    }
    agents.remove(agent);
    return agents.stream().map(this::robot).toList();
  }

  /**
   * The neighbour set N_n of Eq. (18) of a robot in the current plan.
   *
   * @param robotId robot
   * @return robot ids of the masters it must communicate with, empty when it is not in the plan
   */
  public Set<String> neighbours(String robotId) {
    Integer agent = agentOfRobot.get(robotId);
    if (agent == null) {
      return Set.of();
    }
    Set<String> out = new TreeSet<>();
    engine.neighbours(agent).forEach(a -> out.add(robot(a)));
    return out;
  }

  /** @return the current plan version, 0 before the first */
  public long version() {
    return doc == null ? 0 : doc.planVersion();
  }
}
