package dev.flotilla.cli;

import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.bag.meta.MetadataFormatException;
import dev.flotilla.bag.meta.OfferedQos;
import dev.flotilla.bag.meta.OfferedQosYaml;
import dev.flotilla.node.FlotillaTopics;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.RawTopicType;
import dev.flotilla.ros.bagio.BagPlayer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bag play <bag> [--rate R] [--clock [--clock-hz HZ]] [--topics T…]}: publishes
 * a bag onto DDS with its recorded timing, as {@code ros2 bag play}. Exit code 2 on bad input
 * (missing bag, bad rate, unknown topic or malformed type), naming the argument.
 */
@Command(name = "play", mixinStandardHelpOptions = true,
    description = "Publish a bag's messages onto DDS with the recorded timing, optionally with "
        + "/clock.")
final class BagPlayCommand implements Callable<Integer> {
  /** How long the player stays on DDS after the last message, so it is acknowledged. */
  static final long LINGER_MILLIS = 1500;

  @Mixin CommandIo io;

  @Mixin BagArgument bag;

  @Option(names = {"-r", "--rate"}, paramLabel = "R",
      description = "Playback speed factor, > 0 (default 1.0).")
  double rate = 1.0;

  @Option(names = "--clock", description = "Publish /clock (rosgraph_msgs/Clock) with the bag "
      + "time, for nodes with use_sim_time.")
  boolean clock;

  @Option(names = "--clock-hz", paramLabel = "HZ",
      description = "/clock messages per second of wall time (default 40).")
  double clockHz = 40;

  @Option(names = "--topics", arity = "1..*", paramLabel = "TOPIC",
      description = "Only these topics (default: all).")
  List<String> topics;

  @Option(names = "--delay", paramLabel = "SECONDS",
      description = "Wait this long after creating the publishers, so subscribers match "
          + "before the first message (default 0).")
  double delay;

  @Mixin DdsOptions dds = new DdsOptions();

  @Override
  public Integer call() throws InterruptedException {
    PrintWriter out = io.out();
    BagPlayer.Options options;
    int domain;
    try {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("--rate must be a finite number > 0, got " + rate
            + ".");
      }
      if (!(clockHz > 0 && clockHz <= 10_000)) {
        throw new IllegalArgumentException("--clock-hz must be within (0, 10000] Hz, got "
            + clockHz + ".");
      }
      if (!(delay >= 0 && delay <= 3600)) {
        throw new IllegalArgumentException("--delay must be within 0..3600 s, got " + delay
            + ".");
      }
      domain = dds.domain();
      options = new BagPlayer.Options(rate, clock ? clockHz : 0,
          topics == null ? null : new LinkedHashSet<>(topics), delay);
    } catch (IllegalArgumentException e) {
      return io.fail(e);
    }
    try (BagReader reader = BagReader.open(bag.path)) {
      checkTopics(reader);
      try (DdsBus bus = new DdsBus("flotilla_bag_player", "/", domain, dds.loopback())) {
        out.printf(Locale.ROOT, "Playing %s on DDS domain %d at rate %s%s%n", bag.path, domain,
            rate, clock ? " with /clock at " + clockHz + " Hz" : "");
        out.flush();
        BagPlayer.Result r = new BagPlayer(bus, reader, options, BagPlayCommand::qos).play();
        for (Map.Entry<String, Long> e : r.messages().entrySet()) {
          out.printf(Locale.ROOT, "%8d  %s%n", e.getValue(), e.getKey());
        }
        out.printf(Locale.ROOT, "Played %d messages covering %.3f s of bag time%s%n",
            r.messages().values().stream().mapToLong(Long::longValue).sum(), r.bagSeconds(),
            clock ? ", " + r.clockMessages() + " /clock messages" : "");
        out.flush();
        // Reliable writers still owe their last samples to slow readers: closing the
        // participant now would drop them.
        Thread.sleep(LINGER_MILLIS);
        return 0;
      }
    } catch (IOException | IllegalArgumentException e) {
      return io.fail(e);
    } catch (UncheckedIOException e) {
      return io.fail(e.getCause());
    }
  }

  private void checkTopics(BagReader reader) {
    Set<String> inBag = new LinkedHashSet<>();
    for (BagTopic t : reader.topics()) {
      inBag.add(t.topic().name());
      boolean played = topics == null || topics.contains(t.topic().name());
      if (played && !RawTopicType.isValidRosName(t.topic().type())) {
        throw new IllegalArgumentException(bag.path + ": topic " + t.topic().name() + " has type '"
            + t.topic().type() + "', which is not a ROS 2 message type name.");
      }
    }
    if (topics != null) {
      for (String t : topics) {
        if (!inBag.contains(t)) {
          throw new IllegalArgumentException("--topics: " + bag.path + " has no topic '" + t
              + "'; it has " + inBag + ".");
        }
      }
    }
  }

  /**
   * The QoS a topic is played with: Flotilla's documented QoS for its own topics (reliable
   * publishers reach best-effort and reliable subscribers alike), else reliable with the
   * recorded durability.
   */
  static QosProfile qos(BagTopic t) {
    var known = FlotillaTopics.lookup(t.topic().name())
        .filter(k -> k.type().rosName().equals(t.topic().type()));
    if (known.isPresent()) {
      QosProfile q = known.get().qos();
      return new QosProfile(true, q.transientLocal(), Math.max(q.depth(), 10));
    }
    List<OfferedQos> offered;
    try {
      offered = OfferedQosYaml.parse(t.topic().offeredQosProfiles(), t.topic().name());
    } catch (MetadataFormatException e) {
      offered = List.of(); // unreadable offers: play volatile, as for a bag without them
    }
    boolean latched = offered.stream().anyMatch(o -> o.durability().equals("transient_local"));
    return new QosProfile(true, latched, 100);
  }
}
