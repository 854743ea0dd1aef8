package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Pose2;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.agent.MessagePlanFollower;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock.Stamps;
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
 * The whole LTL loop of {@link LtlCancelEndToEndTest} with heartbeats: a volunteer stops
 * heartbeating (and working) in the middle of a step, the synchronizer declares it failed, the
 * planner moves its unfinished chains (the one it was on included) to the other volunteers, and
 * every LTL formula is still satisfied by the robots that remain: every step of the last plan is
 * closed (the dead robot's are history it finished before it died). Without a spare volunteer the
 * work nobody else can do is reported unassignable with its reason, and the rest still ends.
 */
class LtlFailureEndToEndTest {
  private final NodeFixture f = new NodeFixture();
  private final Bus.Publisher<FleetEvent> events =
      f.bus.publisher("/flotilla/events", FleetEvent.TYPE, FlotillaQos.EVENTS);
  private final Bus.Publisher<Heartbeat> heartbeats =
      f.bus.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA);
  private final List<SyncCommand> sync = f.record("/flotilla/sync", SyncCommand.TYPE);
  private final List<Allocation> ltlPlans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
  private final List<FleetEvent> seen = f.record("/flotilla/events", FleetEvent.TYPE);
  private final InputRejections robotRejections = new InputRejections(Logger.getLogger("robots"));

  @Test
  void aFailedRobotsLtlWorkMovesToTheSpareAndEveryFormulaEnds() {
    // A spare volunteer. The plan can put every volunteer on one step (phi1's sw_r2), so a
    // one-for-one swap finds none free to take the dead one's part there and its chains used to
    // wait for the recovery; the mover's search places them (LtlWorkMoverSearchTest).
    Run r = run(true);
    assertEquals(List.of(), r.last.unassigned().stream().map(u -> u.taskId() + ": "
        + u.detail()).toList(), "nothing waits for " + r.dead);
    for (var p : r.last.plans()) {
      for (PlanStep st : p.steps()) {
        assertTrue(r.closed.contains(p.robotId() + "/" + st.taskId() + "/" + st.stepIndex()),
            p.robotId() + " never closed " + st.taskId() + " step " + st.stepIndex() + " ("
            + st.action() + " at " + st.region() + ")");
      }
    }
    var ltl = r.planner.ltl();
    assertTrue(ltl.planSatisfiesFormulas(), "the plan the remaining robots ran satisfies "
        + ltl.acceptedTaskIds());
  }

  @Test
  void workTheRemainingRobotsCannotDoIsReportedWithItsReason() {
    // Three volunteers: phi2's om_t4 needs all three at once, so with one dead it cannot move.
    Run r = run(false);
    var u = r.last.unassigned().stream().filter(x -> x.taskId().equals("phi2")).findFirst()
        .orElseThrow(() -> new AssertionError("phi2 not reported: " + r.last.unassigned()));
    assertTrue(u.detail().contains("robot " + r.dead + " failed")
        && u.detail().contains("no other robot of type volunteer")
        && u.detail().contains("recovery"), u.detail());
    assertTrue(r.last.plans().stream().filter(p -> p.robotId().equals(r.dead))
        .flatMap(p -> p.steps().stream()).anyMatch(st -> st.taskId().equals("phi2")),
        "its steps wait on it for the recovery");
  }

  /** Whether the newest LTL plan gives the robot phi2's om_t4 and it has not reported it done. */
  private boolean owesSharedStep(String robot) {
    if (ltlPlans.isEmpty()) {
      return false;
    }
    return ltlPlans.get(ltlPlans.size() - 1).plans().stream()
        .filter(p -> p.robotId().equals(robot)).flatMap(p -> p.steps().stream())
        .anyMatch(st -> st.taskId().equals("phi2") && st.action().equals("om")
            && st.region().equals("t4") && seen.stream().noneMatch(e ->
                e.kind() == FleetEvent.TASK_COMPLETED && e.robotId().equals(robot)
                    && e.taskId().equals("phi2") && e.stepIndex() == st.stepIndex()));
  }

  /**
   * Planning that does not depend on the machine's load: every formula in the offline window,
   * planned by branch and bound within a node budget (its time budget never binds), so the plan,
   * the victim and what can move are the same on every run. (Online formulas are re-solved by
   * CP-SAT within a time budget; under load a different plan may leave nothing a greedy move can
   * place.)
   */
  private static final String DETERMINISTIC = """
      ltl_case: case2
      ltl_offline_window: 1.0
      ltl_offline_budget: 600.0
      ltl_offline_nodes: 20000
      ltl_online_budget: 0.3
      ltl_online_min_iterations: 50
      """;

  private record Run(PlannerNode planner, String dead, Allocation last, Set<String> closed) {}

  private Run run(boolean spare) {
    RosParamsFile file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET
        + (spare ? "v4: {x: 85, y: 60, agent_type: volunteer}\n" : ""),
        DETERMINISTIC + "ltl_alpha: 10.0\nltl_beta: 0.1\nltl_gamma: 0.01\n"));
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
    for (String id : spare
        ? List.of("v1", "v2", "v3", "v4", "j1", "j2", "d1")
        : List.of("v1", "v2", "v3", "j1", "j2", "d1")) {
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
      f.bus.subscribe("/flotilla/sync", SyncCommand.TYPE, new QosProfile(true, false, 100),
          c -> {
            if (c.robotId().equals(id)) {
              follower.onSync(c);
            }
          });
    }
    Bus.Publisher<TaskRequest> tasks = f.publisher("/flotilla/tasks", TaskRequest.TYPE);
    tasks.publish(TaskRequest.builder().taskId("phi1").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI1).build());
    tasks.publish(TaskRequest.builder().taskId("phi2").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI2).build());
    tasks.publish(TaskRequest.builder().taskId("phi6").kind(TaskRequest.KIND_LTL)
        .ltlFormula(LtlFixture.PHI6).build());
    int dieAt = 150;
    String dead = null;
    long beat = 0;
    for (int s = 0; s < 4000; s++) {
      f.now += 1.0;
      planner.tick();
      if (s >= dieAt && dead == null) {
        // The first volunteer on a step dies on it: no heartbeat, no report, ever again. Without
        // a spare, the victim must still owe phi2's om_t4 (which needs all three volunteers):
        // the plans come from budgeted searches, so which volunteer that is depends on the
        // machine's load.
        dead = robots.keySet().stream().filter(id -> id.startsWith("v")
            && robots.get(id).current() != null && (spare || owesSharedStep(id)))
            .findFirst().orElse(null);
      }
      beat++;
      for (String id : robots.keySet()) {
        if (!id.equals(dead)) {
          heartbeats.publish(Heartbeat.builder().robotId(id).sequenceNumber(beat)
              .currentStep(-1).health(1).stamp(Stamps.time(f.now)).build());
        }
      }
      synchronizer.tick();
      for (var e : robots.entrySet()) {
        if (!e.getKey().equals(dead)) {
          e.getValue().tick(pose.get(e.getKey()), f.now);
        }
      }
    }
    assertTrue(dead != null, "a volunteer was on a step after step " + dieAt);
    String failed = dead;
    assertTrue(seen.stream().anyMatch(e -> e.kind() == FleetEvent.ROBOT_FAILED
        && e.robotId().equals(failed)), "the synchronizer declared " + dead + " failed");
    assertTrue(ltlPlans.stream().anyMatch(a -> a.cause() == Reassignment.CAUSE_ROBOT_FAILED),
        "the planner republished after the failure");
    assertEquals(Set.of(dead), planner.ltl().failed());
    Allocation last = ltlPlans.get(ltlPlans.size() - 1);
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
    Set<String> stuck = new HashSet<>();
    last.unassigned().forEach(u -> stuck.add(u.taskId()));
    for (var p : last.plans()) {
      for (PlanStep st : p.steps()) {
        steps++;
        // Work that waits for the dead robot may keep others waiting on it too; the rest ends.
        assertTrue(stuck.contains(st.taskId())
            || closed.contains(p.robotId() + "/" + st.taskId() + "/" + st.stepIndex()),
            p.robotId() + " never closed " + st.taskId() + " step " + st.stepIndex() + " ("
                + st.action() + " at " + st.region() + ")");
      }
    }
    assertTrue(steps > 0);
    assertEquals(List.of("phi1", "phi2", "phi6"), planner.ltl().acceptedTaskIds());
    System.out.println("failure end-to-end: " + dead + " died at step " + dieAt + ", "
        + ltlPlans.size() + " LTL plans, " + steps + " LTL steps, unassignable "
        + last.unassigned().stream().map(u -> u.taskId()).toList() + ", " + sync.size()
        + " sync orders, robot rejections " + robotRejections.counts()
        + ", synchronizer rejections " + synchronizer.rejections().counts());
    assertTrue(robotRejections.counts().keySet().stream().noneMatch(k -> k.startsWith("sync")),
        robotRejections.counts().toString());
    return new Run(planner, dead, last, closed);
  }
}
