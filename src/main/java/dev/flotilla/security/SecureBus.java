package dev.flotilla.security;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.Signable;
import dev.flotilla.msgs.diagnostic_msgs.DiagnosticArray;
import dev.flotilla.msgs.diagnostic_msgs.DiagnosticStatus;
import dev.flotilla.msgs.diagnostic_msgs.KeyValue;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.std_msgs.Header;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.NodeClock;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * A {@link Bus} decorator that gives a node or robot an identity (issue #8, "Who may speak"):
 * it signs what the node publishes on the fleet's protected topics ({@link Right}) and checks
 * what arrives there, so node logic is untouched. Other topics (odometry, {@code /clock},
 * markers) pass through unchanged.
 *
 * <p>A received message is dropped ({@link SecurityMode#ENFORCE}) or delivered anyway
 * ({@link SecurityMode#WARN}) when it is unsigned, from a sender outside the roster, badly
 * signed, from a sender without the right for the topic, or replayed. Each rejection is counted
 * per reason and topic; the first of each (topic, sender, reason) is logged and published as a
 * {@code FleetEvent.INPUT_REJECTED} on the namespace's {@code flotilla/events}, and
 * {@link #publishDiagnostics()} reports the counters as a {@code diagnostic_msgs/DiagnosticArray}
 * on {@code /diagnostics}.
 *
 * <p>Sequence numbers are per topic and never below the wall clock in microseconds, so they keep
 * increasing when a node restarts or a standby takes over its identity, and receivers need no
 * state on disk (clocks must agree to well within a restart, as NTP/PTP give). Each subscription
 * keeps its own {@link ReplayWindow} per sender, since two subscriptions on one topic
 * legitimately see the same message.
 *
 * <p>Closing this bus closes the subscriptions made through it; the inner bus belongs to the
 * caller.
 */
public final class SecureBus implements Bus {
  /** Where diagnostics go, as every ROS 2 node's diagnostic_updater publishes them. */
  public static final String DIAGNOSTICS = "/diagnostics";
  /** Rejection events: as the fleet's events topic (reliable, transient-local, deep). */
  static final QosProfile EVENTS_QOS = new QosProfile(true, true, 200);

  private final Bus inner;
  private final String identity;
  private final SecurityMode mode;
  private final Roster roster;
  private final MessageAuthenticator auth;
  private final NodeClock clock;
  private final Logger log;
  private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
  private final Map<RejectReason, LongAdder> byReason = new EnumMap<>(RejectReason.class);
  private final Map<String, LongAdder> byTopicReason = new ConcurrentHashMap<>();
  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Map<String, Publisher<FleetEvent>> eventPublishers = new ConcurrentHashMap<>();
  private final List<AutoCloseable> subscriptions = new CopyOnWriteArrayList<>();
  private final LongAdder signed = new LongAdder();
  private final LongAdder verified = new LongAdder();
  private final LongAdder signNanos = new LongAdder();
  private final LongAdder verifyNanos = new LongAdder();
  private volatile Publisher<DiagnosticArray> diagnostics;

  /**
   * @param inner the transport, owned by the caller
   * @param identity who this node or robot is in the roster
   * @param params mode and roster
   * @param keys this identity's private key and secret, and the keys of every sender
   * @param clock stamps rejection events and diagnostics
   */
  public SecureBus(Bus inner, String identity, SecurityParams params, KeyDir keys,
      NodeClock clock) {
    if (params.mode() == SecurityMode.OFF) {
      throw new IllegalArgumentException("A secure bus needs security mode warn or enforce.");
    }
    this.inner = inner;
    this.identity = identity;
    this.mode = params.mode();
    this.roster = params.roster();
    this.auth = new MessageAuthenticator(roster, keys);
    this.clock = clock;
    this.log = Logger.getLogger("flotilla.security." + identity);
    for (RejectReason r : RejectReason.values()) {
      byReason.put(r, new LongAdder());
    }
    if (!roster.contains(identity)) {
      log.warning(identity + " is not in the fleet roster; receivers will drop what it sends.");
    } else if (keys.privateKey(identity).isEmpty()) {
      // Fail at start, not at the first publish deep inside a node callback.
      throw new KeyDirException("The key directory " + keys.dir() + " has no private key of "
          + identity + "; run `flotilla keys gen --dir " + keys.dir() + " " + identity + "`.");
    }
  }

  /** @return the identity this bus signs as */
  public String identity() {
    return identity;
  }

  /** @return the mode */
  public SecurityMode mode() {
    return mode;
  }

  /**
   * Whether input that names a robot but carries no signature of its own (a
   * {@code robot_description} from robot_state_publisher) may be used: always unless the mode is
   * {@link SecurityMode#ENFORCE}, and then only for robots in the roster.
   *
   * @param robotId the robot the input is about
   * @return whether to use it
   */
  public boolean admitsRobot(String robotId) {
    return mode != SecurityMode.ENFORCE || roster.isRobot(robotId);
  }

  @Override
  public <T> Publisher<T> publisher(String topic, MessageType<T> type, QosProfile qos) {
    Publisher<T> out = inner.publisher(topic, type, qos);
    Optional<Right> right = Right.forTopic(topic);
    if (right.isEmpty() || !signable(type)) {
      return out;
    }
    if (!roster.allows(identity, right.get())) {
      log.warning(identity + " publishes on " + topic + " but the roster does not give it "
          + right.get().label() + "; receivers will drop these messages.");
    }
    // Heartbeats are the high-rate messages: a robot MACs them when it has a secret.
    byte scheme = right.get() == Right.HEARTBEATS && roster.isRobot(identity)
        ? Auth.SCHEME_HMAC_SHA256 : Auth.SCHEME_ED25519;
    AtomicLong sequence = sequences.computeIfAbsent(topic, t -> new AtomicLong());
    return message -> {
      long start = System.nanoTime();
      long next = nextSequence(sequence);
      T signedMessage = auth.sign(topic, type, message, identity, next, scheme);
      signNanos.add(System.nanoTime() - start);
      signed.increment();
      return out.publish(signedMessage);
    };
  }

  @Override
  public <T> AutoCloseable subscribe(String topic, MessageType<T> type, QosProfile qos,
      Consumer<T> handler) {
    Optional<Right> right = Right.forTopic(topic);
    if (right.isEmpty() || !signable(type)) {
      AutoCloseable handle = inner.subscribe(topic, type, qos, handler);
      subscriptions.add(handle);
      return handle;
    }
    if (roster.allows(identity, Right.EVENTS)) {
      // Created now, on the node's thread, so reporting a rejection never creates endpoints
      // from a middleware callback.
      eventsPublisher(topic, right.get());
    }
    Map<String, ReplayWindow> windows = new ConcurrentHashMap<>();
    AutoCloseable handle = inner.subscribe(topic, type, qos, message -> {
      if (admit(topic, right.get(), type, message, windows)) {
        handler.accept(message);
      }
    });
    subscriptions.add(handle);
    return handle;
  }

  /** @return whether the message is delivered */
  private <T> boolean admit(String topic, Right right, MessageType<T> type, T message,
      Map<String, ReplayWindow> windows) {
    long start = System.nanoTime();
    Verdict v = auth.verify(topic, right, type, message);
    if (v instanceof Verdict.Accepted) {
      long sequence = ((Signable<?>) message).auth().sequence();
      ReplayWindow w = windows.computeIfAbsent(v.sender(), s -> new ReplayWindow());
      boolean fresh;
      synchronized (w) {
        fresh = w.accept(sequence);
      }
      if (!fresh) {
        v = new Verdict.Rejected(v.sender(), RejectReason.REPLAYED, "sequence "
            + Long.toUnsignedString(sequence) + " was already accepted or is older than the last "
            + ReplayWindow.SIZE + ".");
      }
    }
    verifyNanos.add(System.nanoTime() - start);
    verified.increment();
    if (v instanceof Verdict.Rejected r) {
      reject(topic, right, r);
      return mode == SecurityMode.WARN;
    }
    return true;
  }

  private void reject(String topic, Right right, Verdict.Rejected r) {
    byReason.get(r.reason()).increment();
    byTopicReason.computeIfAbsent(topic + " " + r.reason().label(), k -> new LongAdder())
        .increment();
    String sender = r.sender().isEmpty() ? "(no sender)" : "'" + r.sender() + "'";
    if (!reported.add(topic + "\u0000" + r.sender() + "\u0000" + r.reason())) {
      return; // counted; a flood must not flood the log and the events topic
    }
    String text = r.reason().label() + ": " + sender + " on " + topic + ": " + r.detail();
    log.warning((mode == SecurityMode.ENFORCE ? "Dropped" : "Delivered (warn mode)")
        + " a message that fails authentication, " + text + " Further ones are counted.");
    Publisher<FleetEvent> events = eventPublishers.get(namespaceOf(topic, right));
    if (events != null) {
      events.publish(FleetEvent.builder().stamp(NodeClock.Stamps.time(clock.now()))
          .kind(FleetEvent.INPUT_REJECTED).stepIndex(-1).source(identity).reason(text).build());
    }
  }

  private void eventsPublisher(String topic, Right right) {
    String ns = namespaceOf(topic, right);
    eventPublishers.computeIfAbsent(ns, n -> publisher(TopicNames.resolve(n, TopicNames.EVENTS),
        FleetEvent.TYPE, EVENTS_QOS));
  }

  private static String namespaceOf(String topic, Right right) {
    String ns = topic.substring(0, topic.length() - right.relativeTopic().length());
    return ns.isEmpty() ? "/" : ns;
  }

  private static boolean signable(MessageType<?> type) {
    // Generated records that end with Auth implement Signable; the check needs no instance.
    String own = type.definition().split("\n=====", 2)[0]; // the type itself, not dependencies
    return own.lines().map(String::strip)
        .anyMatch(l -> l.equals("Auth auth") || l.equals("flotilla_msgs/Auth auth"));
  }

  /**
   * The next sequence number of a sender on a topic: above the previous one and never below the
   * wall clock in µs, so a restarted node, or a hot standby taking over the same identity,
   * continues above what receivers have seen without shared state.
   *
   * @param counter the sender's last sequence on the topic; updated
   * @return the sequence to sign with
   */
  public static long nextSequence(AtomicLong counter) {
    return counter.updateAndGet(prev -> Math.max(prev + 1, epochMicros()));
  }

  private static long epochMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
  }

  /**
   * @param reason a reason
   * @return how many messages were rejected for it since start, all topics
   */
  public long rejected(RejectReason reason) {
    return byReason.get(reason).sum();
  }

  /** @return rejection counts keyed by "topic reason", sorted */
  public Map<String, Long> rejections() {
    Map<String, Long> out = new TreeMap<>();
    byTopicReason.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  /**
   * Cost counters for benchmarks (e.g. the share of a node's CPU spent on authentication).
   *
   * @param signed messages signed
   * @param signNanos total time spent signing, canonical encoding included
   * @param verified messages checked
   * @param verifyNanos total time spent checking, canonical encoding and replay check included
   */
  public record Costs(long signed, long signNanos, long verified, long verifyNanos) {}

  /** @return signing and checking counts and times since start */
  public Costs costs() {
    return new Costs(signed.sum(), signNanos.sum(), verified.sum(), verifyNanos.sum());
  }

  /** @return the counters as one diagnostic status per this identity */
  public DiagnosticArray diagnostics() {
    List<KeyValue> values = new ArrayList<>();
    values.add(new KeyValue("mode", mode.label()));
    values.add(new KeyValue("signed", Long.toString(signed.sum())));
    values.add(new KeyValue("checked", Long.toString(verified.sum())));
    long total = 0;
    for (RejectReason r : RejectReason.values()) {
      long n = rejected(r);
      total += n;
      values.add(new KeyValue("rejected." + r.label(), Long.toString(n)));
    }
    String message = total == 0 ? "all received messages authenticated"
        : total + " messages failed authentication ("
            + (mode == SecurityMode.ENFORCE ? "dropped" : "delivered: warn mode") + ")";
    DiagnosticStatus status = new DiagnosticStatus(total == 0 ? DiagnosticStatus.OK
        : DiagnosticStatus.WARN, "flotilla/security: " + identity, message, identity, values);
    return new DiagnosticArray(new Header(NodeClock.Stamps.time(clock.now()), ""),
        List.of(status));
  }

  /** Publishes {@link #diagnostics()} on {@value #DIAGNOSTICS}; call periodically (1 Hz). */
  public void publishDiagnostics() {
    Publisher<DiagnosticArray> p = diagnostics;
    if (p == null) {
      synchronized (this) {
        if (diagnostics == null) {
          diagnostics = inner.publisher(DIAGNOSTICS, DiagnosticArray.TYPE, QosProfile.DEFAULT);
        }
        p = diagnostics;
      }
    }
    p.publish(diagnostics());
  }

  @Override
  public void close() {
    for (AutoCloseable s : subscriptions) {
      try {
        s.close();
      } catch (Exception e) {
        log.fine("Subscription already closed: " + e.getMessage());
      }
    }
    subscriptions.clear();
  }
}
