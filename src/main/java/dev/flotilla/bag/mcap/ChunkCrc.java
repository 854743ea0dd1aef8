package dev.flotilla.bag.mcap;

import java.nio.ByteBuffer;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

/**
 * CRC32 of a chunk's records, computed on a helper thread while the reading thread decodes the
 * same chunk, when the machine has a spare core. CRC32 runs at about the speed of a page-cache
 * read, so checking it inline would cost as much as reading the file again; overlapping it keeps
 * every declared CRC checked (the caller waits for the result before it hands out any message of
 * the chunk). O(chunk size) work per call.
 */
final class ChunkCrc {
  /** Chunks smaller than this are checked inline: a hand-off would cost more than it saves. */
  private static final int ASYNC_MIN_BYTES = 64 * 1024;

  private static final ThreadPoolExecutor POOL = newPool();

  private ChunkCrc() {}

  private static ThreadPoolExecutor newPool() {
    ThreadPoolExecutor p = new ThreadPoolExecutor(1, 1, 2, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), r -> {
          Thread t = new Thread(r, "mcap-chunk-crc");
          t.setDaemon(true);
          return t;
        });
    p.allowCoreThreadTimeOut(true);
    return p;
  }

  /** The CRC32 of the buffer's remaining bytes (the buffer's position is not moved). */
  static long of(ByteBuffer b) {
    CRC32 c = new CRC32();
    c.update(b.duplicate());
    return c.getValue();
  }

  /**
   * Starts computing the CRC32 of the buffer's remaining bytes; the buffer must not change until
   * {@link #await} returns.
   */
  static Future<Long> start(ByteBuffer b) {
    ByteBuffer view = b.duplicate();
    FutureTask<Long> task = new FutureTask<>(() -> of(view));
    if (view.remaining() < ASYNC_MIN_BYTES || Runtime.getRuntime().availableProcessors() < 2) {
      task.run();
    } else {
      POOL.execute(task);
    }
    return task;
  }

  /** Waits for a CRC started by {@link #start}. */
  static long await(Future<Long> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return f.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          throw new IllegalStateException("chunk CRC computation failed", e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
