package dev.flotilla.sim.replay;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.cdr.CdrException;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.RosParamsFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic replay of a recorded session through the node logic, without DDS: the bag's
 * inputs (heartbeats, odometry, robot descriptions, task requests, and the events robots and
 * operators published) are fed in log-time order into the planner, allocator and synchronizer on
 * an {@link InMemoryBus}, whose clock is the bag's log time; the synchronizer's {@code tick()}
 * runs at its period in that simulated time, at multiples of the period, before any message of
 * the same instant. Events the three nodes publish themselves ({@code source} = a node name) are
 * not fed, since the nodes publish them again. The published {@code Allocation} and
 * {@code Reassignment} messages are collected as JSON lines.
 *
 * <p>Nothing depends on wall time, thread scheduling or hash order of identity, so the same bag
 * and the same parameters give byte-identical output. Time: O(n + T/p) node callbacks for n bag
 * messages over T seconds with synchronizer period p.
 */
public final class ReplayHarness {
  private final RosParamsFile params;
  private final String namespace;
  private final double tailSeconds;

  /**
   * @param params the nodes' parameter file (the same file format the nodes run with)
   * @param namespace namespace the session's fleet topics live in, {@code /} by default
   * @param tailSeconds simulated seconds to keep ticking after the last message, &ge; 0, so a
   *     robot that fell silent at the end is still declared failed
   * @throws dev.flotilla.ros.params.ParamsException when a node's parameters are invalid
   */
  public ReplayHarness(RosParamsFile params, String namespace, double tailSeconds) {
    if (!TopicNames.isValidNamespace(namespace)) {
      throw new IllegalArgumentException("'" + namespace + "' is not a valid ROS 2 namespace.");
    }
    if (!(tailSeconds >= 0 && tailSeconds <= 86_400)) {
      throw new IllegalArgumentException("The tail must be within 0..86400 s, got " + tailSeconds
          + ".");
    }
    this.params = params;
    this.namespace = namespace;
    this.tailSeconds = tailSeconds;
    for (String node : List.of("synchronizer", "allocator", "planner")) {
      NodeHost.spec(node, params, namespace);
    }
  }

  /**
   * Replays a bag.
   *
   * @param bag an open bag (not closed here)
   * @return the collected output and what was fed
   * @throws IOException when the bag cannot be read
   * @throws java.io.UncheckedIOException when the bag is damaged mid-way
   */
  public ReplayResult replay(BagReader bag) throws IOException {
    Map<String, Input<?>> inputs = inputs(bag);
    Map<String, Long> fed = new TreeMap<>();
    Map<String, Long> skipped = new TreeMap<>();
    for (BagTopic t : bag.topics()) {
      if (!inputs.containsKey(t.topic().name()) && isInputName(t.topic().name())) {
        skipped.put(t.topic().name() + ": type " + t.topic().type() + " is not the expected one",
            0L);
      }
    }
    Iterator<BagMessage> it = bag.messages(new BagFilter(Set.copyOf(inputs.keySet()),
        Long.MIN_VALUE, Long.MAX_VALUE));
    if (!it.hasNext()) {
      return new ReplayResult(List.of(), fed, skipped, 0, 0, 0);
    }
    BagMessage first = it.next();
    long[] now = {first.logTimeNanos()};
    List<String> lines = new ArrayList<>();
    try (InMemoryBus bus = new InMemoryBus()) {
      TickedNodes nodes = new TickedNodes(params, namespace, bus, now);
      collect(bus, TopicNames.resolve(namespace, TopicNames.ALLOCATION), Allocation.TYPE, now,
          lines);
      collect(bus, TopicNames.resolve(namespace, TopicNames.REASSIGNMENT), Reassignment.TYPE,
          now, lines);
      Map<String, Bus.Publisher<Object>> publishers = new HashMap<>();
      for (BagMessage m = first; m != null; m = it.hasNext() ? it.next() : null) {
        nodes.tickUntil(m.logTimeNanos(), now);
        now[0] = m.logTimeNanos();
        String reason = feed(m, inputs.get(m.topic()), publishers, bus);
        if (reason == null) {
          fed.merge(m.topic(), 1L, Long::sum);
        } else {
          skipped.merge(m.topic() + ": " + reason, 1L, Long::sum);
        }
      }
      long end = now[0] + Math.round(tailSeconds * 1e9);
      nodes.tickUntil(end, now);
      now[0] = Math.max(now[0], end);
      return new ReplayResult(lines, fed, skipped, nodes.ticks(), first.logTimeNanos(), now[0]);
    }
  }

  /** One input topic: its type, QoS, and which of its messages are inputs. */
  private record Input<T>(MessageType<T> type, QosProfile qos, boolean eventsOnly) {}

  private boolean isInputName(String topic) {
    return topic.equals(TopicNames.resolve(namespace, TopicNames.HEARTBEAT))
        || topic.equals(TopicNames.resolve(namespace, TopicNames.TASKS))
        || topic.equals(TopicNames.resolve(namespace, TopicNames.EVENTS))
        || topic.endsWith("/odom") || topic.endsWith("/robot_description");
  }

  private Map<String, Input<?>> inputs(BagReader bag) {
    Map<String, Input<?>> in = new LinkedHashMap<>();
    for (BagTopic t : bag.topics()) {
      String name = t.topic().name();
      String type = t.topic().type();
      Input<?> input = null;
      if (name.equals(TopicNames.resolve(namespace, TopicNames.HEARTBEAT))) {
        input = new Input<>(Heartbeat.TYPE, QosProfile.SENSOR_DATA, false);
      } else if (name.equals(TopicNames.resolve(namespace, TopicNames.TASKS))) {
        input = new Input<>(TaskRequest.TYPE, FlotillaQos.TASKS, false);
      } else if (name.equals(TopicNames.resolve(namespace, TopicNames.EVENTS))) {
        input = new Input<>(FleetEvent.TYPE, FlotillaQos.EVENTS, true);
      } else if (name.endsWith("/odom") || name.endsWith("/robot_description")) {
        input = FlotillaTopics.lookup(name)
            .map(k -> new Input<>(k.type(), k.qos(), false)).orElse(null);
      }
      if (input != null && input.type().rosName().equals(type)) {
        in.put(name, input);
      }
    }
    return in;
  }

  @SuppressWarnings("unchecked")
  private static String feed(BagMessage m, Input<?> input, Map<String, Bus.Publisher<Object>> pubs,
      Bus bus) {
    Object message;
    try {
      message = input.type().decode(m.data());
    } catch (CdrException | IllegalArgumentException | NullPointerException e) {
      return "does not decode";
    }
    if (input.eventsOnly() && message instanceof FleetEvent e
        && NodeHost.NODE_NAMES.contains(e.source())) {
      return "published by the " + e.source() + " itself";
    }
    pubs.computeIfAbsent(m.topic(), t -> (Bus.Publisher<Object>) bus.publisher(t,
        (MessageType<Object>) input.type(), input.qos())).publish(message);
    return null;
  }

  private static <T> void collect(Bus bus, String topic, MessageType<T> type, long[] now,
      List<String> lines) {
    MessageJsonLines json = new MessageJsonLines();
    bus.subscribe(topic, type, TickedNodes.EVERY_MESSAGE,
        m -> lines.add(json.line(now[0], topic, type, type.encode(m))));
  }
}
