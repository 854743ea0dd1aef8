package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Pose2;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.agent.MessagePlanFollower;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The whole LTL loop of {@link LtlFleetEndToEndTest} with an operator cancel while the robots
 * work (and a pause): the remaining plan still runs to its end through allocator, synchronizer
 * and robots, every step of it ends done (or skipped by a collaborator), and no node or robot
 * refuses a message of another.
 */
class LtlCancelEndToEndTest {
  private final NodeFixture f = new NodeFixture();
  private final Bus.Publisher<FleetEvent> events =
      f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
  private final List<SyncCommand> sync = f.record("/flotilla/sync", SyncCommand.TYPE);
  private final List<Allocation> ltlPlans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
  private final List<FleetEvent> seen = f.record("/flotilla/events", FleetEvent.TYPE);
  private final InputRejections robotRejections = new InputRejections(Logger.getLogger("robots"));

  @Test
  void theRestOfThePlanRunsToItsEndAfterACancelMidRun() {
    RosParamsFile file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
        LtlFixture.BUDGETS + "ltl_alpha: 10.0\nltl_beta: 0.1\nltl_gamma: 0.01\n"));
    AllocatorNode allocator = new AllocatorNode(f.context("allocator"),
        AllocatorParams.read(file.forNode("/", "allocator")));
    SynchronizerNode synchronizer = new SynchronizerNode(f.context("synchronizer"),
        SynchronizerParams.read(file.forNode("/", "synchronizer")));
    PlannerNode planner = new PlannerNode(f.context("planner"),
        PlannerParams.read(file.forNode("/", "planner")));
    allocator.start();
    synchronizer.start();
    planner.start();

    Map<String, Pose2> pose = new LinkedHashMap<>();
    Map<String, MessagePlanFollower> robots = new LinkedHashMap<>();
    for (String id : List.of("v1", "v2", "v3", "j1", "j2", "d1")) {
      pose.put(id, new Pose2(0, 0, 0));
      MessagePlanFollower follower = new MessagePlanFollower(id, Set.of(), 0.5, 1e5, 0, 2.0, false,
          new MessagePlanFollower.Effects() {
            @Override
            public void navigate(PlanStep step, double x, double y, double yaw) {
              pose.put(id, new Pose2(x, y, yaw)); // reaches the goal at once
            }

            @Override
            public void stop() {}

            @Override
            public void startAction(PlanStep step) {}

            @Override
            public void event(byte kind, PlanStep step, String reason) {
              events.publish(FleetEvent.builder().kind(kind).robotId(id).taskId(step.taskId())
                  .stepIndex(step.stepIndex()).source(id).reason(reason).build());
            }
          }, robotRejections);
      robots.put(id, follower);
      f.bus.subscribe("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION,
          follower::onAllocation);
      // flotilla/sync is shared; MessagePlanFollower counts other robots' orders as rejected input.
      f.bus.subscribe("/flotilla/sync", SyncCommand.TYPE, new QosProfile(true, false, 100),
          c -> {
            if (c.robotId().equals(id)) {
              follower.onSync(c);
            }
          });
    }
    Bus.Publisher<TaskRequest> tasks = f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    Bus.Publisher<OperatorCommand> commands =
        f.publisher("/flotilla/commands", OperatorCommand.TYPE);
    int cancelAt = 150;
    tasks.publish(TaskRequest.builder().taskId("phi1").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI1).build());
    tasks.publish(TaskRequest.builder().taskId("phi2").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI2).build());
    for (int s = 0; s < 4000; s++) {
      f.now += 1.0;
      planner.tick();
      if (s == 60) {
        tasks.publish(TaskRequest.builder().taskId("phi6").kind(TaskRequest.KIND_LTL)
            .ltlFormula(LtlFixture.PHI6).build());
      }
      if (s == cancelAt) {
        commands.publish(OperatorCommand.builder().kind(OperatorCommand.KIND_CANCEL_TASK)
            .commandId("c1").taskId("phi2").build());
      }
      robots.forEach((id, r) -> r.tick(pose.get(id), f.now));
    }
    assertEquals(3, ltlPlans.size(), "offline plan, phi6 online, then the cancel");
    Allocation last = ltlPlans.get(2);
    assertTrue(seen.stream().anyMatch(e -> e.kind() == FleetEvent.TASK_CANCELLED
        && e.taskId().equals("phi2")));
    assertTrue(phi2Steps(last) < phi2Steps(ltlPlans.get(1)), "phi2 steps left the plan");
    Set<String> closed = new HashSet<>();
    for (FleetEvent e : seen) {
      if (e.kind() == FleetEvent.TASK_COMPLETED) {
        closed.add(e.robotId() + "/" + e.taskId() + "/" + e.stepIndex());
      }
    }
    for (SyncCommand c : sync) {
      if (c.command() == SyncCommand.SKIP) {
        closed.add(c.robotId() + "/" + c.taskId() + "/" + c.stepIndex());
      }
    }
    int steps = 0;
    for (var p : last.plans()) {
      for (PlanStep s : p.steps()) {
        steps++;
        assertTrue(closed.contains(p.robotId() + "/" + s.taskId() + "/" + s.stepIndex()),
            p.robotId() + " never closed " + s.taskId() + " step " + s.stepIndex() + " ("
                + s.action() + " at " + s.region() + ")");
      }
      assertEquals(null, robots.get(p.robotId()).current(), p.robotId() + " is still on a step");
    }
    assertTrue(steps > 0);
    System.out.println("cancel end-to-end: " + steps + " LTL steps, " + sync.size()
        + " sync orders ("
        + sync.stream().filter(c -> c.command() == SyncCommand.WAIT).count() + " WAIT), "
        + "robot rejections " + robotRejections.counts() + ", last order for allocation v"
        + sync.get(sync.size() - 1).planVersion());
    assertTrue(sync.get(sync.size() - 1).planVersion() > 0);
    assertTrue(sync.stream().anyMatch(c -> c.command() == SyncCommand.GO));
    assertTrue(synchronizer.rejections().counts().isEmpty(),
        synchronizer.rejections().counts().toString());
    assertTrue(robotRejections.counts().keySet().stream().noneMatch(k -> k.startsWith("sync")),
        robotRejections.counts().toString());
  }

  @Test
  void theRestOfThePlanRunsToItsEndAfterAPauseAndAResumeMidRun() {
    RosParamsFile file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
        LtlFixture.BUDGETS + "ltl_alpha: 10.0\nltl_beta: 0.1\nltl_gamma: 0.01\n"));
    AllocatorNode allocator = new AllocatorNode(f.context("allocator"),
        AllocatorParams.read(file.forNode("/", "allocator")));
    SynchronizerNode synchronizer = new SynchronizerNode(f.context("synchronizer"),
        SynchronizerParams.read(file.forNode("/", "synchronizer")));
    PlannerNode planner = new PlannerNode(f.context("planner"),
        PlannerParams.read(file.forNode("/", "planner")));
    allocator.start();
    synchronizer.start();
    planner.start();

    Map<String, Pose2> pose = new LinkedHashMap<>();
    Map<String, MessagePlanFollower> robots = new LinkedHashMap<>();
    for (String id : List.of("v1", "v2", "v3", "j1", "j2", "d1")) {
      pose.put(id, new Pose2(0, 0, 0));
      MessagePlanFollower follower = new MessagePlanFollower(id, Set.of(), 0.5, 1e5, 0, 2.0, false,
          new MessagePlanFollower.Effects() {
            @Override
            public void navigate(PlanStep step, double x, double y, double yaw) {
              pose.put(id, new Pose2(x, y, yaw)); // reaches the goal at once
            }

            @Override
            public void stop() {}

            @Override
            public void startAction(PlanStep step) {}

            @Override
            public void event(byte kind, PlanStep step, String reason) {
              events.publish(FleetEvent.builder().kind(kind).robotId(id).taskId(step.taskId())
                  .stepIndex(step.stepIndex()).source(id).reason(reason).build());
            }
          }, robotRejections);
      robots.put(id, follower);
      f.bus.subscribe("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION,
          follower::onAllocation);
      // flotilla/sync is shared; MessagePlanFollower counts other robots' orders as rejected input.
      f.bus.subscribe("/flotilla/sync", SyncCommand.TYPE, new QosProfile(true, false, 100),
          c -> {
            if (c.robotId().equals(id)) {
              follower.onSync(c);
            }
          });
    }
    Bus.Publisher<TaskRequest> tasks = f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    Bus.Publisher<OperatorCommand> commands =
        f.publisher("/flotilla/commands", OperatorCommand.TYPE);
    int cancelAt = 150;
    tasks.publish(TaskRequest.builder().taskId("phi1").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI1).build());
    tasks.publish(TaskRequest.builder().taskId("phi2").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI2).build());
    for (int s = 0; s < 4000; s++) {
      f.now += 1.0;
      planner.tick();
      if (s == 60) {
        tasks.publish(TaskRequest.builder().taskId("phi6").kind(TaskRequest.KIND_LTL)
            .ltlFormula(LtlFixture.PHI6).build());
      }
      if (s == cancelAt) {
        commands.publish(OperatorCommand.builder().kind(OperatorCommand.KIND_PAUSE_ROBOT)
            .commandId("p1").robotId("v1").build());
      }
      if (s == cancelAt + 300) {
        commands.publish(OperatorCommand.builder().kind(OperatorCommand.KIND_RESUME_ROBOT)
            .commandId("p2").robotId("v1").build());
      }
      robots.forEach((id, r) -> r.tick(pose.get(id), f.now));
    }
    Allocation last = ltlPlans.get(ltlPlans.size() - 1);
    assertTrue(seen.stream().anyMatch(e -> e.kind() == FleetEvent.ROBOT_PAUSED
        && e.robotId().equals("v1")));
    assertTrue(seen.stream().anyMatch(e -> e.kind() == FleetEvent.ROBOT_RESUMED
        && e.robotId().equals("v1")));
    assertEquals(Set.of(), planner.ltl().paused());
    Set<String> closed = new HashSet<>();
    for (FleetEvent e : seen) {
      if (e.kind() == FleetEvent.TASK_COMPLETED) {
        closed.add(e.robotId() + "/" + e.taskId() + "/" + e.stepIndex());
      }
    }
    for (SyncCommand c : sync) {
      if (c.command() == SyncCommand.SKIP) {
        closed.add(c.robotId() + "/" + c.taskId() + "/" + c.stepIndex());
      }
    }
    int steps = 0;
    for (var p : last.plans()) {
      for (PlanStep s : p.steps()) {
        steps++;
        assertTrue(closed.contains(p.robotId() + "/" + s.taskId() + "/" + s.stepIndex()),
            p.robotId() + " never closed " + s.taskId() + " step " + s.stepIndex() + " ("
                + s.action() + " at " + s.region() + ")");
      }
      assertEquals(null, robots.get(p.robotId()).current(), p.robotId() + " is still on a step");
    }
    assertTrue(steps > 0);
    System.out.println("pause end-to-end: " + ltlPlans.size() + " LTL plans, " + steps
        + " LTL steps, " + sync.size() + " sync orders ("
        + sync.stream().filter(c -> c.command() == SyncCommand.WAIT).count() + " WAIT), "
        + "robot rejections " + robotRejections.counts() + ", last order for allocation v"
        + sync.get(sync.size() - 1).planVersion());
    assertTrue(sync.get(sync.size() - 1).planVersion() > 0);
    assertTrue(sync.stream().anyMatch(c -> c.command() == SyncCommand.GO));
    assertTrue(synchronizer.rejections().counts().isEmpty(),
        synchronizer.rejections().counts().toString());
    assertTrue(robotRejections.counts().keySet().stream().noneMatch(k -> k.startsWith("sync")),
        robotRejections.counts().toString());
  }

  private static long phi2Steps(Allocation plan) {
    return plan.plans().stream().flatMap(p -> p.steps().stream())
        .filter(st -> st.taskId().equals("phi2")).count();
  }
}
