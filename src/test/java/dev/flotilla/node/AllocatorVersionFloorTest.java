package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.journal.StateJournal;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plan versions never go backwards (issue #16): not after a journal lost its plans, nor when a
 * recovered journal kept nothing but its high-water mark.
 */
class AllocatorVersionFloorTest {
  @TempDir Path dir;

  private AllocatorParams params() {
    return AllocatorParams.read(NodeFixture.params(NodeFixture.FLEET
        + "    state_dir: " + dir.resolve("state") + "\n").forNode("/", "allocator"));
  }

  private static Allocation planAfterATask(NodeFixture f, List<Allocation> seen) {
    var events = f.publisher("/flotilla/events", FleetEvent.TYPE);
    events.publish(FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId("r1").taskId("")
        .stepIndex(-1).build());
    f.bus.publisher("/flotilla/accepted_tasks", TaskRequest.TYPE, FlotillaQos.ACCEPTED_TASKS)
        .publish(TaskRequest.builder().taskId("t1").kind(TaskRequest.KIND_MULTI_ROBOT)
            .location(new Point(1, 0, 0)).requiredRobots(1).baseUtility(100).decayRate(0.001)
            .duration(60).build());
    assertFalse(seen.isEmpty(), "a plan was published");
    return seen.get(seen.size() - 1);
  }

  @Test
  void aStartWithoutItsJournalContinuesAboveTheLatchedPlan() throws Exception {
    NodeFixture f = new NodeFixture();
    // What the fleet last heard, latched on the topic: version 40 from before the journal was lost.
    f.bus.publisher("/flotilla/allocation", Allocation.TYPE, FlotillaQos.ALLOCATION)
        .publish(Allocation.builder().planVersion(40).cause((byte) 1).plans(List.of()).build());
    List<Allocation> seen = f.record("/flotilla/allocation", Allocation.TYPE);
    new AllocatorNode(f.context("allocator"), params()).start();
    Allocation plan = planAfterATask(f, seen);
    assertTrue(plan.planVersion() > 40, "version " + plan.planVersion());
    try (StateJournal j = StateJournal.open(dir.resolve("state"), "allocator")) {
      assertTrue(j.maxVersion() > 40, "and the journal keeps it");
    }
  }

  @Test
  void aRecoveredJournalThatKeptNothingStillContinuesAboveItsHighWaterMark() throws Exception {
    Path state = dir.resolve("state");
    try (StateJournal j = StateJournal.open(state, "allocator")) {
      for (long v = 1; v <= 17; v++) {
        j.planPublished(v, 1, v, new byte[] {1});
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state.resolve("allocator.db"));
        Statement st = c.createStatement()) {
      st.execute("DROP TABLE plans");
    }
    String report = StateJournal.recover(state, "allocator").orElseThrow();
    assertTrue(report.contains("above 17"), report);
    NodeFixture f = new NodeFixture();
    List<Allocation> seen = f.record("/flotilla/allocation", Allocation.TYPE);
    new AllocatorNode(f.context("allocator"), params()).start();
    assertTrue(planAfterATask(f, seen).planVersion() > 17);
    try (var files = Files.list(state)) {
      assertEquals(1, files.filter(p -> p.getFileName().toString()
          .startsWith("allocator.db.damaged-")).count(), "the damaged file is kept");
    }
  }
}
