package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlannerNodeTest {
  private final NodeFixture f = new NodeFixture();
  private final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  private final List<TaskRequest> accepted =
      f.record("/flotilla/accepted_tasks", TaskRequest.TYPE);
  private final PlannerNode node = new PlannerNode(f.context("planner"),
      PlannerParams.read(NodeFixture.params(NodeFixture.FLEET).forNode("/", "planner")));
  private final dev.flotilla.ros.Bus.Publisher<TaskRequest> tasks =
      f.publisher("/flotilla/tasks", TaskRequest.TYPE);

  PlannerNodeTest() {
    node.start();
  }

  static TaskRequest valid(String id) {
    return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
        .location(new Point(2, 3, 0)).requiredRobots(2).baseUtility(100).decayRate(0.01)
        .duration(30).build();
  }

  @Test
  void validTaskIsHandedToTheAllocatorWithItsRegionResolved() {
    tasks.publish(valid("t1"));
    tasks.publish(valid("t2").toBuilder().region("dock").build());
    assertEquals(List.of("t1", "t2"), accepted.stream().map(TaskRequest::taskId).toList());
    assertEquals(1.0, accepted.get(1).location().x());
    assertTrue(events.stream().allMatch(e -> e.kind() == FleetEvent.TASK_ACCEPTED));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "empty id, task_id is empty",
      "bad id, must be 1-128 letters",
      "no robots, required_robots must be within 1..1000",
      "NaN utility, base_utility must be a finite number > 0",
      "negative decay, decay_rate must be a finite number >= 0",
      "infinite duration, duration must be a finite number >= 0",
      "NaN location, location has a non-finite coordinate",
      "unknown region, region 'attic' is not a known region",
      "unknown kind, kind 7 is not KIND_LTL",
      "empty formula, ltl_formula is empty",
      "blank capability, required_capabilities holds an empty name"})
  void malformedTaskIsRejectedWithItsReason(String scenario, String reason) {
    UnaryOperator<TaskRequest.Builder> breakIt = switch (scenario) {
      case "empty id" -> b -> b.taskId("");
      case "bad id" -> b -> b.taskId("has space");
      case "no robots" -> b -> b.requiredRobots(0);
      case "NaN utility" -> b -> b.baseUtility(Double.NaN);
      case "negative decay" -> b -> b.decayRate(-1);
      case "infinite duration" -> b -> b.duration(Double.POSITIVE_INFINITY);
      case "NaN location" -> b -> b.location(new Point(Double.NaN, 0, 0));
      case "unknown region" -> b -> b.region("attic");
      case "unknown kind" -> b -> b.kind((byte) 7);
      case "empty formula" -> b -> b.kind(TaskRequest.KIND_LTL).ltlFormula(" ");
      default -> b -> b.requiredCapabilities(List.of(" "));
    };
    tasks.publish(breakIt.apply(valid("t9").toBuilder()).build());
    assertTrue(accepted.isEmpty(), "a malformed task must not reach the allocator");
    FleetEvent rejected = events.get(events.size() - 1);
    assertEquals(FleetEvent.TASK_REJECTED, rejected.kind());
    assertTrue(rejected.reason().contains(reason), rejected.reason());
    assertEquals(1, node.rejections().count("invalid_task"));
  }

  @Test
  void duplicateTaskIdIsRejectedAndTheFirstIsKept() {
    tasks.publish(valid("t1"));
    tasks.publish(valid("t1").toBuilder().baseUtility(5).build());
    assertEquals(1, accepted.size());
    assertEquals(100, accepted.get(0).baseUtility());
    assertTrue(events.get(1).reason().contains("is taken by an earlier task"));
  }

  /** Issue 14: an operator tool resends a request it heard no verdict for; same answer. */
  @Test
  void anIdenticalRepeatGetsTheSameVerdictInsteadOfADuplicateRejection() {
    tasks.publish(valid("t1"));
    tasks.publish(valid("t1"));
    assertEquals(1, accepted.size(), "handed to the allocator once");
    assertEquals(2, events.size());
    assertTrue(events.stream().allMatch(e -> e.kind() == FleetEvent.TASK_ACCEPTED
        && e.reason().equals("valid")), events.toString());
    tasks.publish(valid("bad").toBuilder().region("attic").build());
    tasks.publish(valid("bad").toBuilder().region("attic").build());
    assertEquals(FleetEvent.TASK_REJECTED, events.get(3).kind());
    assertEquals(events.get(2).reason(), events.get(3).reason());
  }
}
