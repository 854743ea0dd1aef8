package dev.flotilla.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Busy-loop processes that compete with the benchmark for the CPU, as other work on a shared
 * robot computer does: each is a shell spinning {@code while :; do :; done}, a separate process so
 * the kernel schedules it like any other program. They are stopped on {@link #close()} and, should
 * the benchmark be killed, by a shutdown hook.
 */
public final class CpuHogs implements AutoCloseable {
  private final List<Process> hogs = new ArrayList<>();
  private final Thread reaper = new Thread(this::stop, "bench-hog-reaper");

  /**
   * Starts the hogs.
   *
   * @param count busy-loop processes, &ge; 0
   * @throws IOException when a process cannot start
   */
  public CpuHogs(int count) throws IOException {
    if (count < 0) {
      throw new IllegalArgumentException("The number of CPU hogs must be >= 0, got " + count
          + ".");
    }
    Runtime.getRuntime().addShutdownHook(reaper);
    try {
      for (int i = 0; i < count; i++) {
        hogs.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD).start());
      }
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** @return the hogs still running */
  public int running() {
    return (int) hogs.stream().filter(Process::isAlive).count();
  }

  private void stop() {
    hogs.forEach(Process::destroyForcibly);
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook stops them.
    }
  }
}
