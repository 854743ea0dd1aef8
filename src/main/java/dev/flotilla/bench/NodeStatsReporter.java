package dev.flotilla.bench;

import dev.flotilla.bench.LoadFigures.NodeStats;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Prints a node process's own CPU, heap and GC figures as a {@link LoadFigures#STATS_PREFIX} line
 * once a second. The process measures itself through the platform MXBeans, so the benchmark needs
 * neither JMX ports nor {@code jcmd}, and a line is self-consistent (wall and CPU read together).
 */
public final class NodeStatsReporter implements AutoCloseable {
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "flotilla-stats");
    t.setDaemon(true);
    return t;
  });
  private final String executorThread;
  private final PrintStream out;
  private final LongSupplier verifyCpuNanos;
  private long executorThreadId = -1;

  /**
   * A reporter for a process that does not verify signatures.
   *
   * @param executorThread name of the node's callback thread, e.g. {@code flotilla-synchronizer}
   * @param out where the lines go
   */
  public NodeStatsReporter(String executorThread, PrintStream out) {
    this(executorThread, out, () -> -1);
  }

  /**
   * @param executorThread name of the node's callback thread, e.g. {@code flotilla-synchronizer}
   * @param out where the lines go
   * @param verifyCpuNanos total CPU nanoseconds the process spent verifying signatures so far,
   *     or -1 when not measured: the hook for the signing Bus decorator
   */
  public NodeStatsReporter(String executorThread, PrintStream out, LongSupplier verifyCpuNanos) {
    this.executorThread = executorThread;
    this.out = out;
    this.verifyCpuNanos = verifyCpuNanos;
  }

  /** Starts printing, one line now and one a second after. */
  public void start() {
    timer.scheduleAtFixedRate(() -> {
      out.println(sample().format());
      out.flush();
    }, 0, 1, TimeUnit.SECONDS);
  }

  /** @return the process's figures now */
  public NodeStats sample() {
    long wall = System.currentTimeMillis();
    long cpu = processCpuNanos();
    MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    long gc = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, b.getCollectionTime());
    }
    return new NodeStats(wall, cpu, executorCpuNanos(), heap.getUsed(), heap.getCommitted(), gc,
        verifyCpuNanos.getAsLong());
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    // Without the HotSpot bean the OS still knows; ProcessHandle reads /proc on Linux.
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos()).orElse(-1L);
  }

  private long executorCpuNanos() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isThreadCpuTimeSupported()) {
      return -1;
    }
    if (executorThreadId < 0) {
      for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (info != null && info.getThreadName().equals(executorThread)) {
          executorThreadId = info.getThreadId();
        }
      }
    }
    return executorThreadId < 0 ? -1 : threads.getThreadCpuTime(executorThreadId);
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
