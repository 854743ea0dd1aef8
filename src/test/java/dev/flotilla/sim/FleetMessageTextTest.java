package dev.flotilla.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskMove;
import dev.flotilla.msgs.flotilla_msgs.UnassignedTask;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo's console lines, as {@code flotilla demo} prints them. */
class FleetMessageTextTest {
  private static final String NL = System.lineSeparator();

  private static PlanStep step(String task, byte role) {
    return PlanStep.builder().taskId(task).role(role).build();
  }

  @Test
  void anAllocationListsEachRobotsStepsWithTheirRoles() {
    Allocation a = Allocation.builder().planVersion(4).expectedUtility(550.61)
        .plans(List.of(new RobotPlan("r1", List.of(step("carry", PlanStep.ROLE_MASTER))),
            new RobotPlan("r2", List.of()),
            new RobotPlan("r4", List.of(step("carry", PlanStep.ROLE_COLLABORATOR),
                step("inspect_b", PlanStep.ROLE_SOLO)))))
        .unassigned(List.of(new UnassignedTask("far", (byte) 0, "out of reach"))).build();
    assertEquals("    0.11 s  allocation v4  utility 550.6  r1=[carry(M)] r2=[] "
        + "r4=[carry(C), inspect_b]  unassigned [far]" + NL, FleetMessageText.line(0.111, a));
  }

  @Test
  void aReassignmentNamesItsCauseAndMoves() {
    Reassignment r = Reassignment.builder().previousVersion(6).planVersion(7)
        .cause(Reassignment.CAUSE_ROBOT_FAILED).subject("r2")
        .affectedRobots(List.of("r2", "r4"))
        .moves(List.of(new TaskMove("inspect_a", List.of("r2"), List.of("r4")))).build();
    assertEquals("    4.22 s  reassignment v6→v7  cause robot_failed (r2)  affected [r2, r4]  "
        + "moves [inspect_a:[r2]→[r4]]" + NL, FleetMessageText.line(4.22, r));
  }

  @Test
  void anEventShowsItsKindRobotTaskAndReason() {
    FleetEvent e = FleetEvent.builder().kind(FleetEvent.TASK_STARTED).robotId("r3")
        .taskId("inspect_c").reason("arrived").build();
    assertEquals("   11.86 s  event task_started r3 inspect_c  arrived" + NL,
        FleetMessageText.line(11.86, e));
    FleetEvent failed = FleetEvent.builder().kind(FleetEvent.ROBOT_FAILED).robotId("r2")
        .reason("no heartbeat").build();
    assertEquals("    4.22 s  event robot_failed r2  no heartbeat" + NL,
        FleetMessageText.line(4.22, failed));
    assertEquals("event_99", FleetMessageText.kind((byte) 99));
    assertEquals("", FleetMessageText.line(0, "not a fleet message"));
  }
}
