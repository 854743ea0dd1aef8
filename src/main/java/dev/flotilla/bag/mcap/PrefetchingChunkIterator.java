package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Messages of an indexed MCAP file in log-time order, read chunk by chunk straight from the chunk
 * indexes: only chunks that overlap the query's time window and hold a wanted channel, merged
 * where their time ranges overlap. On a machine with a spare core, the {@link ReadAhead} helper
 * decodes up to {@link #WINDOW} chunks ahead of the caller, and the caller decodes the next
 * unclaimed chunk itself rather than wait for one the helper is on. Damage found in a chunk is
 * raised (as {@link UncheckedIOException} from {@code hasNext()}) when that chunk's turn comes,
 * after every message before it.
 *
 * <p>Time: O(bytes of the chunks touched + m log m) for m messages per overlapping chunk group.
 */
final class PrefetchingChunkIterator implements Iterator<McapMessage> {
  /** How many chunks ahead of the reader the helper may decode (bounds memory). */
  static final int WINDOW = 4;

  private final McapFileAccess access;
  private final ChannelTable table;
  private final ChunkDecoder decoder;
  private final McapQuery q;
  private final List<ChunkIndex> chunks = new ArrayList<>();
  private int nextChunk;
  private List<McapMessage> pending = new ArrayList<>();
  private int pendingPos;
  private final ChunkJob[] jobs;
  /** Every chunk below this index has been claimed by a thread. */
  private final AtomicInteger nextClaim = new AtomicInteger();
  /** The chunk the reading thread needs now; the helper stays within {@link #WINDOW} of it. */
  private volatile int needed;
  private final AtomicBoolean helperActive = new AtomicBoolean();
  private final boolean parallel;
  private volatile int lastCount = 64;

  PrefetchingChunkIterator(McapFileAccess access, ChannelTable table,
      List<ChunkIndex> chunkIndexes, McapQuery q) {
    this.access = access;
    this.table = table;
    this.decoder = new ChunkDecoder(access.file, table);
    this.q = q;
    Set<Integer> wanted = null;
    if (q.topics() != null) {
      wanted = new HashSet<>();
      for (Channel c : table.channels.values()) {
        if (q.topics().contains(c.topic())) {
          wanted.add(c.id());
        }
      }
    }
    for (ChunkIndex ci : chunkIndexes) {
      if (!q.overlaps(ci.messageStartTime(), ci.messageEndTime())) {
        continue;
      }
      if (wanted != null && !ci.messageIndexOffsets().isEmpty()
          && ci.messageIndexOffsets().keySet().stream().noneMatch(wanted::contains)) {
        continue;
      }
      chunks.add(ci);
    }
    chunks.sort(Comparator.comparingLong(ChunkIndex::messageStartTime)
        .thenComparingLong(ChunkIndex::chunkStartOffset));
    jobs = new ChunkJob[chunks.size()];
    for (int i = 0; i < jobs.length; i++) {
      jobs[i] = new ChunkJob(chunks.get(i));
    }
    parallel = jobs.length > 1 && Runtime.getRuntime().availableProcessors() > 1;
    table.buildArrays();
  }

  @Override
  public boolean hasNext() {
    try {
      while (nextChunk < chunks.size() && (pendingPos == pending.size()
          || chunks.get(nextChunk).messageStartTime() <= pending.get(pendingPos).logTime())) {
        List<McapMessage> loaded = load(nextChunk++);
        if (pendingPos == pending.size()) {
          pending = loaded;
        } else {
          List<McapMessage> merged = new ArrayList<>(pending.subList(pendingPos,
              pending.size()));
          merged.addAll(loaded);
          merged.sort(ChunkDecoder.BY_TIME);
          pending = merged;
        }
        pendingPos = 0;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return pendingPos < pending.size();
  }

  /** One chunk's decoding, run by whichever thread claims it. */
  private final class ChunkJob {
    private final ChunkIndex index;
    private final CountDownLatch done = new CountDownLatch(1);
    private List<McapMessage> result;
    private Throwable error;

    ChunkJob(ChunkIndex index) {
      this.index = index;
    }

    void run() {
      try {
        result = decoder.decode(ChunkBody.locate(access, index), q, lastCount + lastCount / 8);
        lastCount = Math.max(16, result.size());
      } catch (Throwable t) {
        // Kept for the reading thread, which raises it when this chunk's turn comes.
        error = t;
      } finally {
        done.countDown();
      }
    }
  }

  /** Claims the lowest unclaimed chunk within the window, or returns -1. */
  private int claim() {
    while (true) {
      int k = nextClaim.get();
      if (k >= jobs.length || k > needed + WINDOW) {
        return -1;
      }
      if (nextClaim.compareAndSet(k, k + 1)) {
        return k;
      }
    }
  }

  private boolean claimable() {
    int k = nextClaim.get();
    return k < jobs.length && k <= needed + WINDOW;
  }

  /** The helper's loop: decode chunks ahead of the reader until the window is full. */
  private void helperLoop() {
    while (true) {
      int k = claim();
      if (k >= 0) {
        jobs[k].run();
        continue;
      }
      helperActive.set(false);
      // The reader may have moved the window between the failed claim and the flag.
      if (!claimable() || !helperActive.compareAndSet(false, true)) {
        return;
      }
    }
  }

  /**
   * Chunk {@code i}'s messages. Chunks are decoded (CRC check included) by whichever of two
   * threads claims them first: the helper works through the next {@link #WINDOW} chunks while
   * the caller consumes this one, and the caller, instead of waiting for a chunk the helper is
   * on, decodes the next unclaimed one itself. Damage found in a chunk is raised when that
   * chunk's turn comes, after every message before it.
   */
  private List<McapMessage> load(int i) throws IOException {
    needed = i;
    if (parallel && claimable() && helperActive.compareAndSet(false, true)) {
      ReadAhead.execute(this::helperLoop);
    }
    ChunkJob job = jobs[i];
    while (job.done.getCount() > 0) {
      int k = claim();
      if (k >= 0) {
        jobs[k].run();
      } else {
        ReadAhead.await(job.done);
      }
    }
    jobs[i] = null;
    if (job.error instanceof IOException e) {
      throw e;
    } else if (job.error instanceof RuntimeException e) {
      throw e;
    } else if (job.error instanceof Error e) {
      throw e;
    } else if (job.error != null) {
      throw new IllegalStateException("decoding a chunk failed", job.error);
    }
    return job.result;
  }

  @Override
  public McapMessage next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    McapMessage m = pending.get(pendingPos);
    pending.set(pendingPos++, null);
    return m;
  }
}
