package dev.flotilla.bench;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.builtin_interfaces.Time;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.Auth;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.geometry_msgs.Pose;
import dev.flotilla.msgs.geometry_msgs.Quaternion;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.MessageAuthenticator;
import dev.flotilla.security.Right;
import dev.flotilla.security.Roster;
import dev.flotilla.security.SecureBus;
import dev.flotilla.security.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Measures what authentication costs per message (issue #8: justify the schemes with measured
 * costs): CDR encoding alone as the baseline, then signing and verifying a typical Heartbeat and a
 * typical Allocation with Ed25519 and with HMAC-SHA256, in the same run. Sign and verify include
 * the canonical encoding they need, i.e. what {@link SecureBus} adds to a publish or a delivery.
 */
public final class SecurityBenchmark {
  /** Header of the CSV of {@link Row#csv()} lines. */
  public static final String CSV_HEADER = "message,bytes,operation,us_median,us_min";

  /**
   * What to run.
   *
   * @param iterations messages per batch, &ge; 1
   * @param batches batches per operation (the upper median is reported), &ge; 1
   */
  public record Settings(int iterations, int batches) {}

  private final Settings settings;

  /** @param settings what to run */
  public SecurityBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * One measured operation.
   *
   * @param message {@code Heartbeat} or {@code Allocation}
   * @param bytes its CDR size, signed
   * @param operation e.g. {@code sign Ed25519}
   * @param microsMedian median µs per message over the batches
   * @param microsMin fastest batch, µs per message
   */
  public record Row(String message, int bytes, String operation, double microsMedian,
      double microsMin) implements CsvRow {

    /** @return the CSV line, µs with three decimals */
    @Override
    public String csv() {
      return String.format(Locale.ROOT, "%s,%d,%s,%.3f,%.3f", message, bytes, operation,
          microsMedian, microsMin);
    }
  }

  /**
   * Prints one table line per row.
   *
   * @param out where they go
   * @param rows the rows of a run
   */
  public static void print(TableWriter out, List<Row> rows) {
    out.printf("%-11s %6s  %-20s %10s %10s%n", "message", "bytes", "operation", "µs median",
        "µs min");
    for (Row r : rows) {
      out.printf("%-11s %6d  %-20s %10.2f %10.2f%n", r.message(), r.bytes(), r.operation(),
          r.microsMedian(), r.microsMin());
    }
  }

  /**
   * A typical Allocation: {@code robots} robots with {@code steps} steps each, partners on half.
   *
   * @param robots robots in the plan
   * @param steps steps per robot
   * @return the plan
   */
  public static Allocation typicalAllocation(int robots, int steps) {
    List<RobotPlan> plans = new ArrayList<>();
    for (int r = 0; r < robots; r++) {
      List<PlanStep> s = new ArrayList<>();
      for (int k = 0; k < steps; k++) {
        s.add(new PlanStep("task_" + r + "_" + k, k, "goto", "region_" + k,
            new Pose(new Point(r + 0.5, k + 0.25, 0), new Quaternion(0, 0, 0, 1)),
            new Time(1_700_000_000 + k * 10, 0), new Time(1_700_000_005 + k * 10, 0),
            k % 2 == 0 ? PlanStep.ROLE_SOLO : PlanStep.ROLE_MASTER,
            k % 2 == 0 ? List.of() : List.of("r" + ((r + 1) % robots))));
      }
      plans.add(new RobotPlan("r" + r, s));
    }
    return new Allocation(42, new Time(1_700_000_000, 0), (byte) 0, plans, List.of(), 1234.5);
  }

  /** @return a typical heartbeat */
  public static Heartbeat typicalHeartbeat() {
    return new Heartbeat("r1", 123_456, new Time(1_700_000_000, 5), Heartbeat.STATE_MOVING,
        "task_1_0", 0, 42, 0.87f, 1f);
  }

  /**
   * Runs the benchmark.
   *
   * @return rows: per message type, encode, then sign/verify for each scheme
   */
  public List<Row> run() {
    int iterations = settings.iterations();
    int batches = settings.batches();
    KeyDir keys = KeyDir.ephemeral(List.of("r1", "allocator"));
    Roster roster = Roster.of(Roster.defaultNodes(), List.of("r1"));
    MessageAuthenticator auth = new MessageAuthenticator(roster, keys);
    List<Row> rows = new ArrayList<>();
    rows.addAll(measure("Heartbeat", Heartbeat.TYPE, typicalHeartbeat(), "/flotilla/heartbeat",
        Right.HEARTBEATS, "r1", auth, iterations, batches, true));
    rows.addAll(measure("Allocation", Allocation.TYPE, typicalAllocation(10, 5),
        "/flotilla/allocation", Right.ALLOCATIONS, "allocator", auth, iterations, batches, false));
    return rows;
  }

  private static <T> List<Row> measure(String name, MessageType<T> type, T message, String topic,
      Right right, String sender, MessageAuthenticator auth, int iterations, int batches,
      boolean hmacAllowed) {
    List<Row> out = new ArrayList<>();
    T ed = auth.sign(topic, type, message, sender, 1, Auth.SCHEME_ED25519);
    T mac = auth.sign(topic, type, message, sender, 1, Auth.SCHEME_HMAC_SHA256);
    int bytes = type.encode(ed).length;
    long[] seq = {2};
    out.add(time(name, bytes, "encode (baseline)", iterations, batches,
        () -> type.encode(message)));
    out.add(time(name, bytes, "sign Ed25519", iterations, batches,
        () -> auth.sign(topic, type, message, sender, seq[0]++, Auth.SCHEME_ED25519)));
    out.add(time(name, bytes, "verify Ed25519", iterations, batches,
        () -> check(auth.verify(topic, right, type, ed))));
    out.add(time(name, type.encode(mac).length, "sign HMAC-SHA256", iterations, batches,
        () -> auth.sign(topic, type, message, sender, seq[0]++, Auth.SCHEME_HMAC_SHA256)));
    if (hmacAllowed) {
      out.add(time(name, type.encode(mac).length, "verify HMAC-SHA256", iterations, batches,
          () -> check(auth.verify(topic, right, type, mac))));
    }
    return out;
  }

  private static Object check(Verdict v) {
    if (!(v instanceof Verdict.Accepted)) {
      throw new IllegalStateException("The benchmark's own message did not verify: " + v + ".");
    }
    return v;
  }

  private static Row time(String name, int bytes, String op, int iterations, int batches,
      Supplier<Object> work) {
    Object sink = null;
    for (int i = 0; i < Math.max(200, iterations / 2); i++) {
      sink = work.get(); // warm up the JIT
    }
    double[] perMessage = new double[batches];
    for (int b = 0; b < batches; b++) {
      long start = System.nanoTime();
      for (int i = 0; i < iterations; i++) {
        sink = work.get();
      }
      perMessage[b] = (System.nanoTime() - start) / 1e3 / iterations;
    }
    if (sink == null) {
      throw new IllegalStateException("The benchmark produced nothing.");
    }
    return new Row(name, bytes, op, Statistics.upperMedian(perMessage),
        Statistics.min(perMessage));
  }
}
