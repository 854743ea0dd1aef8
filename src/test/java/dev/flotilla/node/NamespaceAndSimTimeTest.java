package dev.flotilla.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NamespaceAndSimTimeTest {

  @Test
  void aNamespacedSynchronizerFollowsSimulationTimeOnClock() {
    InMemoryBus bus = new InMemoryBus();
    NodeClock sim = NodeClock.simulated(bus);
    NodeContext ctx = new NodeContext("synchronizer", "/fleet_a", bus, sim, Runnable::run);
    SynchronizerNode node = new SynchronizerNode(ctx, SynchronizerParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/fleet_a", "synchronizer")));
    node.start();
    List<FleetEvent> namespaced = new ArrayList<>();
    List<FleetEvent> global = new ArrayList<>();
    bus.subscribe("/fleet_a/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT,
        namespaced::add);
    bus.subscribe("/flotilla/events", FleetEvent.TYPE, QosProfile.DEFAULT, global::add);
    Bus.Publisher<Clock> clock = bus.publisher("/clock", Clock.TYPE, QosProfile.DEFAULT);
    Bus.Publisher<Heartbeat> hb =
        bus.publisher("/fleet_a/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT);

    clock.publish(new Clock(Stamps.time(10.0)));
    hb.publish(Heartbeat.builder().robotId("r1").sequenceNumber(1).build());
    // Wall time races ahead; simulation time has not moved: no failure.
    node.tick();
    clock.publish(new Clock(Stamps.time(10.9)));
    node.tick();
    assertEquals(1, namespaced.size(), "joined only");
    clock.publish(new Clock(Stamps.time(11.2)));
    node.tick();
    assertEquals(FleetEvent.ROBOT_FAILED, namespaced.get(1).kind());
    assertEquals(11.2, Stamps.seconds(namespaced.get(1).stamp()), 1e-9);
    assertTrue(global.isEmpty(), "a namespaced node must not publish on the global topics");
  }

  @Test
  void clockNeverRunsBackwards() {
    InMemoryBus bus = new InMemoryBus();
    NodeClock sim = NodeClock.simulated(bus);
    Bus.Publisher<Clock> clock = bus.publisher("/clock", Clock.TYPE, QosProfile.DEFAULT);
    assertEquals(0, sim.now());
    clock.publish(new Clock(Stamps.time(5)));
    clock.publish(new Clock(Stamps.time(4)));
    assertEquals(5, sim.now(), 1e-9);
  }
}
