package dev.flotilla.bag.mcap;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The helper thread that decodes MCAP chunks ahead of a reader (one for the process: a reader
 * uses at most one helper at a time, and two cores are what this is for). Daemon, and it ends
 * after two idle seconds.
 */
final class ReadAhead {
  private static final ThreadPoolExecutor POOL = newPool();

  private ReadAhead() {}

  private static ThreadPoolExecutor newPool() {
    ThreadPoolExecutor p = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "mcap-read-ahead");
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** Runs a task on the helper thread. */
  static void execute(Runnable task) {
    POOL.execute(task);
  }

  /** Waits for a latch, keeping an interrupt for the caller to see. */
  static void await(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
