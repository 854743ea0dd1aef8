package dev.flotilla.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.StepRole;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RunRecorderTest {

  @Test
  void stepsCloseAsCompletedFailedOrUnfinished() {
    RunRecorder rec = new RunRecorder();
    rec.stepStarted("a", "T1", "go", StepRole.MASTER, 1).stepStarted("b", "T1", "go",
        StepRole.COLLABORATOR, 2).stepStarted("c", "T2", "gw", StepRole.SOLO, 3);
    assertTrue(rec.stepFinished("a", "T1", "go", 5));
    assertFalse(rec.stepFinished("a", "T1", "go", 6), "already closed");
    assertTrue(rec.stepFailed("b", "T1", "go", 4));
    RunRecord run = rec.build(10);
    assertEquals(List.of(
        new ExecutedSpan("a", "T1", "go", 1, 5, StepOutcome.COMPLETED, StepRole.MASTER),
        new ExecutedSpan("b", "T1", "go", 2, 4, StepOutcome.FAILED, StepRole.COLLABORATOR),
        new ExecutedSpan("c", "T2", "gw", 3, 10, StepOutcome.UNFINISHED, StepRole.SOLO)),
        run.executed());
    assertEquals(10, run.durationS());
    // The snapshot left c open: finishing it later still works.
    assertTrue(rec.stepFinished("c", "T2", "gw", 12));
    assertEquals(StepOutcome.COMPLETED, rec.build().executed().get(2).outcome());
    assertEquals(12, rec.build().durationS());
  }

  @Test
  void robotFailureClosesItsOpenStepsAndOnlyTheFirstCounts() {
    RunRecorder rec = new RunRecorder();
    rec.pose("a", 0, 0, 0).stepStarted("a", "T1", "go", StepRole.SOLO, 1)
        .stepStarted("b", "T1", "go", StepRole.SOLO, 1);
    rec.robotFailed("a", 7).robotFailed("a", 9);
    RunRecord run = rec.build();
    assertEquals(OptionalDouble.of(7), run.robots().get(0).failureTimeS());
    assertTrue(run.robots().get(0).failed());
    assertFalse(run.robots().get(1).failed());
    assertEquals(new ExecutedSpan("a", "T1", "go", 1, 7, StepOutcome.FAILED, StepRole.SOLO),
        run.executed().get(0));
    assertEquals(StepOutcome.UNFINISHED, run.executed().get(1).outcome());
  }

  @Test
  void plansAreNumberedAndRobotsKeepFirstSeenOrder() {
    RunRecorder rec = new RunRecorder();
    assertEquals(1, rec.plan(0, "initial", List.of()));
    PlannedSpan late = new PlannedSpan("z", "T", "a", "r", 50, 80, StepRole.SOLO, List.of());
    assertEquals(2, rec.plan(30, "replan", List.of(late)));
    rec.robot("z").pose("y", 1, 0, 0).pose("z", 2, 1, 1);
    RunRecord run = rec.build();
    assertEquals(List.of("z", "y"), run.robots().stream().map(RobotTrack::robot).toList());
    assertEquals(2, run.latestPlan().version());
    assertEquals(80, run.durationS(), "a plan's finish times count towards the run's length");
  }

  @Test
  void concurrentAppendsAreAllKept() throws Exception {
    RunRecorder rec = new RunRecorder();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < 4; r++) {
      String robot = "r" + r;
      threads.add(new Thread(() -> {
        for (int i = 0; i < 2000; i++) {
          rec.pose(robot, i, i, 0).utility(i, i).event(i, "tick", robot, "", "");
        }
      }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    RunRecord run = rec.build();
    assertEquals(4, run.robots().size());
    run.robots().forEach(t -> assertEquals(2000, t.trajectory().size()));
    assertEquals(8000, run.utility().size());
    assertEquals(8000, run.events().size());
  }

  @Test
  void snapshotsAreImmutable() {
    RunRecorder rec = new RunRecorder().pose("a", 0, 0, 0);
    RunRecord before = rec.build();
    rec.pose("a", 1, 1, 1);
    assertEquals(1, before.robots().get(0).trajectory().size());
    assertThrows(UnsupportedOperationException.class,
        () -> before.events().add(new RunEvent(0, "k", "", "", "")));
  }

  @Test
  void badInputNamesTheField() {
    RunRecorder rec = new RunRecorder();
    IllegalArgumentException nan =
        assertThrows(IllegalArgumentException.class, () -> rec.pose("a", Double.NaN, 0, 0));
    assertTrue(nan.getMessage().contains("trajectory.timeS"), nan.getMessage());
    IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
        () -> new PlannedSpan("a", "T9", "x", "", 5, 4, StepRole.SOLO, List.of()));
    assertTrue(backwards.getMessage().contains("plannedStep.finishS")
        && backwards.getMessage().contains("T9"), backwards.getMessage());
    IllegalArgumentException nullRole = assertThrows(IllegalArgumentException.class,
        () -> rec.stepStarted("a", "T", "s", null, 0));
    assertTrue(nullRole.getMessage().contains("stepStarted.role"), nullRole.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new RunRecord("t", "", -1, List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of()));
  }
}
