package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.fleet.ltl.LtlPlanDocument;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LtlPlannerNodeTest {
  private final NodeFixture f = new NodeFixture();
  private final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  private final List<Allocation> plans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
  private final List<dev.flotilla.msgs.std_msgs.String> details =
      f.record("/flotilla/ltl_plan_detail", dev.flotilla.msgs.std_msgs.String.TYPE);
  private final List<TaskRequest> accepted =
      f.record("/flotilla/accepted_tasks", TaskRequest.TYPE);
  private final dev.flotilla.ros.Bus.Publisher<TaskRequest> tasks =
      f.publisher("/flotilla/tasks", TaskRequest.TYPE);
  private final Scenario scenario = ScenarioLoader.load(Path.of(LtlFixture.scenario()));

  private PlannerNode planner(String robots, String extra) {
    PlannerNode node = new PlannerNode(f.context("planner"), PlannerParams.read(
        NodeFixture.params(LtlFixture.params(robots, extra)).forNode("/", "planner")));
    node.start();
    return node;
  }

  private void submit(String id, String formula) {
    tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL)
        .ltlFormula(formula).build());
  }

  private List<FleetEvent> kind(byte kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }

  @Test
  void offlineFormulasThenAnOnlineOneProduceConsistentPlanVersions() {
    PlannerNode node = planner(LtlFixture.FLEET, LtlFixture.BUDGETS);
    submit("phi1", LtlFixture.PHI1);
    submit("phi2", LtlFixture.PHI2);
    submit("phi3", LtlFixture.PHI3);
    node.tick();
    assertTrue(plans.isEmpty(), "the offline window is still open");
    f.now += 1.5;
    node.tick();
    assertEquals(List.of("phi1", "phi2", "phi3"),
        kind(FleetEvent.TASK_ACCEPTED).stream().map(FleetEvent::taskId).toList());
    assertEquals(1, plans.size());
    Allocation v1 = plans.get(0);
    double epoch = f.now;
    assertEquals(1, v1.planVersion());
    assertEquals(Reassignment.CAUSE_NEW_TASK, v1.cause());
    checkPlan(v1, Set.of("phi1", "phi2", "phi3"), epoch);
    assertTrue(node.ltl().planSatisfiesFormulas());
    assertTrue(accepted.isEmpty(), "LTL tasks do not go to the multi-robot allocator");

    // The synchronizer lets the first robot start its first step: that chain has started and
    // stays with it through online replanning.
    RobotPlan first = v1.plans().get(0);
    PlanStep started = first.steps().get(0);
    f.publisher("/flotilla/sync", SyncCommand.TYPE).publish(SyncCommand.builder().planVersion(1)
        .robotId(first.robotId()).taskId(started.taskId()).stepIndex(0).command(SyncCommand.GO)
        .build());
    if (started.role() != PlanStep.ROLE_COLLABORATOR) {
      assertEquals(1, node.ltl().startedChains().size());
    }
    f.now += 100;
    submit("phi6", LtlFixture.PHI6);
    assertEquals(2, plans.size());
    Allocation v2 = plans.get(1);
    assertEquals(2, v2.planVersion());
    checkPlan(v2, Set.of("phi1", "phi2", "phi3", "phi6"), epoch);
    assertTrue(node.ltl().planSatisfiesFormulas());
    List<PlanStep> phi6 = v2.plans().stream().flatMap(p -> p.steps().stream())
        .filter(s -> s.taskId().equals("phi6")).toList();
    assertTrue(phi6.stream().anyMatch(s -> s.action().equals("gi") && s.region().equals("f6")));
    assertTrue(phi6.stream().anyMatch(s -> s.action().equals("pi")));
    RobotPlan doctor = v2.plans().stream().filter(p -> p.robotId().equals("d1")).findFirst()
        .orElseThrow();
    assertTrue(doctor.steps().stream().anyMatch(s -> s.action().equals("gi")),
        "only the doctor can get the illness");
    assertTrue(v2.plans().stream().filter(p -> p.robotId().equals(first.robotId()))
        .flatMap(p -> p.steps().stream()).anyMatch(s -> s.taskId().equals(started.taskId())
            && s.action().equals(started.action()) && s.region().equals(started.region())),
        "the started step stays with its robot");
    // The detail document matches the plan version, robot for robot.
    LtlPlanDocument doc = LtlPlanDocument.fromJson(details.get(1).data());
    assertEquals(2, doc.planVersion());
    for (RobotPlan p : v2.plans()) {
      var agent = doc.agents().stream().filter(a -> a.robotId().equals(p.robotId()))
          .findFirst().orElseThrow();
      assertEquals(p.steps().size(), doc.plan().agents().get(agent.id()).steps().size());
    }
  }

  /** Every step respects the scenario and the contract of flotilla/ltl_plan. */
  private void checkPlan(Allocation a, Set<String> taskIds, double epoch) {
    Map<String, String> typeOf = Map.of("v1", "volunteer", "v2", "volunteer", "v3",
        "volunteer", "j1", "referee", "j2", "referee", "d1", "doctor");
    Map<String, RobotPlan> byRobot = new HashMap<>();
    a.plans().forEach(p -> byRobot.put(p.robotId(), p));
    assertFalse(a.plans().isEmpty());
    for (RobotPlan p : a.plans()) {
      assertTrue(typeOf.containsKey(p.robotId()), "robot without agent_type got LTL work");
      assertFalse(p.steps().isEmpty());
      double lastStart = Double.NEGATIVE_INFINITY;
      for (int i = 0; i < p.steps().size(); i++) {
        PlanStep s = p.steps().get(i);
        assertEquals(i, s.stepIndex());
        assertTrue(taskIds.contains(s.taskId()), s.taskId());
        assertTrue(scenario.agentTypes().get(typeOf.get(p.robotId())).canPerform(s.action()),
            p.robotId() + " cannot do " + s.action());
        var region = scenario.environment().region(s.region()).position();
        assertEquals(region.x(), s.goal().position().x());
        assertEquals(region.y(), s.goal().position().y());
        double start = Stamps.seconds(s.plannedStart());
        assertTrue(start >= epoch - 1e-6 && Stamps.seconds(s.plannedFinish()) >= start);
        assertTrue(start >= lastStart - 1e-6, "steps in execution order");
        lastStart = start;
        if (s.role() == PlanStep.ROLE_SOLO) {
          assertTrue(s.partners().isEmpty());
        } else {
          assertFalse(s.partners().isEmpty());
          for (String partner : s.partners()) {
            assertTrue(byRobot.get(partner).steps().stream().anyMatch(o -> o.action().equals(
                s.action()) && o.region().equals(s.region()) && o.partners().contains(
                p.robotId())), "partner " + partner + " does not share " + s);
          }
          if (s.role() == PlanStep.ROLE_COLLABORATOR) {
            assertTrue(s.partners().stream().anyMatch(r -> byRobot.get(r).steps().stream()
                .anyMatch(o -> o.role() == PlanStep.ROLE_MASTER && o.action().equals(s.action())
                    && o.region().equals(s.region()))), "a collaborator helps a master");
          }
        }
      }
    }
  }

  @Test
  void badFormulasAreRejectedWithTheirReasonAndNeverReachThePlan() {
    String noDoctor = """
        v1: {x: -95, y: 0, agent_type: volunteer}
        j1: {x: 12, y: -37, agent_type: referee}
        """;
    PlannerNode node = planner(noDoctor, "ltl_offline_window: 0.0\nltl_offline_budget: 0.3\n");
    submit("syntax", "<> (sw_r1 && ");
    submit("always", "G sw_r1");
    submit("contradiction", "<> (sw_r1 && !sw_r1)");
    submit("nodoctor", "<> di_f1");
    submit("unknown", "<> fly_r1");
    List<FleetEvent> rejected = kind(FleetEvent.TASK_REJECTED);
    assertEquals(List.of("syntax", "always", "contradiction", "nodoctor", "unknown"),
        rejected.stream().map(FleetEvent::taskId).toList());
    assertTrue(rejected.get(0).reason().contains("column"), rejected.get(0).reason());
    assertTrue(rejected.get(1).reason().contains("Not co-safe"), rejected.get(1).reason());
    assertTrue(rejected.get(2).reason().contains("unsatisfiable"), rejected.get(2).reason());
    assertTrue(rejected.get(3).reason().contains("'di'"), rejected.get(3).reason());
    assertTrue(rejected.get(4).reason().contains("fly"), rejected.get(4).reason());
    assertEquals(5, node.rejections().count("ltl_rejected"));
    assertTrue(plans.isEmpty());
    // A good formula afterwards is planned; none of the rejected ones is in it.
    submit("water", "<> sw_r1");
    assertEquals(1, plans.size());
    assertEquals(Set.of("water"), Set.copyOf(plans.get(0).plans().stream()
        .flatMap(p -> p.steps().stream()).map(PlanStep::taskId).toList()));
    // A later refusal leaves the running plan as it was.
    submit("nodoctor2", "<> (sw_r2 && <> di_f2)");
    assertEquals(1, plans.size());
    assertEquals(List.of("water"), node.ltl().acceptedTaskIds());
  }

  @Test
  void anOverlongFormulaIsRejectedBeforeParsing() {
    PlannerNode node = planner(LtlFixture.FLEET, LtlFixture.BUDGETS);
    submit("long", "<> sw_r1 && ".repeat(400) + "<> sw_r2");
    FleetEvent e = kind(FleetEvent.TASK_REJECTED).get(0);
    assertTrue(e.reason().contains("at most 4096"), e.reason());
    assertEquals(1, node.rejections().count("invalid_task"));
  }

  @Test
  void withoutScenarioLtlTasksAreRejectedWithThatReason() {
    PlannerNode node = new PlannerNode(f.context("planner"), PlannerParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "planner")));
    node.start();
    submit("phi1", LtlFixture.PHI1);
    FleetEvent e = kind(FleetEvent.TASK_REJECTED).get(0);
    assertTrue(e.reason().contains("ltl_scenario"), e.reason());
    assertEquals(1, node.rejections().count("ltl_disabled"));
    assertTrue(plans.isEmpty());
  }

  @Test
  void badLtlParametersNameFileAndKey() {
    String badType = "v1: {x: 0, y: 0, agent_type: pilot}\n";
    var e1 = assertThrows(ParamsException.class, () -> PlannerParams.read(
        NodeFixture.params(LtlFixture.params(badType, "")).forNode("/", "planner")));
    assertTrue(e1.getMessage().contains("test.yaml: robots.v1.agent_type"), e1.getMessage());
    var e2 = assertThrows(ParamsException.class, () -> PlannerParams.read(NodeFixture.params(
        LtlFixture.params(LtlFixture.FLEET, "ltl_case: case9\n")).forNode("/", "planner")));
    assertTrue(e2.getMessage().contains("planner.ltl_case"), e2.getMessage());
    var e3 = assertThrows(ParamsException.class, () -> PlannerParams.read(NodeFixture.params(
        LtlFixture.params(LtlFixture.FLEET, "ltl_gamma: -1\n")).forNode("/", "planner")));
    assertTrue(e3.getMessage().contains("planner.ltl_gamma"), e3.getMessage());
    var e4 = assertThrows(ParamsException.class, () -> PlannerParams.read(NodeFixture.params(
        LtlFixture.params(LtlFixture.FLEET, "").replace(LtlFixture.scenario(), "/nonexistent.yaml"))
        .forNode("/", "planner")));
    assertTrue(e4.getMessage().contains("planner.ltl_scenario"), e4.getMessage());
  }
}
