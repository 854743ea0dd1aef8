package dev.flotilla.sim.replay;

import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.meta.TopicMetadata;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.InMemoryBus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.RosParamsFile;
import dev.flotilla.sim.DemoScenario;
import dev.flotilla.sim.SimulatedRobot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records a demo session in simulated time into a bag, as {@code ros2 bag record} would on the
 * live demo: the three nodes and {@link SimulatedRobot}s on an {@link InMemoryBus}, an operator
 * submitting the {@code demo} section's tasks one second in, and its failing robot dying. Every
 * topic is recorded (inputs and the nodes' outputs) with the simulated time as log time, so the
 * bag is a reproducible test fixture for {@link ReplayHarness}.
 *
 * <p>Timeline: robots tick every 100 ms, robot k at {@code +k} ms and the operator after them,
 * so no two publications share a timestamp; the synchronizer ticks at multiples of its period,
 * which must exceed the robots' offsets. O(duration / period) steps.
 */
public final class SimulatedSession {
  /** Robot tick period, ns. */
  static final long ROBOT_PERIOD = 100_000_000L;
  private static final long OFFSET = 1_000_000L;

  private SimulatedSession() {}

  /**
   * What was recorded.
   *
   * @param messages messages written
   * @param completed tasks reported done
   * @param planVersions the last plan version
   * @param seconds simulated duration
   */
  public record Result(long messages, Set<String> completed, long planVersions, double seconds) {}

  /**
   * Runs the session and writes the bag.
   *
   * @param file parameters of the nodes and a {@code demo} section
   * @param bag bag directory to create
   * @param storage MCAP or SQLite3
   * @param startNanos simulated start time (ns since the epoch); a multiple of the
   *     synchronizer's period keeps the timeline aligned
   * @return counts
   * @throws IOException when the bag cannot be written
   */
  public static Result record(RosParamsFile file, Path bag, StorageId storage, long startNanos)
      throws IOException {
    ParamReader demo = file.forNode("/", "demo");
    FleetParams fleet = FleetParams.read(demo);
    DemoScenario scenario = DemoScenario.read(demo, fleet);
    demo.finish();
    long[] now = {startNanos};
    NodeClock clock = () -> now[0] / 1e9;
    try (InMemoryBus bus = new InMemoryBus();
        BagWriter writer = BagWriter.open(bag, BagWriterOptions.defaults(storage))) {
      long[] written = {0};
      List<FlotillaTopics.Known> topics = new ArrayList<>(FlotillaTopics.fleetTopics("/"));
      topics.removeIf(k -> k.topic().equals("/clock"));
      for (RobotSpec r : fleet.robots()) {
        FlotillaTopics.lookup(TopicNames.odometry("/", r.id())).ifPresent(topics::add);
      }
      for (FlotillaTopics.Known k : topics) {
        writer.createTopic(TopicMetadata.cdr(k.topic(), k.type().rosName()), "ros2msg",
            k.type().definition());
        recordTopic(bus, writer, k, now, written);
      }
      TickedNodes nodes = new TickedNodes(file, "/", bus, now);
      List<SimulatedRobot> robots = new ArrayList<>();
      for (RobotSpec r : fleet.robots()) {
        robots.add(new SimulatedRobot(r, file, bus, clock, "/"));
      }
      Bus.Publisher<TaskRequest> operator = bus.publisher(TopicNames.resolve("/",
          TopicNames.TASKS), TaskRequest.TYPE, FlotillaQos.TASKS);
      Set<String> completed = new HashSet<>();
      Allocation[] latest = {null};
      bus.subscribe(TopicNames.resolve("/", TopicNames.EVENTS), FleetEvent.TYPE,
          FlotillaQos.EVENTS, e -> {
            if (e.kind() == FleetEvent.TASK_COMPLETED) {
              completed.add(e.taskId());
            }
          });
      bus.subscribe(TopicNames.resolve("/", TopicNames.ALLOCATION), Allocation.TYPE,
          FlotillaQos.ALLOCATION, a -> latest[0] = a);

      if (nodes.period() <= (robots.size() + 1) * OFFSET) {
        throw new IllegalArgumentException("synchronizer.check_period must exceed "
            + (robots.size() + 1) + " ms for the session's timeline.");
      }
      long submitAt = startNanos + 1_000_000_000L;
      long failAt = submitAt + Math.round(scenario.failAt() * 1e9);
      long limit = submitAt + Math.round(scenario.timeLimit() * 1e9);
      long nextRound = startNanos;
      long settledAt = Long.MAX_VALUE;
      boolean submitted = false;
      // One more simulated second once settled, so the last plan and events are recorded.
      while (nextRound <= (settledAt == Long.MAX_VALUE ? limit
          : Math.min(limit, settledAt + 1_000_000_000L))) {
        nodes.tickUntil(nextRound, now);
        if (!scenario.failRobot().isEmpty() && nextRound >= failAt) {
          robots.stream().filter(r -> r.id().equals(scenario.failRobot()) && r.alive())
              .forEach(SimulatedRobot::kill);
        }
        for (int i = 0; i < robots.size(); i++) {
          now[0] = nextRound + i * OFFSET;
          robots.get(i).tick(ROBOT_PERIOD / 1e9);
        }
        if (!submitted && nextRound >= submitAt) {
          now[0] = nextRound + robots.size() * OFFSET;
          scenario.tasks().forEach(operator::publish);
          submitted = true;
        }
        if (submitted && settledAt == Long.MAX_VALUE
            && settled(scenario, completed, latest[0])) {
          settledAt = nextRound;
        }
        nextRound += ROBOT_PERIOD;
      }
      long last = latest[0] == null ? 0 : latest[0].planVersion();
      return new Result(written[0], Set.copyOf(completed), last,
          (now[0] - startNanos) / 1e9);
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static <T> void recordTopic(Bus bus, BagWriter writer, FlotillaTopics.Known k,
      long[] now, long[] written) {
    @SuppressWarnings("unchecked")
    MessageType<T> type = (MessageType<T>) k.type();
    bus.subscribe(k.topic(), type, TickedNodes.EVERY_MESSAGE, m -> {
      try {
        writer.write(k.topic(), type.encode(m), now[0], now[0]);
        written[0]++;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Every task is done, or the latest plan leaves it unassigned. */
  private static boolean settled(DemoScenario s, Set<String> completed, Allocation a) {
    Set<String> planned = new HashSet<>();
    if (a != null) {
      for (RobotPlan p : a.plans()) {
        p.steps().stream().map(PlanStep::taskId).forEach(planned::add);
      }
    }
    return s.tasks().stream().allMatch(t -> completed.contains(t.taskId())
        || (a != null && !planned.contains(t.taskId())));
  }
}
