package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Planner and synchronizer on one bus, talking only through messages: the track-field formulas
 * are planned, then robots that obey the synchronizer's orders execute the plan to the end.
 */
class LtlPipelineTest {
  private final NodeFixture f = new NodeFixture();
  private final List<Allocation> plans = f.record("/flotilla/ltl_plan", Allocation.TYPE);
  private final List<SyncCommand> sync = f.record("/flotilla/sync", SyncCommand.TYPE);
  private final Bus.Publisher<FleetEvent> events =
      f.publisher("/flotilla/events", FleetEvent.TYPE);
  private final Bus.Publisher<TaskRequest> tasks =
      f.publisher("/flotilla/tasks", TaskRequest.TYPE);

  private enum State { IDLE, WAITING, WORKING }

  /**
   * Robots arrive and finish in an order drawn from {@code seed}; the makespan-heavy weights make
   * collaborations worth planning.
   */
  @ParameterizedTest(name = "execution order seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void robotsObeyingTheSynchronizerExecuteThePlannedFormulasToTheEnd(long seed) {
    RosParamsFile file = NodeFixture.params(LtlFixture.params(LtlFixture.FLEET,
        LtlFixture.BUDGETS + "ltl_alpha: 10.0\nltl_beta: 0.1\nltl_gamma: 0.01\n"));
    Random random = new Random(seed);
    PlannerNode planner = new PlannerNode(f.context("planner"),
        PlannerParams.read(file.forNode("/", "planner")));
    SynchronizerNode synchronizer = new SynchronizerNode(f.context("synchronizer"),
        SynchronizerParams.read(NodeFixture.params(LtlFixture.params(LtlFixture.FLEET, ""))
            .forNode("/", "synchronizer")));
    synchronizer.start();
    planner.start();
    String[][] formulas = {{"phi1", LtlFixture.PHI1}, {"phi2", LtlFixture.PHI2},
        {"phi6", LtlFixture.PHI6}};
    for (String[] t : formulas) {
      tasks.publish(TaskRequest.builder().taskId(t[0]).kind(TaskRequest.KIND_LTL)
          .ltlFormula(t[1]).build());
    }
    f.now += 2;
    planner.tick();
    // phi6 needs the illness that only appears online: phi1, phi2 offline, then phi6 online.
    assertEquals(1, plans.size());
    assertEquals(1, synchronizer.ltl().version());
    assertEquals(List.of("phi1", "phi2", "phi6"), planner.ltl().acceptedTaskIds());

    Map<String, RobotPlan> plan = new TreeMap<>();
    plans.get(0).plans().forEach(p -> plan.put(p.robotId(), p));
    Map<String, Integer> next = new TreeMap<>();
    Map<String, State> state = new TreeMap<>();
    plan.keySet().forEach(r -> {
      next.put(r, 0);
      state.put(r, State.IDLE);
    });
    int seen = 0;
    int goes = 0;
    int waits = 0;
    for (int round = 0; round < 10_000; round++) {
      List<String> idle = plan.keySet().stream().filter(r -> state.get(r) == State.IDLE
          && next.get(r) < plan.get(r).steps().size()).toList();
      List<String> working = plan.keySet().stream().filter(r -> state.get(r) == State.WORKING)
          .toList();
      String arriving = idle.isEmpty() ? null : idle.get(random.nextInt(idle.size()));
      String finishing = working.isEmpty() ? null : working.get(random.nextInt(working.size()));
      if (arriving != null && (finishing == null || random.nextBoolean())) {
        state.put(arriving, State.WAITING);
        report(FleetEvent.TASK_STARTED, arriving, plan.get(arriving), next.get(arriving));
      } else if (finishing != null) {
        state.put(finishing, State.IDLE);
        int step = next.get(finishing);
        next.put(finishing, step + 1);
        report(FleetEvent.TASK_COMPLETED, finishing, plan.get(finishing), step);
      } else {
        break;
      }
      for (SyncCommand c : new ArrayList<>(sync.subList(seen, sync.size()))) {
        assertEquals(plan.get(c.robotId()).steps().get(c.stepIndex()).taskId(), c.taskId());
        switch (c.command()) {
          case SyncCommand.GO -> {
            state.put(c.robotId(), State.WORKING);
            goes++;
          }
          case SyncCommand.WAIT -> {
            assertTrue(!c.waitingFor().isEmpty(), c.reason());
            waits++;
          }
          default -> {
            state.put(c.robotId(), State.IDLE);
            next.put(c.robotId(), c.stepIndex() + 1);
          }
        }
      }
      seen = sync.size();
    }
    for (String r : plan.keySet()) {
      assertEquals(plan.get(r).steps().size(), next.get(r), r + " did not finish its plan");
      assertEquals(State.IDLE, state.get(r));
    }
    assertTrue(goes > 0);
    System.out.println("seed " + seed + ": " + goes + " GO, " + waits + " WAIT, "
        + plans.get(0).plans().stream().flatMap(p -> p.steps().stream())
            .filter(x -> x.role() != 0).count() + " collaborative steps");
    assertEquals(0, synchronizer.rejections().counts().size(),
        synchronizer.rejections().counts().toString());
  }

  private void report(byte kind, String robot, RobotPlan plan, int step) {
    events.publish(FleetEvent.builder().kind(kind).robotId(robot)
        .taskId(plan.steps().get(step).taskId()).stepIndex(step).source(robot).build());
  }

  @Test
  void theShippedFleetParametersEnableLtlPlanning() {
    Path fleet = Path.of(System.getProperty("flotilla.root", "."), "params", "fleet.yaml");
    RosParamsFile file = RosParamsFile.load(fleet);
    PlannerParams planner = PlannerParams.read(file.forNode("/", "planner"));
    assertTrue(planner.ltl().enabled());
    SynchronizerParams.read(file.forNode("/", "synchronizer"));
  }
}
