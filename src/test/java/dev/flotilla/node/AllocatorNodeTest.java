package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.ros.Bus;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AllocatorNodeTest {
  private final NodeFixture f = new NodeFixture();
  private final List<Allocation> allocations =
      f.record("/flotilla/allocation", Allocation.TYPE);
  private final List<Reassignment> reassignments =
      f.record("/flotilla/reassignment", Reassignment.TYPE);
  private Bus.Publisher<FleetEvent> events;
  private Bus.Publisher<TaskRequest> tasks;
  private AllocatorNode node;

  private void start(String algorithm) {
    String yaml = NodeFixture.FLEET.replace("algorithm: potential_game", "algorithm: " + algorithm);
    node = new AllocatorNode(f.context("allocator"),
        AllocatorParams.read(NodeFixture.params(yaml).forNode("/", "allocator")));
    node.start();
    events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    tasks = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
  }

  private void event(byte kind, String robot, String task) {
    events.publish(FleetEvent.builder().kind(kind).robotId(robot).taskId(task).stepIndex(-1)
        .build());
  }

  private void task(String id, double x, double y) {
    tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(x, y, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(60).build());
  }

  private static Map<String, List<String>> plans(Allocation a) {
    return a.plans().stream().collect(Collectors.toMap(RobotPlan::robotId,
        p -> p.steps().stream().map(PlanStep::taskId).toList()));
  }

  private void fleetWithOneTaskEach() {
    for (String r : List.of("r1", "r2", "r3")) {
      event(FleetEvent.ROBOT_JOINED, r, "");
    }
    task("near1", 1, 0);
    task("near2", 11, 0);
    task("near3", 0, 11);
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void eachNewTaskPublishesANewVersionAndItsDiff(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    assertEquals(3, allocations.size());
    assertEquals(List.of(1L, 2L, 3L),
        allocations.stream().map(Allocation::planVersion).toList());
    Allocation last = allocations.get(2);
    assertEquals(Map.of("r1", List.of("near1"), "r2", List.of("near2"), "r3",
        List.of("near3")), plans(last));
    Reassignment third = reassignments.get(2);
    assertEquals(Reassignment.CAUSE_NEW_TASK, third.cause());
    assertEquals("near3", third.subject());
    assertEquals(List.of("r3"), third.affectedRobots(), "only the robot whose plan changed");
    assertEquals(2, third.previousVersion());
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void failedRobotsWorkMovesAndOnlyChangedRobotsAreNamed(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    f.now += 5;
    event(FleetEvent.ROBOT_FAILED, "r2", "");
    Allocation before = allocations.get(allocations.size() - 2);
    Allocation after = allocations.get(allocations.size() - 1);
    Reassignment diff = reassignments.get(reassignments.size() - 1);
    assertEquals(Reassignment.CAUSE_ROBOT_FAILED, diff.cause());
    assertEquals("r2", diff.subject());
    Map<String, List<String>> plans = plans(after);
    assertEquals(List.of(), plans.get("r2"));
    String taker = plans.get("r1").contains("near2") ? "r1" : "r3";
    assertTrue(plans.get(taker).contains("near2"), "the failed robot's task moved: " + plans);
    Map<String, List<String>> old = plans(before);
    List<String> changed = plans.keySet().stream()
        .filter(r -> !plans.get(r).equals(old.get(r))).sorted().toList();
    assertEquals(changed, diff.affectedRobots().stream().sorted().toList(),
        "the diff names exactly the robots whose plans changed");
    var move = diff.moves().stream().filter(m -> m.taskId().equals("near2")).findFirst()
        .orElseThrow();
    assertEquals(List.of("r2"), move.removedRobots());
    assertEquals(List.of(taker), move.addedRobots());
    if (algorithm.equals("potential_game")) {
      // Seed 001 §3: only the affected part of the plan changes.
      assertEquals(List.of("r2", taker).stream().sorted().toList(), changed);
      assertEquals(1, diff.moves().size());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy"})
  void nonFiniteOdometryAndUnknownRobotsNeverTouchThePlan(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    Allocation before = node.current();
    Bus.Publisher<Odometry> odom = f.publisher("/r1/odom", Odometry.TYPE);
    Odometry good = Odometry.builder().build();
    var badPose = good.pose().toBuilder().pose(good.pose().pose().toBuilder()
        .position(new Point(Double.NaN, Double.POSITIVE_INFINITY, 0)).build()).build();
    odom.publish(good.toBuilder().pose(badPose).build());
    odom.publish(good.toBuilder().pose(badPose).build());
    event(FleetEvent.ROBOT_JOINED, "ghost", "");
    event(FleetEvent.ROBOT_FAILED, "ghost", "");
    assertEquals(2, node.rejections().count("non_finite_pose"));
    assertEquals(1, node.rejections().count("unknown_robot"));
    assertEquals(before, node.current());
    assertEquals(3, allocations.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void taskWithNoRobotIsReportedUnassignedNotDropped(String algorithm) {
    start(algorithm);
    task("lonely", 3, 3);
    assertEquals("lonely", allocations.get(0).unassigned().get(0).taskId(),
        "with no robot yet the task is reported unassigned, not dropped");
    event(FleetEvent.ROBOT_JOINED, "r1", "");
    tasks.publish(TaskRequest.builder().taskId("crowd").kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(1, 1, 0)).requiredRobots(3).baseUtility(100).decayRate(0.001)
        .duration(10).build());
    Allocation last = allocations.get(allocations.size() - 1);
    assertFalse(last.unassigned().isEmpty());
    assertEquals("crowd", last.unassigned().get(0).taskId());
    assertTrue(plans(last).get("r1").contains("lonely"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy"})
  void completedTaskLeavesThePlan(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    event(FleetEvent.TASK_COMPLETED, "r1", "near1");
    Allocation last = allocations.get(allocations.size() - 1);
    assertEquals(List.of(), plans(last).get("r1"));
    assertEquals(Reassignment.CAUSE_TASK_DONE, reassignments.get(3).cause());
    event(FleetEvent.TASK_COMPLETED, "r1", "near1");
    assertEquals(4, allocations.size(), "a repeated completion changes nothing");
  }

  @org.junit.jupiter.api.Test
  void robotDescriptionYieldsAResumeWhoseCapabilitiesGateTasks() throws Exception {
    start("potential_game");
    List<dev.flotilla.msgs.std_msgs.String> resumes =
        f.record("/flotilla/resumes", dev.flotilla.msgs.std_msgs.String.TYPE);
    event(FleetEvent.ROBOT_JOINED, "r1", "");
    event(FleetEvent.ROBOT_JOINED, "r2", "");
    tasks.publish(TaskRequest.builder().taskId("pick").kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(12, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
        .duration(10).requiredCapabilities(List.of("manipulate")).build());
    assertEquals("pick", allocations.get(allocations.size() - 1).unassigned().get(0).taskId(),
        "nobody can manipulate before a resume says so");

    java.nio.file.Path fetch = java.nio.file.Path.of(System.getProperty("flotilla.shared",
        "../shared"), "data", "urdf", "fetch.urdf");
    Bus.Publisher<dev.flotilla.msgs.std_msgs.String> description =
        f.publisher("/r1/robot_description", dev.flotilla.msgs.std_msgs.String.TYPE);
    description.publish(new dev.flotilla.msgs.std_msgs.String(java.nio.file.Files.readString(
        fetch)));
    assertEquals(1, resumes.size());
    assertEquals("r1", dev.flotilla.resume.ResumeJson.fromJson(resumes.get(0).data()).robotId());
    assertTrue(node.resumes().get("r1").capabilities().contains("manipulate"));

    // The resume is news about the fleet: the plan is redone and r1's arm takes the task that
    // the far robot r2 cannot do.
    Allocation last = allocations.get(allocations.size() - 1);
    assertTrue(plans(last).get("r1").contains("pick"), plans(last).toString());
    assertFalse(plans(last).get("r2").contains("pick"));
    assertEquals(Reassignment.CAUSE_REBALANCE, reassignments.get(reassignments.size() - 1)
        .cause());

    Bus.Publisher<dev.flotilla.msgs.std_msgs.String> broken =
        f.publisher("/r2/robot_description", dev.flotilla.msgs.std_msgs.String.TYPE);
    broken.publish(new dev.flotilla.msgs.std_msgs.String("<robot name='x'><link name="));
    assertEquals(1, node.rejections().count("invalid_urdf"));
    assertEquals(1, resumes.size());
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void ltlStepsAreMergedAndTheirRobotsGetNoMultiRobotWork(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    Bus.Publisher<Allocation> ltl = f.publisher("/flotilla/ltl_plan", Allocation.TYPE);
    PlanStep master = PlanStep.builder().taskId("phi1").stepIndex(0).action("sw")
        .region("r1").role(PlanStep.ROLE_MASTER).partners(List.of("r2")).build();
    PlanStep collaborator = master.toBuilder().role(PlanStep.ROLE_COLLABORATOR)
        .partners(List.of("r3")).build();
    ltl.publish(Allocation.builder().planVersion(1).plans(List.of(
        new RobotPlan("r3", List.of(master)), new RobotPlan("r2", List.of(collaborator))))
        .build());
    Allocation merged = allocations.get(allocations.size() - 1);
    Map<String, List<String>> plans = plans(merged);
    assertEquals(List.of("phi1"), plans.get("r3"));
    assertEquals(List.of("phi1"), plans.get("r2"));
    assertEquals(List.of("near1", "near2", "near3"), plans.get("r1").stream().sorted().toList(),
        "multi-robot work moved to the only robot without LTL steps");
    RobotPlan r2 = merged.plans().stream().filter(p -> p.robotId().equals("r2")).findFirst()
        .orElseThrow();
    assertEquals(PlanStep.ROLE_COLLABORATOR, r2.steps().get(0).role());
    assertEquals("sw", r2.steps().get(0).action());
    int versions = allocations.size();
    ltl.publish(Allocation.builder().planVersion(1).build());
    assertEquals(versions, allocations.size(), "a stale LTL plan version is ignored");
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void aStepTheRobotCouldNotDoGoesToAnotherRobot(String algorithm) {
    start(algorithm);
    fleetWithOneTaskEach();
    events.publish(FleetEvent.builder().kind(FleetEvent.TASK_FAILED).robotId("r1")
        .taskId("near1").stepIndex(0).reason("goal not reached").build());
    Map<String, List<String>> plans = plans(allocations.get(allocations.size() - 1));
    assertFalse(plans.get("r1").contains("near1"), plans.toString());
    assertTrue(plans.get("r2").contains("near1") || plans.get("r3").contains("near1"),
        plans.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy"})
  void aCollaboratorsCompletionDoesNotCloseTheSharedTask(String algorithm) {
    start(algorithm);
    for (String r : List.of("r1", "r2")) {
      event(FleetEvent.ROBOT_JOINED, r, "");
    }
    tasks.publish(TaskRequest.builder().taskId("lift").kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(5, 0, 0)).requiredRobots(2).baseUtility(100).decayRate(0.001)
        .duration(10).build());
    Allocation a = allocations.get(allocations.size() - 1);
    String collaborator = a.plans().stream().filter(p -> p.steps().stream()
        .anyMatch(s -> s.role() == PlanStep.ROLE_COLLABORATOR)).findFirst().orElseThrow()
        .robotId();
    String master = collaborator.equals("r1") ? "r2" : "r1";
    int before = allocations.size();
    event(FleetEvent.TASK_COMPLETED, collaborator, "lift");
    assertEquals(before, allocations.size(), "a collaborator does not close the task");
    event(FleetEvent.TASK_COMPLETED, master, "lift");
    assertEquals(Map.of("r1", List.of(), "r2", List.of(), "r3", List.of()),
        plans(allocations.get(allocations.size() - 1)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"potential_game"})
  void markersShowRoutesRolesAndFailedRobots(String algorithm) {
    List<dev.flotilla.msgs.visualization_msgs.MarkerArray> markers = f.record("/flotilla/markers",
        dev.flotilla.msgs.visualization_msgs.MarkerArray.TYPE);
    start(algorithm);
    fleetWithOneTaskEach();
    event(FleetEvent.ROBOT_FAILED, "r2", "");
    var last = markers.get(markers.size() - 1).markers();
    assertEquals(dev.flotilla.msgs.visualization_msgs.Marker.DELETEALL, last.get(0).action());
    assertTrue(last.stream().allMatch(m -> m.header().frameId().equals("map")));
    assertEquals(1, last.stream().filter(m -> m.ns().equals("failed")).count(), "r2 is failed");
    assertEquals(3, last.stream().filter(m -> m.ns().equals("steps")).count(), "three goals");
    assertTrue(last.stream().filter(m -> m.ns().equals("labels")).map(m -> m.text()).toList()
        .containsAll(List.of("near1", "near2", "near3")));
    assertTrue(last.stream().filter(m -> m.ns().equals("routes"))
        .allMatch(m -> m.points().size() >= 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"greedy", "potential_game"})
  void aStormOfFailuresHeardWhileBusyIsRepairedAsOneVersion(String algorithm) {
    java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
    String yaml = NodeFixture.FLEET.replace("algorithm: potential_game", "algorithm: " + algorithm);
    node = new AllocatorNode(new NodeContext("allocator", "/", f.bus, f.clock, queued::add),
        AllocatorParams.read(NodeFixture.params(yaml).forNode("/", "allocator")));
    node.start();
    events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    tasks = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
    fleetWithOneTaskEach();
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    long before = allocations.get(allocations.size() - 1).planVersion();
    // Two robots fail while the node is busy: their events wait in its queue together.
    event(FleetEvent.ROBOT_FAILED, "r1", "");
    event(FleetEvent.ROBOT_FAILED, "r2", "");
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    Allocation last = allocations.get(allocations.size() - 1);
    assertEquals(before + 1, last.planVersion(), "one repair for the whole storm");
    assertEquals(List.of("near1", "near2", "near3"),
        plans(last).get("r3").stream().sorted().toList(), "both robots' work moved to r3");
    Reassignment r = reassignments.get(reassignments.size() - 1);
    assertEquals(Reassignment.CAUSE_ROBOT_FAILED, r.cause());
    assertEquals("r1,r2", r.subject());
  }

  @org.junit.jupiter.api.Test
  void theImprovementPassIsAParameterOffByDefault() {
    String yaml = NodeFixture.FLEET;
    assertFalse(AllocatorParams.read(NodeFixture.params(yaml).forNode("/", "allocator"))
        .settings().improvementPass());
    String on = yaml.replace("algorithm: potential_game",
        "algorithm: potential_game\n    improvement_pass: true");
    assertTrue(AllocatorParams.read(NodeFixture.params(on).forNode("/", "allocator"))
        .settings().improvementPass());
    node = new AllocatorNode(f.context("allocator"),
        AllocatorParams.read(NodeFixture.params(on).forNode("/", "allocator")));
    node.start();
    events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    tasks = f.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE);
    fleetWithOneTaskEach();
    assertEquals(Map.of("r1", List.of("near1"), "r2", List.of("near2"), "r3",
        List.of("near3")), plans(allocations.get(allocations.size() - 1)),
        "with the pass on, the node still plans every task");
  }

  @org.junit.jupiter.api.Test
  void odometryWaitingForABusyNodeIsCoalescedToEachRobotsNewestPose() {
    java.util.ArrayDeque<Runnable> queued = new java.util.ArrayDeque<>();
    node = new AllocatorNode(new NodeContext("allocator", "/", f.bus, f.clock, queued::add),
        AllocatorParams.read(NodeFixture.params(NodeFixture.FLEET).forNode("/", "allocator")));
    node.start();
    while (!queued.isEmpty()) {
      queued.poll().run();
    }
    Bus.Publisher<Odometry> odom = f.publisher("/r1/odom", Odometry.TYPE);
    Odometry good = Odometry.builder().build();
    var badPose = good.pose().toBuilder().pose(good.pose().pose().toBuilder()
        .position(new Point(Double.NaN, 0, 0)).build()).build();
    // Three bad poses, then a good one, while the node is busy: one task waits, holding the
    // newest pose only.
    for (int i = 0; i < 3; i++) {
      odom.publish(good.toBuilder().pose(badPose).build());
    }
    odom.publish(good);
    assertEquals(1, queued.size(), "one task for all the odometry heard meanwhile");
    queued.poll().run();
    assertEquals(0, node.rejections().count("non_finite_pose"),
        "only the newest pose was applied");
    odom.publish(good.toBuilder().pose(badPose).build());
    assertEquals(1, queued.size());
    queued.poll().run();
    assertEquals(1, node.rejections().count("non_finite_pose"));
  }
}
