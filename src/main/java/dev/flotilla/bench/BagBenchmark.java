package dev.flotilla.bench;

import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagWriter;
import dev.flotilla.bag.BagWriterOptions;
import dev.flotilla.bag.StorageId;
import dev.flotilla.bag.mcap.ChunkCompression;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Write and read throughput of generated bags (MCAP uncompressed, zstd, lz4, and SQLite3) next to
 * the raw sequential read speed of the same file in the same run, which is the physical limit,
 * with the peak heap of each phase. The messages come from {@link BagMessagePool}.
 *
 * <p>Each bag is read two ways: {@code messages()} (every payload copied into its own array) and
 * {@code views()} (payloads read in place; every chunk CRC still checked). Reads are repeated
 * after warm-up passes (the JIT compiles the read path during the first ones), interleaved with
 * the raw reads of the same file so that both see the same machine, and each figure is the
 * {@link Statistics#median median} of its passes.
 */
public final class BagBenchmark {
  /** Header of the CSV, one column per figure of {@link Row#csv()}. */
  public static final String CSV_HEADER = "format,messages,payload_bytes,file_bytes,write_s,"
      + "write_mb_s,write_msgs_s,raw_read_s,raw_read_mb_s,direct_read_s,direct_read_mb_s,"
      + "read_s,read_mb_s,read_msgs_s,read_over_raw,read_over_direct,view_s,view_mb_s,"
      + "view_msgs_s,view_over_raw,view_over_direct,write_peak_heap_bytes,"
      + "read_peak_heap_bytes";

  /**
   * What to run.
   *
   * @param sizeMb message payload per bag, MiB, &gt; 0
   * @param workDir where the bags are written; null for a temporary directory
   * @param keep whether to keep the generated bags
   * @param passes measured read passes per bag, &gt; 0
   * @param warmupPasses unreported read passes per bag before the measured ones, &ge; 0
   */
  public record Settings(int sizeMb, Path workDir, boolean keep, int passes, int warmupPasses) {}

  /**
   * One benchmark row; times are medians of the measured passes (s).
   *
   * @param readS read with {@code messages()} (payloads copied)
   * @param viewS read with {@code views()} (payloads in place)
   */
  public record Row(String format, long messages, long payloadBytes, long fileBytes,
      double writeS, double rawReadS, double directReadS, double readS, double viewS,
      long writePeakHeap, long readPeakHeap) implements CsvRow {

    /**
     * @param bytes a byte count
     * @param s seconds
     * @return MiB per second
     */
    public double mb(long bytes, double s) {
      return bytes / 1048576.0 / s;
    }

    /** @return the CSV line, figures with four decimals */
    @Override
    public String csv() {
      return String.join(",", format, Long.toString(messages), Long.toString(payloadBytes),
          Long.toString(fileBytes), f(writeS), f(mb(payloadBytes, writeS)),
          f(messages / writeS), f(rawReadS), f(mb(fileBytes, rawReadS)), f(directReadS),
          f(mb(fileBytes, directReadS)), f(readS), f(mb(payloadBytes, readS)),
          f(messages / readS), f(rawReadS / readS), f(directReadS / readS), f(viewS),
          f(mb(payloadBytes, viewS)), f(messages / viewS), f(rawReadS / viewS),
          f(directReadS / viewS), Long.toString(writePeakHeap), Long.toString(readPeakHeap));
    }

    private static String f(double v) {
      return String.format(Locale.ROOT, "%.4f", v);
    }
  }

  private record Case(String name, StorageId storage, ChunkCompression compression) {}

  private static final List<Case> CASES = List.of(
      new Case("mcap-none", StorageId.MCAP, ChunkCompression.NONE),
      new Case("mcap-zstd", StorageId.MCAP, ChunkCompression.ZSTD),
      new Case("mcap-lz4", StorageId.MCAP, ChunkCompression.LZ4),
      new Case("sqlite3", StorageId.SQLITE3, ChunkCompression.NONE));

  private final Settings settings;

  /** @param settings what to run */
  public BagBenchmark(Settings settings) {
    this.settings = settings;
  }

  /**
   * Writes and reads every format, after an unreported warm-up of the write path.
   *
   * @return one row per format
   * @throws IOException when a bag cannot be written or read
   */
  public List<Row> run() throws IOException {
    Path dir = settings.workDir() != null ? Files.createDirectories(settings.workDir())
        : Files.createTempDirectory("flotilla-bag-bench");
    List<BagMessage> pool = BagMessagePool.generate(new Random(42));
    // Warm-up of the write path (JIT, native libraries), not reported.
    for (Case c : CASES) {
      run(c, dir.resolve("warmup-" + c.name()), pool, Math.min(32L, settings.sizeMb()) << 20, 0,
          1);
    }
    List<Row> rows = new ArrayList<>();
    for (Case c : CASES) {
      rows.add(run(c, dir.resolve(c.name()), pool, (long) settings.sizeMb() << 20,
          settings.warmupPasses(), settings.passes()));
    }
    if (!settings.keep()) {
      deleteTree(dir);
    }
    return rows;
  }

  /**
   * Prints the table of a run and its legend.
   *
   * @param out where it goes
   * @param rows the run's rows
   */
  public void print(TableWriter out, List<Row> rows) {
    out.printf("%-10s %8s %7s %7s | %8s %9s | %9s %9s | %8s %9s %8s | %8s %9s %8s %8s | %7s %7s"
        + "%n", "format", "msgs", "payMB", "fileMB", "wr MB/s", "wr msg/s", "rawC MB/s",
        "rawD MB/s", "rd MB/s", "rd msg/s", "rd/rawC", "vw MB/s", "vw msg/s", "vw/rawC",
        "vw/rawD", "heapW", "heapR");
    for (Row r : rows) {
      out.printf("%-10s %8d %7.1f %7.1f | %8.1f %9.0f | %9.1f %9.1f | %8.1f %9.0f %7.1f%% |"
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
    out.println("wr/rd/vw MB/s: message payload bytes per second; rd = messages() (each payload"
        + " copied into an array), vw = views() (payloads in place, CRCs checked). rawC:"
        + " sequential read of the same file from the page cache; rawD: the same with O_DIRECT"
        + " (device speed, NaN if unsupported). x/raw = raw read time / bag read time of the same"
        + " file. Read figures are medians of " + settings.passes() + " passes after "
        + settings.warmupPasses() + " warm-up passes. heap: peak MiB of the write and read"
        + " phases.");
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
        w.write(m.topic(), m.type(), BagMessagePool.stamped(m, stamp), stamp);
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
      direct[i] = BagReads.direct(file);
    }
    BagReads reads = new BagReads(c.name(), bag, n, bytes);
    double[] raw = new double[measured];
    double[] copied = new double[measured];
    double[] viewed = new double[measured];
    resetPeaks();
    for (int i = -warmup; i < measured; i++) {
      double r = BagReads.raw(file);
      double rd = reads.copies();
      double vw = reads.views();
      if (i >= 0) {
        raw[i] = r;
        copied[i] = rd;
        viewed[i] = vw;
      }
    }
    return new Row(c.name(), n, bytes, fileBytes, writeS, Statistics.median(raw),
        Statistics.median(direct), Statistics.median(copied), Statistics.median(viewed),
        writePeak, heapPeak());
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
