package dev.flotilla.liveness;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Measures how long this process could not run: a daemon thread sleeps {@code resolution} again
 * and again, and whatever each sleep overshot by more than {@code tolerance} is time during which
 * a thread of this process that wanted to run could not — the CPU was taken by others, or a
 * garbage collection paused every thread. A failure detector discounts that time from silences
 * (see {@link HeartbeatMonitor#addBlindTime}), as jHiccup measures platform hiccups. Costs one
 * wake-up per resolution.
 */
public final class HiccupMeter implements AutoCloseable {
  private final long resolution;
  private final long tolerance;
  private final LongSupplier nanoTime;
  private final AtomicLong blind = new AtomicLong();
  private final Thread thread;

  /**
   * Starts measuring.
   *
   * @param resolution seconds between wake-ups, &gt; 0
   * @param tolerance seconds of overshoot per wake-up that are not counted (ordinary timer
   *     slack), &ge; 0
   */
  public HiccupMeter(double resolution, double tolerance) {
    this(resolution, tolerance, System::nanoTime, true);
  }

  HiccupMeter(double resolution, double tolerance, LongSupplier nanoTime, boolean start) {
    if (!(resolution > 0) || !(tolerance >= 0)) {
      throw new IllegalArgumentException("A hiccup meter needs a resolution > 0 s and a "
          + "tolerance >= 0 s, got " + resolution + " and " + tolerance + ".");
    }
    this.resolution = Math.max(1, Math.round(resolution * 1e9));
    this.tolerance = Math.round(tolerance * 1e9);
    this.nanoTime = nanoTime;
    this.thread = new Thread(this::run, "flotilla-hiccup-meter");
    thread.setDaemon(true);
    if (start) {
      thread.start();
    }
  }

  /** @return seconds lost to hiccups since the meter started; only grows */
  public double blindSeconds() {
    return blind.get() / 1e9;
  }

  /**
   * Accounts one wake-up.
   *
   * @param slept nanoseconds the sleep actually took
   */
  void wokeAfter(long slept) {
    long over = slept - resolution - tolerance;
    if (over > 0) {
      blind.addAndGet(over);
    }
  }

  private void run() {
    while (!Thread.currentThread().isInterrupted()) {
      long before = nanoTime.getAsLong();
      try {
        TimeUnit.NANOSECONDS.sleep(resolution);
      } catch (InterruptedException e) {
        return;
      }
      wokeAfter(nanoTime.getAsLong() - before);
    }
  }

  @Override
  public void close() {
    thread.interrupt();
  }
}
