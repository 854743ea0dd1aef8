package dev.flotilla.bag.mcap;

import java.nio.ByteBuffer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

/**
 * CRC32 of a chunk's records, shared between a helper thread and the reading thread. CRC32 runs
 * at about the speed of a page-cache read, so checking it inline would cost as much as reading
 * the file again. A large chunk is cut into segments queued for the helper as soon as the chunk
 * is located (the reader locates one chunk ahead); when the reader has decoded the chunk it
 * computes the segments the helper has not started yet itself, waits for the ones in progress,
 * and combines the parts ({@link Crc32Combine}). Both cores thus share the checking, whichever is
 * faster, and every declared CRC is still checked before any message of the chunk is handed out.
 * O(chunk size) work per chunk.
 */
final class ChunkCrc {
  /** Chunks smaller than this are checked inline: a hand-off would cost more than it saves. */
  private static final int ASYNC_MIN_BYTES = 64 * 1024;
  /** Segment size: small enough to balance two cores on a 768 KiB chunk, large for speed. */
  private static final int SEGMENT_BYTES = 128 * 1024;

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
   * A CRC being computed in segments. Whoever runs it (the helper, then the reader in
   * {@link #await}) claims the next unclaimed segment until none is left, so a chunk costs one
   * hand-off however many segments it has.
   */
  static final class Check implements Runnable {
    private final ByteBuffer view;
    private final int count;
    private final long[] crcs;
    private final AtomicInteger next = new AtomicInteger();
    private final CountDownLatch done;
    private volatile Throwable failure;

    private Check(ByteBuffer view, int count) {
      this.view = view;
      this.count = count;
      this.crcs = new long[count];
      this.done = new CountDownLatch(count);
    }

    private int from(int k) {
      return view.position() + k * SEGMENT_BYTES;
    }

    private int to(int k) {
      return k == count - 1 ? view.limit() : from(k) + SEGMENT_BYTES;
    }

    @Override
    public void run() {
      for (int k = next.getAndIncrement(); k < count; k = next.getAndIncrement()) {
        try {
          crcs[k] = of(view.duplicate().limit(to(k)).position(from(k)));
        } catch (Throwable t) {
          // E.g. the file was truncated under its mapping; the reader reports it.
          failure = t;
        } finally {
          done.countDown();
        }
      }
    }
  }

  /**
   * Starts computing the CRC32 of the buffer's remaining bytes; the bytes must not change until
   * {@link #await} returns.
   */
  static Check start(ByteBuffer b) {
    ByteBuffer view = b.duplicate();
    int n = view.remaining();
    boolean async = n >= ASYNC_MIN_BYTES && Runtime.getRuntime().availableProcessors() >= 2;
    Check check = new Check(view, async ? (n + SEGMENT_BYTES - 1) / SEGMENT_BYTES : 1);
    if (async) {
      POOL.execute(check);
    }
    return check;
  }

  /**
   * Finishes a check started by {@link #start}: computes on this thread every segment the helper
   * has not claimed, waits for the others, and combines them.
   *
   * @return the CRC32 of the bytes given to {@link #start}
   */
  static long await(Check check) {
    check.run();
    boolean interrupted = false;
    try {
      while (true) {
        try {
          check.done.await();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    if (check.failure != null) {
      throw new IllegalStateException("chunk CRC computation failed", check.failure);
    }
    long crc = check.crcs[0];
    for (int k = 1; k < check.count; k++) {
      crc = Crc32Combine.combine(crc, check.crcs[k], check.to(k) - check.from(k));
    }
    return crc;
  }
}
