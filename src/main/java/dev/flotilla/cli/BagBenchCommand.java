package dev.flotilla.cli;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code flotilla bench bag}: write and read throughput of generated bags (MCAP uncompressed,
 * zstd, lz4, and SQLite3) next to the raw sequential read speed of the same file in the same run,
 * which is the physical limit, with the peak heap of each phase. The messages are real CDR
 * (LaserScan, Odometry, TFMessage) encoded once from the bundled definitions and cycled.
 *
 * <p>Each bag is read two ways: {@code messages()} (every payload copied into its own array) and
 * {@code views()} (payloads read in place; every chunk CRC still checked). Reads are repeated
 * after warm-up passes (the JIT compiles the read path during the first ones), interleaved with
 * the raw reads of the same file so that both see the same machine, and each figure is the median
 * of its passes.
 */
@Command(
    name = "bag",
    mixinStandardHelpOptions = true,
    description = "Benchmark rosbag2 MCAP/SQLite3 write and read throughput against raw reads.")
public final class BagBenchCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--size-mb", description = "Message payload per bag in MiB (default 200).")
  int sizeMb = 200;

  @Option(names = "--out", description = "CSV output (default out/bench/bag.csv).")
  Path out = Path.of("out", "bench", "bag.csv");

  @Option(names = "--work-dir", description = "Where the bags are written (default: a temp dir).")
  Path workDir;

  @Option(names = "--keep", description = "Keep the generated bags.")
  boolean keep;

  @Option(names = "--passes", description = "Measured read passes per bag; medians are reported"
      + " (default 11).")
  int passes = 11;

  @Option(names = "--warmup-passes", description = "Unreported read passes per bag before the"
      + " measured ones (default 15).")
  int warmupPasses = 15;

  /**
   * One benchmark row; times are medians of the measured passes (s).
   *
   * @param readS read with {@code messages()} (payloads copied)
   * @param viewS read with {@code views()} (payloads in place)
   */
  record Row(String format, long messages, long payloadBytes, long fileBytes, double writeS,
      double rawReadS, double directReadS, double readS, double viewS, long writePeakHeap,
      long readPeakHeap) {
    double mb(long bytes, double s) {
      return bytes / 1048576.0 / s;
    }
  }

  private record Case(String name, StorageId storage, ChunkCompression compression) {}

  @Override
  public Integer call() throws IOException {
    if (sizeMb <= 0) {
      spec.commandLine().getErr().println("error: --size-mb must be positive, got " + sizeMb);
      return 2;
    }
    if (passes <= 0 || warmupPasses < 0) {
      spec.commandLine().getErr().println("error: --passes must be positive and --warmup-passes"
          + " not negative, got " + passes + " and " + warmupPasses);
      return 2;
    }
    PrintWriter o = spec.commandLine().getOut();
    Path dir = workDir != null ? Files.createDirectories(workDir)
        : Files.createTempDirectory("flotilla-bag-bench");
    List<BagMessage> pool = messagePool(new Random(42));
    List<Case> cases = List.of(new Case("mcap-none", StorageId.MCAP, ChunkCompression.NONE),
        new Case("mcap-zstd", StorageId.MCAP, ChunkCompression.ZSTD),
        new Case("mcap-lz4", StorageId.MCAP, ChunkCompression.LZ4),
        new Case("sqlite3", StorageId.SQLITE3, ChunkCompression.NONE));
    // Warm-up of the write path (JIT, native libraries), not reported.
    for (Case c : cases) {
      run(c, dir.resolve("warmup-" + c.name()), pool, Math.min(32L, sizeMb) << 20, 0, 1);
    }
    List<Row> rows = new ArrayList<>();
    for (Case c : cases) {
      rows.add(run(c, dir.resolve(c.name()), pool, (long) sizeMb << 20, warmupPasses, passes));
    }
    o.printf("%-10s %8s %7s %7s | %8s %9s | %9s %9s | %8s %9s %8s | %8s %9s %8s %8s | %7s %7s%n",
        "format", "msgs", "payMB", "fileMB", "wr MB/s", "wr msg/s", "rawC MB/s", "rawD MB/s",
        "rd MB/s", "rd msg/s", "rd/rawC", "vw MB/s", "vw msg/s", "vw/rawC", "vw/rawD", "heapW",
        "heapR");
    for (Row r : rows) {
      o.printf("%-10s %8d %7.1f %7.1f | %8.1f %9.0f | %9.1f %9.1f | %8.1f %9.0f %7.1f%% |"
          + " %8.1f %9.0f %7.1f%% %7.1f%% | %7.1f %7.1f%n",
          r.format(), r.messages(), r.payloadBytes() / 1048576.0, r.fileBytes() / 1048576.0,
          r.mb(r.payloadBytes(), r.writeS()), r.messages() / r.writeS(),
          r.mb(r.fileBytes(), r.rawReadS()), r.mb(r.fileBytes(), r.directReadS()),
          r.mb(r.payloadBytes(), r.readS()), r.messages() / r.readS(),
          100 * r.rawReadS() / r.readS(),
          r.mb(r.payloadBytes(), r.viewS()), r.messages() / r.viewS(),
          100 * r.rawReadS() / r.viewS(), 100 * r.directReadS() / r.viewS(),
          r.writePeakHeap() / 1048576.0, r.readPeakHeap() / 1048576.0);
    }
    o.println("wr/rd/vw MB/s: message payload bytes per second; rd = messages() (each payload"
        + " copied into an array), vw = views() (payloads in place, CRCs checked). rawC:"
        + " sequential read of the same file from the page cache; rawD: the same with O_DIRECT"
        + " (device speed, NaN if unsupported). x/raw = raw read time / bag read time of the same"
        + " file. Read figures are medians of " + passes + " passes after " + warmupPasses
        + " warm-up passes. heap: peak MiB of the write and read phases.");
    writeCsv(rows);
    o.println("CSV: " + out);
    o.flush();
    if (!keep) {
      deleteTree(dir);
    }
    return 0;
  }

  private Row run(Case c, Path bag, List<BagMessage> pool, long payloadTarget, int warmup,
      int measured) throws IOException {
    deleteTree(bag);
    BagWriterOptions opt = BagWriterOptions.defaults(c.storage()).withCompression(c.compression());
    resetPeaks();
    long t0 = System.nanoTime();
    long n = 0;
    long bytes = 0;
    long stamp = 1_700_000_000_000_000_000L;
    try (BagWriter w = BagWriter.open(bag, opt)) {
      while (bytes < payloadTarget) {
        BagMessage m = pool.get((int) (n % pool.size()));
        byte[] data = m.data().clone();
        stampHeader(data, m.topic().equals("/tf") ? 8 : 4, stamp);
        w.write(m.topic(), m.type(), data, stamp);
        stamp += 1_000_000L;
        bytes += m.data().length;
        n++;
      }
    }
    double writeS = (System.nanoTime() - t0) / 1e9;
    long writePeak = heapPeak();
    Path file;
    try (Stream<Path> s = Files.list(bag)) {
      file = s.filter(p -> !p.getFileName().toString().endsWith(".yaml")).findFirst()
          .orElseThrow();
    }
    long fileBytes = Files.size(file);
    double[] direct = new double[Math.min(3, measured)];
    for (int i = 0; i < direct.length; i++) {
      direct[i] = directRead(file);
    }
    double[] raw = new double[measured];
    double[] copied = new double[measured];
    double[] viewed = new double[measured];
    resetPeaks();
    for (int i = -warmup; i < measured; i++) {
      double r = rawRead(file);
      double rd = readCopies(c, bag, n, bytes);
      double vw = readViews(c, bag, n, bytes);
      if (i >= 0) {
        raw[i] = r;
        copied[i] = rd;
        viewed[i] = vw;
      }
    }
    return new Row(c.name(), n, bytes, fileBytes, writeS, median(raw), median(direct),
        median(copied), median(viewed), writePeak, heapPeak());
  }

  /** One pass with {@code messages()}: every payload copied into an array; returns seconds. */
  private static double readCopies(Case c, Path bag, long n, long bytes) throws IOException {
    long t0 = System.nanoTime();
    long readN = 0;
    long readBytes = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (var it = r.messages(BagFilter.all()); it.hasNext(); ) {
        BagMessage m = it.next();
        readBytes += m.data().length;
        readN++;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    check(c, n, bytes, readN, readBytes);
    return s;
  }

  /**
   * One pass with {@code views()}: payloads stay in place; the CDR encapsulation byte of each is
   * read, as any consumer does first. Returns seconds.
   */
  private static double readViews(Case c, Path bag, long n, long bytes) throws IOException {
    long t0 = System.nanoTime();
    long readN = 0;
    long readBytes = 0;
    long encapsulations = 0;
    try (BagReader r = BagReader.open(bag)) {
      for (var it = r.views(BagFilter.all()); it.hasNext(); ) {
        ByteBuffer d = it.next().data();
        readBytes += d.remaining();
        encapsulations += d.get(1);
        readN++;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    check(c, n, bytes, readN, readBytes);
    if (encapsulations != n) {
      // Every generated message is little-endian plain CDR (encapsulation 0x0001).
      throw new IllegalStateException(c.name() + ": views hold other bytes than were written");
    }
    return s;
  }

  private static void check(Case c, long n, long bytes, long readN, long readBytes) {
    if (readN != n || readBytes != bytes) {
      throw new IllegalStateException(c.name() + ": read " + readN + " messages (" + readBytes
          + " bytes) back, wrote " + n + " (" + bytes + " bytes)");
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    java.util.Arrays.sort(s);
    int k = s.length / 2;
    return s.length % 2 == 1 ? s[k] : (s[k - 1] + s[k]) / 2;
  }

  /**
   * Writes the log time into the first header stamp (at byte 4, or 8 after TFMessage's sequence
   * length), so no two messages are identical and compression sees realistic data.
   */
  private static void stampHeader(byte[] cdr, int at, long stampNs) {
    ByteBuffer.wrap(cdr, at, 8).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((int) (stampNs / 1_000_000_000L)).putInt((int) (stampNs % 1_000_000_000L));
  }

  /**
   * Sequential read bypassing the page cache (O_DIRECT), i.e. the device's speed; NaN when the
   * file system does not support it.
   */
  private static double directRead(Path file) {
    try {
      ByteBuffer buf = ByteBuffer.allocateDirect((4 << 20) + 8192).alignedSlice(4096);
      long t0 = System.nanoTime();
      long sum = 0;
      try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ,
          com.sun.nio.file.ExtendedOpenOption.DIRECT)) {
        int k;
        // Positions stay block-aligned: a short read is the file's tail.
        while ((k = ch.read(buf, sum)) > 0) {
          sum += k;
          boolean tail = buf.hasRemaining();
          buf.clear();
          if (tail) {
            break;
          }
        }
      }
      return sum == Files.size(file) ? (System.nanoTime() - t0) / 1e9 : Double.NaN;
    } catch (IOException | UnsupportedOperationException e) {
      return Double.NaN;
    }
  }

  /** Sequential read of every byte of the file with a 4 MiB buffer, from the page cache. */
  private static double rawRead(Path file) throws IOException {
    ByteBuffer buf = ByteBuffer.allocateDirect(4 << 20);
    long t0 = System.nanoTime();
    long sum = 0;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (ch.read(buf) >= 0) {
        buf.flip();
        sum += buf.remaining();
        buf.clear();
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (sum != Files.size(file)) {
      throw new IllegalStateException("raw read of " + file + " was short");
    }
    return s;
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        p.resetPeakUsage();
      }
    }
  }

  private static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        sum += p.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** 384 messages: LaserScan (360 beams), Odometry and TFMessage, 128 variants each. */
  static List<BagMessage> messagePool(Random rnd) {
    MessageDefinitions defs = MessageDefinitions.bundled();
    DynamicCdrEncoder scan = encoder(defs, "sensor_msgs/msg/LaserScan");
    DynamicCdrEncoder odom = encoder(defs, "nav_msgs/msg/Odometry");
    DynamicCdrEncoder tf = encoder(defs, "tf2_msgs/msg/TFMessage");
    List<BagMessage> pool = new ArrayList<>();
    for (int i = 0; i < 128; i++) {
      Map<String, Object> header = Map.of("stamp", Map.of("sec", 1000 + i, "nanosec", 5L * i),
          "frame_id", "base_scan");
      List<Object> ranges = new ArrayList<>();
      List<Object> intensities = new ArrayList<>();
      for (int b = 0; b < 360; b++) {
        ranges.add((float) (2 + Math.sin(b * 0.05 + i) + rnd.nextGaussian() * 0.01));
        intensities.add((float) rnd.nextInt(100));
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("header", header);
      s.put("angle_min", 0f);
      s.put("angle_max", (float) (2 * Math.PI));
      s.put("angle_increment", (float) (Math.PI / 180));
      s.put("range_min", 0.12f);
      s.put("range_max", 3.5f);
      s.put("ranges", ranges);
      s.put("intensities", intensities);
      pool.add(new BagMessage("/scan", "sensor_msgs/msg/LaserScan", scan.encode(s), 0, 0));
      Map<String, Object> pose = Map.of("position", Map.of("x", rnd.nextDouble() * 10, "y",
          rnd.nextDouble() * 10, "z", 0.0), "orientation", Map.of("z", 0.1, "w", 0.995));
      Map<String, Object> od = Map.of("header", Map.of("stamp", Map.of("sec", 1000 + i),
          "frame_id", "odom"), "child_frame_id", "base_footprint", "pose", Map.of("pose", pose),
          "twist", Map.of("twist", Map.of("linear", Map.of("x", 0.2))));
      pool.add(new BagMessage("/odom", "nav_msgs/msg/Odometry", odom.encode(od), 0, 0));
      Map<String, Object> t = Map.of("header", Map.of("frame_id", "odom"), "child_frame_id",
          "base_footprint", "transform", Map.of("translation", Map.of("x", rnd.nextDouble()),
              "rotation", Map.of("w", 1.0)));
      pool.add(new BagMessage("/tf", "tf2_msgs/msg/TFMessage",
          tf.encode(Map.of("transforms", List.of(t, t))), 0, 0));
    }
    return pool;
  }

  private static DynamicCdrEncoder encoder(MessageDefinitions defs, String type) {
    return new DynamicCdrEncoder(defs.typesFor(type), type, ByteOrder.LITTLE_ENDIAN);
  }

  private void writeCsv(List<Row> rows) throws IOException {
    if (out.getParent() != null) {
      Files.createDirectories(out.getParent());
    }
    StringBuilder sb = new StringBuilder("format,messages,payload_bytes,file_bytes,write_s,"
        + "write_mb_s,write_msgs_s,raw_read_s,raw_read_mb_s,direct_read_s,direct_read_mb_s,"
        + "read_s,read_mb_s,read_msgs_s,read_over_raw,read_over_direct,view_s,view_mb_s,"
        + "view_msgs_s,view_over_raw,view_over_direct,write_peak_heap_bytes,"
        + "read_peak_heap_bytes\n");
    for (Row r : rows) {
      sb.append(String.join(",", r.format(), Long.toString(r.messages()),
          Long.toString(r.payloadBytes()), Long.toString(r.fileBytes()), f(r.writeS()),
          f(r.mb(r.payloadBytes(), r.writeS())), f(r.messages() / r.writeS()), f(r.rawReadS()),
          f(r.mb(r.fileBytes(), r.rawReadS())), f(r.directReadS()),
          f(r.mb(r.fileBytes(), r.directReadS())), f(r.readS()),
          f(r.mb(r.payloadBytes(), r.readS())), f(r.messages() / r.readS()),
          f(r.rawReadS() / r.readS()), f(r.directReadS() / r.readS()), f(r.viewS()),
          f(r.mb(r.payloadBytes(), r.viewS())), f(r.messages() / r.viewS()),
          f(r.rawReadS() / r.viewS()), f(r.directReadS() / r.viewS()),
          Long.toString(r.writePeakHeap()),
          Long.toString(r.readPeakHeap()))).append('\n');
    }
    Files.writeString(out, sb.toString());
  }

  private static String f(double v) {
    return String.format(java.util.Locale.ROOT, "%.4f", v);
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
