package dev.flotilla.node;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.ArrayList;
import java.util.List;

/** Nodes on an {@link InMemoryBus} with a hand-driven clock: deterministic, no DDS. */
public final class NodeFixture {
  public final InMemoryBus bus = new InMemoryBus();
  public double now = 1000.0;
  public final NodeClock clock = () -> now;

  public NodeContext context(String name) {
    return new NodeContext(name, "/", bus, clock, Runnable::run);
  }

  public static RosParamsFile params(String yaml) {
    return RosParamsFile.parse("test.yaml", yaml);
  }

  public <T> List<T> record(String topic, MessageType<T> type) {
    List<T> out = new ArrayList<>();
    bus.subscribe(topic, type, new QosProfile(true, true, 1000), out::add);
    return out;
  }

  public <T> Bus.Publisher<T> publisher(String topic, MessageType<T> type) {
    return bus.publisher(topic, type, QosProfile.DEFAULT);
  }

  public static final String FLEET = """
      /**:
        ros__parameters:
          robots:
            r1: {x: 0.0, y: 0.0, max_speed: 1.0, max_acceleration: 1.0}
            r2: {x: 10.0, y: 0.0, max_speed: 1.0, max_acceleration: 1.0}
            r3: {x: 0.0, y: 10.0, max_speed: 1.0, max_acceleration: 1.0}
          regions:
            dock: {x: 1.0, y: 1.0}
      synchronizer:
        ros__parameters:
          heartbeat_timeout: 1.0
      allocator:
        ros__parameters:
          algorithm: potential_game
      """;
}
