package dev.flotilla.cli;

import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.RawTopicType;
import dev.flotilla.ros.StopSignals;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.bagio.BagRecorder;
import dev.flotilla.ros.bagio.RecordedTopic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla bag record -o <dir> [--storage mcap|sqlite3] [topic[:=pkg/msg/Type]…]}: records
 * live DDS topics into a rosbag2 bag until SIGINT/SIGTERM or {@code --duration}. Flotilla's own
 * topics need no type; any other topic names its type, whose definition must be generated or
 * bundled so the bag is self-describing. Exit code 2 on bad input, naming the argument.
 */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Record live DDS topics into a bag (MCAP or SQLite3) until Ctrl-C or "
        + "--duration. Without topics, records Flotilla's fleet topics and /clock.")
final class BagRecordCommand implements Callable<Integer> {
  /** QoS for topics Flotilla does not define: best effort matches every publisher. */
  static final QosProfile FOREIGN_TOPIC_QOS = new QosProfile(false, false, 100);

  @Mixin CommandIo io;

  @Parameters(paramLabel = "TOPIC[:=TYPE]", arity = "0..*",
      description = "Topics, e.g. /flotilla/allocation or /chatter:=std_msgs/msg/String.")
  List<String> topics = new ArrayList<>();

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Bag directory to create (must not exist or be empty).")
  Path output;

  @Option(names = {"-s", "--storage"}, paramLabel = "ID",
      description = "mcap (default) or sqlite3.")
  String storage = "mcap";

  @Option(names = "--duration", paramLabel = "SECONDS",
      description = "Stop after this many seconds (default: until SIGINT/SIGTERM).")
  Double duration;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "Namespace of the fleet topics and of relative topic names (default /).")
  String namespace = "/";

  @Mixin DdsOptions dds = new DdsOptions();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = io.out();
    List<RecordedTopic> plan;
    StorageId storageId;
    int domain;
    try {
      storageId = storage();
      domain = dds.domain();
      if (duration != null && !(duration > 0 && duration < 1e9)) {
        throw new IllegalArgumentException("--duration must be a number of seconds > 0, got "
            + duration + ".");
      }
      if (!TopicNames.isValidNamespace(namespace)) {
        throw new IllegalArgumentException("--namespace '" + namespace
            + "' is not a valid ROS 2 namespace.");
      }
      plan = topicsToRecord(topics, namespace);
    } catch (IllegalArgumentException e) {
      return io.fail(e);
    }
    CountDownLatch stop = new CountDownLatch(1);
    CountDownLatch finished = new CountDownLatch(1);
    // SIGINT/SIGTERM: let the main thread close the bag (metadata.yaml) before the JVM exits.
    Thread hook = new Thread(() -> {
      stop.countDown();
      try {
        finished.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "bag-record-shutdown");
    BagWriter writer;
    try {
      writer = BagWriter.open(output, BagWriterOptions.defaults(storageId));
    } catch (IOException e) {
      return io.fail(e);
    }
    Runtime.getRuntime().addShutdownHook(hook);
    StopSignals.exitZeroOnStop();
    try (BagWriter closedOnFailure = writer;
        DdsBus bus = new DdsBus("flotilla_bag_recorder", "/", domain, dds.loopback())) {
      BagRecorder recorder = new BagRecorder(bus, writer, plan);
      out.printf(Locale.ROOT, "Recording %d topics on DDS domain %d into %s%s%n", plan.size(),
          domain, output, duration == null ? " until interrupted" : " for " + duration + " s");
      out.flush();
      try {
        if (duration == null) {
          stop.await();
        } else {
          stop.await((long) (duration * 1e9), TimeUnit.NANOSECONDS);
        }
      } finally {
        recorder.close();
      }
      for (Map.Entry<String, Long> e : recorder.counts().entrySet()) {
        out.printf(Locale.ROOT, "%8d  %s%n", e.getValue(), e.getKey());
      }
      out.printf(Locale.ROOT, "Recorded %d messages into %s%n", recorder.total(), output);
      out.flush();
      return 0;
    } catch (IOException e) {
      return io.fail(e);
    } finally {
      finished.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down because of a signal; the hook is running.
      }
    }
  }

  private StorageId storage() {
    try {
      return StorageId.fromIdentifier(storage);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--storage: " + e.getMessage() + ".");
    }
  }

  /**
   * Resolves the command line's topics to names, types, definitions and QoS.
   *
   * @param args {@code topic} or {@code topic:=pkg/msg/Type}; none means the fleet topics
   * @param namespace namespace for relative names and the default topics
   * @return what to record
   * @throws IllegalArgumentException naming the argument that is wrong
   */
  static List<RecordedTopic> topicsToRecord(List<String> args, String namespace) {
    MessageDefinitions bundled = MessageDefinitions.bundled();
    Map<String, RecordedTopic> out = new LinkedHashMap<>();
    if (args.isEmpty()) {
      for (FlotillaTopics.Known k : FlotillaTopics.fleetTopics(namespace)) {
        out.put(k.topic(), new RecordedTopic(k.topic(), k.type().rosName(),
            k.type().definition(), k.qos()));
      }
    }
    for (String arg : args) {
      int sep = arg.indexOf(":=");
      String name = sep < 0 ? arg : arg.substring(0, sep);
      if (name.isEmpty()) {
        throw new IllegalArgumentException("topic argument '" + arg + "' has no topic name.");
      }
      String topic = TopicNames.resolve(namespace, name);
      Optional<FlotillaTopics.Known> known = FlotillaTopics.lookup(topic);
      String type;
      if (sep >= 0) {
        type = arg.substring(sep + 2);
        if (!RawTopicType.isValidRosName(type)) {
          throw new IllegalArgumentException("topic argument '" + arg + "': '" + type
              + "' is not a ROS 2 message type name; expected pkg/msg/Name.");
        }
        type = RawTopicType.fullRosName(type);
      } else if (known.isPresent()) {
        type = known.get().type().rosName();
      } else {
        throw new IllegalArgumentException("topic argument '" + arg + "': " + topic
            + " is not a Flotilla topic, so give its type as " + name + ":=pkg/msg/Type.");
      }
      String definition = FlotillaTopics.generatedType(type).map(MessageType::definition)
          .orElse(bundled.schemaText(type));
      if (definition == null) {
        throw new IllegalArgumentException("topic argument '" + arg + "': unknown message type '"
            + type + "' (neither generated from msg/ nor among the bundled definitions of "
            + "std_msgs, geometry_msgs, nav_msgs, sensor_msgs, tf2_msgs, builtin_interfaces).");
      }
      String finalType = type;
      QosProfile qos = known.filter(k -> k.type().rosName().equals(finalType))
          .map(FlotillaTopics.Known::qos).orElse(FOREIGN_TOPIC_QOS);
      if (out.containsKey(topic) && !out.get(topic).rosType().equals(type)) {
        throw new IllegalArgumentException("topic argument '" + arg + "': " + topic
            + " is already recorded as " + out.get(topic).rosType() + ".");
      }
      out.put(topic, new RecordedTopic(topic, type, definition, qos));
    }
    return List.copyOf(out.values());
  }
}
