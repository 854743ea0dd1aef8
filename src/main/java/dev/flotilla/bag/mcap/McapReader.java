package dev.flotilla.bag.mcap;

import dev.flotilla.bag.io.Resources;
import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Random-access MCAP reader. When the file has a summary with chunk indexes, messages are read
 * chunk by chunk straight from the index (only chunks that overlap the query's time window and
 * hold a wanted channel), merged into log-time order; otherwise it falls back to a linear scan in
 * file order. Every damage is a {@link McapFormatException} naming the file and byte offset.
 *
 * <p>Files up to 2 GiB are memory-mapped read-only and uncompressed chunks are decoded in place:
 * a message points into the mapping and its payload is copied only if the caller asks for an
 * array ({@link McapMessage#data()}). Every chunk CRC the file declares (non-zero) is checked
 * before the chunk's records are decoded. On a machine with a spare core, a helper thread
 * decodes (decompresses, checks, parses) up to four chunks ahead of the caller, and
 * the caller decodes the next unclaimed chunk itself rather than wait for one the helper is on.
 * As with any mapped reader, the file must not be truncated while it (or a message read from it)
 * is in use.
 *
 * <p>Time: O(summary) to open with a summary, O(file) without; reading is O(bytes of the chunks
 * touched + m log m) for m messages per overlapping chunk group. *
 * <p>The work is split along its seams: {@link McapFileAccess} (reads and the mapping), {@link
 * McapSummary} (header, summary and indexes), {@link ChunkBody} and {@link ChunkDecoder} (one
 * chunk), {@link PrefetchingChunkIterator} (the indexed read with its helper thread) and {@link
 * LinearScanIterator} (the fallback).
 */
public final class McapReader implements Closeable {
  private final Path file;
  private final McapFileAccess access;
  private final List<McapScanner> openScanners = new ArrayList<>();
  private McapSummary summary;

  private McapReader(Path file) throws IOException {
    this.file = file;
    this.access = new McapFileAccess(file);
  }

  /**
   * Opens a file: checks the magic and header, reads the summary if there is one (checking its
   * CRC), otherwise scans the file once for schemas, channels, metadata and attachments.
   *
   * @param file the MCAP file
   * @return the reader
   * @throws IOException when the file is unreadable or damaged
   */
  public static McapReader open(Path file) throws IOException {
    McapReader r = new McapReader(file);
    return Resources.initOrClose(r, () -> r.summary = McapSummary.read(r.access));
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The header record (profile {@code ros2} for rosbag2 files). */
  public Header header() {
    return summary.header;
  }

  /** Whether messages are read through chunk indexes (true) or a linear scan (false). */
  public boolean indexed() {
    return summary.hasSummary && !summary.chunkIndexes.isEmpty();
  }

  /** Schemas by id. */
  public Map<Integer, Schema> schemas() {
    return summary.table.schemas;
  }

  /** Channels by id. */
  public Map<Integer, Channel> channels() {
    return summary.table.channels;
  }

  /** The summary's statistics record, or null when the file has none. */
  public Statistics statistics() {
    return summary.statistics;
  }

  /** The summary's chunk indexes (empty without a summary). */
  public List<ChunkIndex> chunkIndexes() {
    return summary.chunkIndexes;
  }

  /**
   * Every metadata record, through the metadata index when there is one.
   *
   * @return metadata records in file order
   * @throws IOException on damage
   */
  public List<Metadata> metadata() throws IOException {
    return summary.metadata();
  }

  /**
   * Every attachment (CRC-checked), through the attachment index when there is one.
   *
   * @return attachments in file order
   * @throws IOException on damage
   */
  public List<Attachment> attachments() throws IOException {
    return summary.attachments();
  }

  /**
   * Messages matching a query: in log-time order when indexed, in file order otherwise.
   *
   * @param q topics and time window
   * @return an iterator; its {@code hasNext()} throws {@link UncheckedIOException} wrapping damage
   */
  public Iterator<McapMessage> messages(McapQuery q) {
    return indexed()
        ? new PrefetchingChunkIterator(access, summary.table, summary.chunkIndexes, q)
        : new LinearScanIterator(file, summary.table, openScanners, q);
  }

  /** Closes the file and any linear scans still open. */
  @Override
  public void close() throws IOException {
    for (McapScanner s : openScanners) {
      s.close();
    }
    access.close();
  }
}
