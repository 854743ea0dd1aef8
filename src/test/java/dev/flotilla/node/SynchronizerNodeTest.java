package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import java.util.List;
import org.junit.jupiter.api.Test;

class SynchronizerNodeTest {
  private final NodeFixture f = new NodeFixture();
  private final List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
  private final SynchronizerNode node = new SynchronizerNode(f.context("synchronizer"),
      SynchronizerParams.read(NodeFixture.params(NodeFixture.FLEET)
          .forNode("/", "synchronizer")));
  private final dev.flotilla.ros.Bus.Publisher<Heartbeat> hb =
      f.publisher("/flotilla/heartbeat", Heartbeat.TYPE);

  SynchronizerNodeTest() {
    node.start();
  }

  private void beat(String robot, long seq) {
    hb.publish(Heartbeat.builder().robotId(robot).sequenceNumber(seq).battery(Float.NaN)
        .build());
  }

  @Test
  void joinFailAndRecoverAreEachPublishedOnce() {
    beat("r1", 1);
    beat("r2", 1);
    f.now += 0.5;
    beat("r1", 2);
    f.now += 0.6;
    node.tick();
    node.tick();
    List<Byte> kinds = events.stream().map(FleetEvent::kind).toList();
    assertEquals(List.of(FleetEvent.ROBOT_JOINED, FleetEvent.ROBOT_JOINED,
        FleetEvent.ROBOT_FAILED), kinds);
    FleetEvent failed = events.get(2);
    assertEquals("r2", failed.robotId());
    assertTrue(failed.reason().contains("no heartbeat for 1.100 s"), failed.reason());
    beat("r2", 1);
    assertEquals(FleetEvent.ROBOT_RECOVERED, events.get(3).kind());
    assertEquals("r2", events.get(3).robotId());
  }

  @Test
  void badHeartbeatsAreCountedAndNeverRefreshLiveness() {
    beat("r1", 5);
    beat("intruder", 1);
    beat("intruder", 2);
    beat("r1", 5);
    beat("r1", 3);
    beat("", 9);
    f.now += 1.5;
    node.tick();
    assertEquals(2, node.rejections().count("unknown_robot"));
    assertEquals(1, node.rejections().count("duplicate_sequence"));
    assertEquals(1, node.rejections().count("out_of_order"));
    assertEquals(1, node.rejections().count("empty_robot_id"));
    assertEquals(List.of(FleetEvent.ROBOT_JOINED, FleetEvent.ROBOT_FAILED),
        events.stream().map(FleetEvent::kind).toList());
  }

  @Test
  void aRobotWithoutAnAgentIsWatchedThroughItsOdometry() {
    NodeFixture g = new NodeFixture();
    List<FleetEvent> seen = g.record("/flotilla/events", FleetEvent.TYPE);
    String yaml = NodeFixture.FLEET.replace(
        "r3: {x: 0.0, y: 10.0, max_speed: 1.0, max_acceleration: 1.0}",
        "r3: {x: 0.0, y: 10.0, liveness_source: odometry}");
    SynchronizerNode sync = new SynchronizerNode(g.context("synchronizer"),
        SynchronizerParams.read(NodeFixture.params(yaml).forNode("/", "synchronizer")));
    sync.start();
    var odom = g.publisher("/r3/odom", dev.flotilla.msgs.nav_msgs.Odometry.TYPE);
    var beats = g.publisher("/flotilla/heartbeat", Heartbeat.TYPE);
    odom.publish(dev.flotilla.msgs.nav_msgs.Odometry.builder().build());
    assertEquals(FleetEvent.ROBOT_JOINED, seen.get(0).kind());
    g.now += 0.6;
    odom.publish(dev.flotilla.msgs.nav_msgs.Odometry.builder().build());
    g.now += 0.6;
    beats.publish(Heartbeat.builder().robotId("r3").sequenceNumber(1).build());
    sync.tick();
    assertEquals(1, seen.size(), "odometry 0.6 s ago keeps r3 alive");
    g.now += 0.6;
    sync.tick();
    assertEquals(FleetEvent.ROBOT_FAILED, seen.get(1).kind(),
        "heartbeats do not count for an odometry-watched robot");
    assertEquals(1, sync.rejections().count("liveness_from_odometry"));
  }

  @Test
  void heartbeatsAreTakenOnArrivalNotBehindTheNodesQueuedWork() {
    NodeFixture g = new NodeFixture();
    List<FleetEvent> seen = g.record("/flotilla/events", FleetEvent.TYPE);
    List<Runnable> queued = new java.util.ArrayList<>();
    SynchronizerNode busy = new SynchronizerNode(
        new NodeContext("synchronizer", "/", g.bus, g.clock, queued::add),
        SynchronizerParams.read(NodeFixture.params(NodeFixture.FLEET)
            .forNode("/", "synchronizer")));
    busy.start();
    dev.flotilla.ros.Bus.Publisher<Heartbeat> beats =
        g.publisher("/flotilla/heartbeat", Heartbeat.TYPE);
    beats.publish(Heartbeat.builder().robotId("r1").sequenceNumber(1).battery(Float.NaN)
        .build());
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    g.now += 0.5;
    beats.publish(Heartbeat.builder().robotId("r1").sequenceNumber(2).battery(Float.NaN)
        .build());
    g.now += 0.6;
    // The node's executor is busy (nothing queued has run) when the check comes due.
    busy.tick();
    while (!queued.isEmpty()) {
      queued.remove(0).run();
    }
    assertEquals(List.of(FleetEvent.ROBOT_JOINED),
        seen.stream().map(FleetEvent::kind).toList(),
        "r1 spoke 0.6 s ago: its heartbeat counts from its arrival, not from when the node ran");
  }

  @Test
  void theHeartbeatReaderHoldsFourBeatsPerRobotWithinFastDdsLimits() {
    assertEquals(84, SynchronizerNode.heartbeatQos(21, false).depth());
    assertEquals(64, SynchronizerNode.heartbeatQos(1, false).depth());
    assertEquals(256, SynchronizerNode.heartbeatQos(1, true).depth());
    assertEquals(1024, SynchronizerNode.heartbeatQos(2000, false).depth(),
        "Fast-DDS refuses a reader deeper than its max_samples");
    assertEquals(false, SynchronizerNode.heartbeatQos(21, false).reliable());
  }
}
