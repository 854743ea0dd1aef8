package dev.flotilla.ros.bagio;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagTopic;
import dev.flotilla.msgs.rosgraph_msgs.Clock;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.QosProfile;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Publishes a bag's messages onto DDS with their recorded timing, as {@code ros2 bag play} does:
 * message k goes out {@code (t_k - t_0) / rate} after the first, measured on the monotonic clock
 * so delays do not accumulate. Messages are sent as raw CDR, so any type plays without generated
 * code. With a clock rate, {@code /clock} ({@code rosgraph_msgs/Clock}, best effort, depth 1)
 * carries the bag time while playing, for nodes with {@code use_sim_time}.
 *
 * <p>O(n) for n messages; memory O(1) beyond the reader's.
 */
public final class BagPlayer {
  /** QoS of {@code /clock}, as rclcpp's ClockQoS. */
  public static final QosProfile CLOCK_QOS = new QosProfile(false, false, 1);

  /**
   * How to play.
   *
   * @param rate playback speed factor, &gt; 0 (2 = twice as fast)
   * @param clockHz {@code /clock} messages per second of wall time, 0 for none
   * @param topics topics to play, or null for all
   * @param startDelay seconds to wait after creating the publishers, so subscribers match first
   */
  public record Options(double rate, double clockHz, Set<String> topics, double startDelay) {
    public Options {
      if (!(rate > 0) || Double.isInfinite(rate)) {
        throw new IllegalArgumentException("rate must be a finite number > 0, got " + rate + ".");
      }
      if (!(clockHz >= 0) || Double.isInfinite(clockHz)) {
        throw new IllegalArgumentException("clock rate must be a finite number >= 0, got "
            + clockHz + ".");
      }
      if (!(startDelay >= 0) || Double.isInfinite(startDelay)) {
        throw new IllegalArgumentException("start delay must be a finite number >= 0, got "
            + startDelay + ".");
      }
      topics = topics == null ? null : Set.copyOf(topics);
    }
  }

  /**
   * What was played.
   *
   * @param messages messages published, by topic
   * @param clockMessages {@code /clock} messages published
   * @param bagSeconds bag time covered (last minus first log time), in seconds
   */
  public record Result(Map<String, Long> messages, long clockMessages, double bagSeconds) {}

  private final DdsBus bus;
  private final BagReader bag;
  private final Options options;
  private final Function<BagTopic, QosProfile> qos;

  /**
   * @param bus the DDS participant to publish on
   * @param bag an open bag (not closed by the player)
   * @param options rate, clock, topics
   * @param qos the QoS to publish each topic with
   */
  public BagPlayer(DdsBus bus, BagReader bag, Options options,
      Function<BagTopic, QosProfile> qos) {
    this.bus = bus;
    this.bag = bag;
    this.options = options;
    this.qos = qos;
  }

  /**
   * Plays the bag to its end.
   *
   * @return counts
   * @throws IOException when the bag cannot be read
   * @throws InterruptedException when interrupted; playback stops
   * @throws IllegalArgumentException when a topic's type name is malformed
   */
  public Result play() throws IOException, InterruptedException {
    Map<String, Bus.Publisher<byte[]>> publishers = new HashMap<>();
    Map<String, Long> counts = new LinkedHashMap<>();
    boolean clockOn = options.clockHz() > 0;
    for (BagTopic t : bag.topics()) {
      String name = t.topic().name();
      // With our own /clock, a recorded /clock would make time jump back and forth.
      if ((options.topics() == null || options.topics().contains(name))
          && !(clockOn && name.equals("/clock"))) {
        publishers.put(name, bus.rawPublisher(name, t.topic().type(), qos.apply(t)));
        counts.put(name, 0L);
      }
    }
    // Raw like the other topics: one participant cannot carry a type both raw and typed.
    Bus.Publisher<byte[]> clock = clockOn
        ? bus.rawPublisher("/clock", Clock.TYPE.rosName(), CLOCK_QOS) : null;
    sleepNanos((long) (options.startDelay() * 1e9));
    long clockPeriod = clock == null ? Long.MAX_VALUE : (long) (1e9 / options.clockHz());
    long clockMessages = 0;
    long firstLog = Long.MIN_VALUE;
    long lastLog = Long.MIN_VALUE;
    long wallStart = 0;
    long nextClock = 0;
    BagFilter filter = options.topics() == null ? BagFilter.all()
        : new BagFilter(options.topics(), Long.MIN_VALUE, Long.MAX_VALUE);
    for (Iterator<BagMessage> it = bag.messages(filter); it.hasNext(); ) {
      BagMessage m = it.next();
      if (firstLog == Long.MIN_VALUE) {
        firstLog = m.logTimeNanos();
        wallStart = System.nanoTime();
        nextClock = wallStart;
      }
      long due = wallStart + (long) ((m.logTimeNanos() - firstLog) / options.rate());
      while (clock != null && nextClock <= due) {
        sleepUntil(nextClock);
        clock.publish(Clock.TYPE.encode(
            new Clock(Stamps.time(bagSeconds(firstLog, wallStart, nextClock)))));
        clockMessages++;
        nextClock += clockPeriod;
      }
      sleepUntil(due);
      Bus.Publisher<byte[]> p = publishers.get(m.topic());
      if (p != null) {
        p.publish(m.data());
        counts.merge(m.topic(), 1L, Long::sum);
      }
      lastLog = m.logTimeNanos();
    }
    return new Result(counts, clockMessages,
        firstLog == Long.MIN_VALUE ? 0 : (lastLog - firstLog) / 1e9);
  }

  private double bagSeconds(long firstLog, long wallStart, long wallNow) {
    return (firstLog + (wallNow - wallStart) * options.rate()) / 1e9;
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    sleepNanos(nanoTime - System.nanoTime());
  }

  private static void sleepNanos(long nanos) throws InterruptedException {
    if (nanos > 0) {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    }
  }
}
