package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.ros.params.ParameterTable;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fleet nodes' parameter tables: what is live, what is refused, and that a change acts. */
class NodeParametersTest {
  private static NodeHost.NodeSpec spec(String node) {
    return NodeHost.spec(node, NodeFixture.params(NodeFixture.FLEET), "/");
  }

  @Test
  void synchronizerTimeoutIsLiveAndValidatedAsAtStart() {
    ParameterTable<SynchronizerParams> t =
        NodeParameters.synchronizer("synchronizer", spec("synchronizer").declared());
    assertTrue(t.names().containsAll(List.of("heartbeat_timeout", "check_period",
        "use_sim_time", "robots.r1.x")), t.names().toString());
    ParameterTable.Outcome<SynchronizerParams> ok =
        t.set(Map.of("heartbeat_timeout", DoubleNode.valueOf(3.0)));
    assertTrue(ok.accepted(), ok.reason());
    assertEquals(3.0, ok.params().heartbeatTimeout());
    assertEquals("synchronizer.heartbeat_timeout must be within [0.01, 3600.0], got 0.001.",
        t.set(Map.of("heartbeat_timeout", DoubleNode.valueOf(0.001))).reason());
    assertTrue(t.readOnly("check_period"));
    assertFalse(t.set(Map.of("check_period", DoubleNode.valueOf(1.0))).accepted());
    assertFalse(t.set(Map.of("robots.r1.x", DoubleNode.valueOf(1.0))).accepted());
    assertEquals(3.0, t.value("heartbeat_timeout").asDouble());
  }

  @Test
  void allocatorThresholdIsLiveAndUtilityWeightsAreReadOnly() {
    ParameterTable<AllocatorParams> t =
        NodeParameters.allocator("allocator", spec("allocator").declared());
    ParameterTable.Outcome<AllocatorParams> ok =
        t.set(Map.of("rebalance_threshold", DoubleNode.valueOf(0.3)));
    assertTrue(ok.accepted(), ok.reason());
    assertEquals(0.3, ok.params().rebalanceThreshold());
    assertEquals("allocator.rebalance_threshold must be within [0.0, 1.0], got 1.5.",
        t.set(Map.of("rebalance_threshold", DoubleNode.valueOf(1.5))).reason());
    assertTrue(t.set(Map.of("alpha", DoubleNode.valueOf(2.0))).reason().contains("read-only"));
    assertTrue(NodeParameters.planner("planner", spec("planner").declared()).names()
        .contains("use_sim_time"));
  }

  @Test
  void aLongerTimeoutSetWhileRunningKeepsASlowRobotAlive() {
    NodeFixture f = new NodeFixture();
    List<FleetEvent> events = f.record("/flotilla/events", FleetEvent.TYPE);
    NodeHost.NodeSpec spec = spec("synchronizer");
    SynchronizerNode node = new SynchronizerNode(f.context("synchronizer"),
        (SynchronizerParams) spec.params());
    node.start();
    var hb = f.publisher("/flotilla/heartbeat", Heartbeat.TYPE);
    hb.publish(Heartbeat.builder().robotId("r1").sequenceNumber(1).battery(Float.NaN).build());
    ParameterTable<SynchronizerParams> t =
        NodeParameters.synchronizer("synchronizer", spec.declared());
    node.retune(t.set(Map.of("heartbeat_timeout", DoubleNode.valueOf(5.0))).params());
    f.now += 2.0;
    node.tick();
    assertEquals(List.of(FleetEvent.ROBOT_JOINED),
        events.stream().map(FleetEvent::kind).toList());
    f.now += 4.0;
    node.tick();
    assertEquals(FleetEvent.ROBOT_FAILED, events.get(events.size() - 1).kind());
    assertTrue(events.get(events.size() - 1).reason().contains("timeout 5.000 s"),
        events.get(events.size() - 1).reason());
  }
}
