package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.ros.Bus;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15/16: a valid 16-eventuality LTL task wedged the planner node (its compilation never
 * returned on the message thread, later tasks got no answer). Formulas now compile on the node's
 * background executor; here that executor is a queue the test drains, so the message thread is
 * seen answering while the compilation waits.
 */
class LtlCompileOffThreadTest {
  private final NodeFixture f = new NodeFixture();
  private final Deque<Runnable> background = new ArrayDeque<>();
  private final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  private final List<TaskRequest> accepted =
      f.record("/flotilla/accepted_tasks", TaskRequest.TYPE);
  private final Bus.Publisher<TaskRequest> tasks =
      f.publisher("/flotilla/tasks", TaskRequest.TYPE);

  /** 16 eventualities over the track field's actions and regions, 191 characters like the issue's. */
  static final String SIXTEEN = "<> sw_r1 && <> sw_r2 && <> sw_r3 && <> sw_r4 && <> sf_r1 && "
      + "<> sf_r2 && <> sf_r3 && <> sf_r4 && <> sb_r1 && <> sb_r2 && <> sb_r3 && <> sb_r4 && "
      + "<> om_t1 && <> om_t2 && <> om_t3 && <> om_t4";

  private PlannerNode planner() {
    NodeContext ctx = new NodeContext("planner", "/", f.bus, f.clock, Runnable::run,
        background::add);
    PlannerNode node = new PlannerNode(ctx, PlannerParams.read(NodeFixture.params(
        LtlFixture.params(LtlFixture.FLEET, LtlFixture.BUDGETS.replace(
            "ltl_offline_window: 1.0", "ltl_offline_window: 0"))).forNode("/", "planner")));
    node.start();
    return node;
  }

  private void submit(String id, String formula) {
    tasks.publish(TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL)
        .ltlFormula(formula).build());
  }

  private Set<String> answered() {
    return events.stream().filter(e -> e.kind() == FleetEvent.TASK_ACCEPTED
        || e.kind() == FleetEvent.TASK_REJECTED).map(FleetEvent::taskId)
        .collect(Collectors.toSet());
  }

  @Test
  void sixteenEventualityTaskDoesNotWedgeThePlannerAndTheNextTaskIsAnswered() {
    planner();
    submit("big", SIXTEEN);
    assertEquals(1, background.size(), "the formula compiles off the message thread");
    tasks.publish(PlannerNodeTest.valid("other"));
    assertEquals(List.of("other"), accepted.stream().map(TaskRequest::taskId).toList(),
        "the node answers other tasks while the formula compiles");
    submit("next", "<> sw_r1 && <> sf_r2");
    assertEquals(Set.of("other"), answered());
    while (!background.isEmpty()) {
      background.poll().run();
    }
    assertEquals(Set.of("other", "big", "next"), answered());
    assertTrue(events.stream().anyMatch(e -> e.taskId().equals("big")
        && e.kind() == FleetEvent.TASK_ACCEPTED), "16 eventualities are planned: " + events);
    assertTrue(events.stream().anyMatch(e -> e.taskId().equals("next")
        && e.kind() == FleetEvent.TASK_ACCEPTED), events.toString());
  }

  @Test
  void overlongDisjunctionIsRefusedWithASentenceAndTheNodeGoesOn() {
    planner();
    // As many terms as the 4096-character limit of a task message allows.
    StringBuilder or = new StringBuilder("a");
    while (or.length() + 3 <= 4096) {
      or.append("||a");
    }
    submit("long", or.toString());
    submit("next", "<> sw_r1");
    while (!background.isEmpty()) {
      background.poll().run();
    }
    FleetEvent refused = events.stream().filter(e -> e.taskId().equals("long")).findFirst()
        .orElseThrow();
    assertEquals(FleetEvent.TASK_REJECTED, refused.kind());
    assertTrue(refused.reason().contains("nests deeper than"), refused.reason());
    assertTrue(answered().contains("next"));
  }

  /** The compiler accepts it (issue 15), the fleet planner cannot honour it and says why. */
  @Test
  void formulaConstrainingTheFirstInstantIsRefusedByTheFleetWithASentence() {
    planner();
    submit("first", "(sw_r1 U sf_r2) && <> sb_r3");
    while (!background.isEmpty()) {
      background.poll().run();
    }
    FleetEvent refused = events.stream().filter(e -> e.taskId().equals("first")).findFirst()
        .orElseThrow();
    assertEquals(FleetEvent.TASK_REJECTED, refused.kind());
    assertTrue(refused.reason().contains("comes first"), refused.reason());
  }
}
