package dev.flotilla.bag.mcap;

import dev.flotilla.bag.io.LookaheadIterator;
import dev.flotilla.bag.io.Resources;
import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.AttachmentIndex;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.MetadataIndex;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;

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
 * decodes (decompresses, checks, parses) up to {@link #WINDOW} chunks ahead of the caller, and
 * the caller decodes the next unclaimed chunk itself rather than wait for one the helper is on.
 * As with any mapped reader, the file must not be truncated while it (or a message read from it)
 * is in use.
 *
 * <p>Time: O(summary) to open with a summary, O(file) without; reading is O(bytes of the chunks
 * touched + m log m) for m messages per overlapping chunk group.
 */
public final class McapReader implements Closeable {
  private final Path file;
  private final FileChannel ch;
  private final long size;
  /** The whole file mapped read-only (files up to 2 GiB), or null: then chunks are read. */
  private final ByteBuffer map;
  private Header header;
  private boolean hasSummary;
  private Statistics statistics;
  private final Map<Integer, Schema> schemas = new LinkedHashMap<>();
  private final Map<Integer, Channel> channels = new LinkedHashMap<>();
  private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
  private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
  private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
  private final List<McapScanner> openScanners = new ArrayList<>();
  private Channel[] byId;
  private Schema[] schemaOf;
  private List<Metadata> scannedMetadata;
  private List<Attachment> scannedAttachments;

  private McapReader(Path file) throws IOException {
    this.file = file;
    this.ch = FileChannel.open(file, StandardOpenOption.READ);
    this.size = ch.size();
    this.map = mapWhole(ch, size);
  }

  /**
   * Maps the file so chunk records are decoded in place, without a copy into the heap. The
   * mapping is read-only; the file must not be truncated while it is being read (the same
   * contract as any memory-mapped reader).
   */
  private static ByteBuffer mapWhole(FileChannel ch, long size) {
    if (size <= 0 || size > Integer.MAX_VALUE) {
      return null;
    }
    try {
      return ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
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
    return Resources.initOrClose(r, r::init);
  }

  private void init() throws IOException {
    if (size < 8 + Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, 0, "file of " + size + " bytes is too short for MCAP");
    }
    byte[] start = read(0, (int) Math.min(size, 4096));
    if (!Arrays.equals(Arrays.copyOf(start, 8), Opcode.MAGIC)) {
      throw new McapFormatException(file, 0, "not an MCAP file: wrong magic bytes "
          + McapScanner.hex(Arrays.copyOf(start, 8)));
    }
    McapInput hin = new McapInput(file, start, 8, start.length, 0);
    int op = hin.u8("header opcode");
    long len = hin.u64("header length");
    if (op != Opcode.HEADER) {
      throw new McapFormatException(file, 8, "first record is opcode 0x" + Integer.toHexString(op)
          + ", expected a header (0x01)");
    }
    if (len < 0 || len > size - 8 - Opcode.RECORD_PREFIX || len > Integer.MAX_VALUE - 64) {
      // Checked before the length sizes a buffer or bounds an input over the bytes read.
      throw new McapFormatException(file, 8, "header record declares "
          + Long.toUnsignedString(len) + " content bytes, the file has "
          + (size - 8 - Opcode.RECORD_PREFIX) + " after its prefix");
    }
    byte[] hbytes = len <= hin.remaining() ? start : read(8, (int) len + Opcode.RECORD_PREFIX);
    int hoff = hbytes == start ? 8 : 0;
    header = (Header) McapRecordCodec.decode(Opcode.HEADER,
        new McapInput(file, hbytes, hoff + 9, hoff + 9 + (int) len, hbytes == start ? 0 : 8));
    Footer footer = readFooter();
    if (footer != null && footer.summaryStart() != 0) {
      readSummary(footer);
    }
    if (!hasSummary || chunkIndexes.isEmpty() || (channels.isEmpty() && !noChannels())) {
      scanForDefinitions();
    }
  }

  private boolean noChannels() {
    return statistics != null && statistics.channelCount() == 0;
  }

  /** Returns the footer, or null when the end of the file is not an intact footer + magic. */
  private Footer readFooter() throws IOException {
    int tail = Opcode.RECORD_PREFIX + 20 + 8;
    if (size < 8 + tail) {
      return null;
    }
    byte[] t = read(size - tail, tail);
    if (!Arrays.equals(Arrays.copyOfRange(t, tail - 8, tail), Opcode.MAGIC)
        || t[0] != Opcode.FOOTER || Le.u64(t, 1) != 20) {
      return null;
    }
    return (Footer) McapRecordCodec.decode(Opcode.FOOTER,
        new McapInput(file, t, Opcode.RECORD_PREFIX, Opcode.RECORD_PREFIX + 20, size - tail));
  }

  private void readSummary(Footer footer) throws IOException {
    long footerAt = size - 8 - Opcode.RECORD_PREFIX - 20;
    long start = footer.summaryStart();
    if (start < 8 || start > footerAt || footerAt - start > Integer.MAX_VALUE - 64) {
      throw new McapFormatException(file, footerAt, "footer summary_start " + start
          + " points outside the file");
    }
    byte[] s = read(start, (int) (footerAt - start + Opcode.RECORD_PREFIX + 16));
    int summaryLen = (int) (footerAt - start);
    if (footer.summaryCrc() != 0) {
      CRC32 crc = new CRC32();
      crc.update(s);
      if (crc.getValue() != footer.summaryCrc()) {
        throw new McapFormatException(file, start, "summary CRC mismatch: stored "
            + Long.toHexString(footer.summaryCrc()) + ", computed "
            + Long.toHexString(crc.getValue()));
      }
    }
    McapInput in = new McapInput(file, s, 0, summaryLen, start);
    while (in.remaining() > 0) {
      long at = in.fileOffset();
      int op = in.u8("summary record opcode");
      long len = in.u64("summary record length");
      if (len < 0 || len > in.remaining()) {
        throw new McapFormatException(file, at, "summary record declares " + len
            + " bytes, only " + in.remaining() + " remain before the footer");
      }
      int p = in.position();
      McapRecord r = McapRecordCodec.decode(op, new McapInput(file, s, p, p + (int) len, start));
      in = new McapInput(file, s, p + (int) len, summaryLen, start);
      if (r instanceof Schema x) {
        schemas.put(x.id(), x);
      } else if (r instanceof Channel x) {
        channels.put(x.id(), x);
      } else if (r instanceof ChunkIndex x) {
        chunkIndexes.add(x);
      } else if (r instanceof AttachmentIndex x) {
        attachmentIndexes.add(x);
      } else if (r instanceof MetadataIndex x) {
        metadataIndexes.add(x);
      } else if (r instanceof Statistics x) {
        statistics = x;
      }
    }
    hasSummary = true;
  }

  private void scanForDefinitions() throws IOException {
    scannedMetadata = new ArrayList<>();
    scannedAttachments = new ArrayList<>();
    try (McapScanner sc = new McapScanner(file, true, null)) {
      for (McapScanner.Located l = sc.next(); l != null; l = sc.next()) {
        McapRecord r = l.record();
        if (r instanceof McapRecord.DataEnd) {
          break;
        } else if (r instanceof Schema x) {
          schemas.putIfAbsent(x.id(), x);
        } else if (r instanceof Channel x) {
          channels.putIfAbsent(x.id(), x);
        } else if (r instanceof Metadata x) {
          scannedMetadata.add(x);
        } else if (r instanceof Attachment x) {
          scannedAttachments.add(x);
        }
      }
    }
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /** The header record (profile {@code ros2} for rosbag2 files). */
  public Header header() {
    return header;
  }

  /** Whether messages are read through chunk indexes (true) or a linear scan (false). */
  public boolean indexed() {
    return hasSummary && !chunkIndexes.isEmpty();
  }

  /** Schemas by id. */
  public Map<Integer, Schema> schemas() {
    return schemas;
  }

  /** Channels by id. */
  public Map<Integer, Channel> channels() {
    return channels;
  }

  /** The summary's statistics record, or null when the file has none. */
  public Statistics statistics() {
    return statistics;
  }

  /** The summary's chunk indexes (empty without a summary). */
  public List<ChunkIndex> chunkIndexes() {
    return chunkIndexes;
  }

  /**
   * Every metadata record, through the metadata index when there is one.
   *
   * @return metadata records in file order
   * @throws IOException on damage
   */
  public List<Metadata> metadata() throws IOException {
    if (scannedMetadata != null && (metadataIndexes.isEmpty() || !hasSummary)) {
      return scannedMetadata;
    }
    List<Metadata> out = new ArrayList<>();
    for (MetadataIndex mi : metadataIndexes) {
      out.add((Metadata) recordAt(mi.offset(), mi.length(), Opcode.METADATA));
    }
    if (metadataIndexes.isEmpty() && scannedMetadata == null) {
      scanForDefinitions();
      return scannedMetadata;
    }
    return out;
  }

  /**
   * Every attachment (CRC-checked), through the attachment index when there is one.
   *
   * @return attachments in file order
   * @throws IOException on damage
   */
  public List<Attachment> attachments() throws IOException {
    if (scannedAttachments != null && (attachmentIndexes.isEmpty() || !hasSummary)) {
      return scannedAttachments;
    }
    List<Attachment> out = new ArrayList<>();
    for (AttachmentIndex ai : attachmentIndexes) {
      out.add((Attachment) recordAt(ai.offset(), ai.length(), Opcode.ATTACHMENT));
    }
    if (attachmentIndexes.isEmpty() && scannedAttachments == null) {
      scanForDefinitions();
      return scannedAttachments;
    }
    return out;
  }

  private McapRecord recordAt(long offset, long length, int opcode) throws IOException {
    if (offset < 8 || length < Opcode.RECORD_PREFIX || offset + length > size
        || length > Integer.MAX_VALUE) {
      throw new McapFormatException(file, offset, "index points at a record outside the file");
    }
    byte[] b = read(offset, (int) length);
    if ((b[0] & 0xFF) != opcode || Le.u64(b, 1) != length - Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, offset, "index points at opcode 0x"
          + Integer.toHexString(b[0] & 0xFF) + " of length " + Le.u64(b, 1)
          + ", expected opcode 0x" + Integer.toHexString(opcode));
    }
    return McapRecordCodec.decode(opcode,
        new McapInput(file, b, Opcode.RECORD_PREFIX, b.length, offset));
  }

  /**
   * Messages matching a query: in log-time order when indexed, in file order otherwise.
   *
   * @param q topics and time window
   * @return an iterator; its {@code hasNext()} throws {@link UncheckedIOException} wrapping damage
   */
  public Iterator<McapMessage> messages(McapQuery q) {
    return indexed() ? new IndexedIterator(q) : new LinearIterator(q);
  }

  byte[] read(long at, int n) throws IOException {
    byte[] b = new byte[n];
    ByteBuffer bb = ByteBuffer.wrap(b);
    while (bb.hasRemaining()) {
      int k = ch.read(bb, at + bb.position());
      if (k < 0) {
        throw new McapFormatException(file, at + bb.position(), "file truncated: needed " + n
            + " bytes from offset " + at);
      }
    }
    return b;
  }

  /**
   * The bytes of a chunk record as a little-endian buffer indexed from 0: a (read-only) slice of
   * the file mapping when there is one (no copy), else a fresh read of its own.
   */
  private ByteBuffer chunkBytes(long at, int n) throws IOException {
    ByteBuffer b = map != null ? map.slice((int) at, n) : ByteBuffer.wrap(read(at, n));
    return b.order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A chunk located through its index entry, its header checked, its records not yet decoded.
   *
   * @param at file offset of the chunk record
   * @param bytes the whole chunk record (see {@link #chunkBytes})
   * @param recordsStart where the (possibly compressed) records start in {@code bytes}
   * @param recordsLength their stored length
   * @param uncompressedSize declared uncompressed size
   * @param crc declared CRC32 of the uncompressed records, 0 for none
   * @param compression compression name, empty for none
   */
  private record ChunkBody(long at, ByteBuffer bytes, int recordsStart, int recordsLength,
      long uncompressedSize, long crc, String compression) {
    /** The stored records, for a CRC of an uncompressed chunk. */
    ByteBuffer records() {
      return bytes.duplicate().limit(recordsStart + recordsLength).position(recordsStart);
    }
  }

  /** Reads and checks a chunk's header through its index entry. */
  private ChunkBody locate(ChunkIndex ci) throws IOException {
    long at = ci.chunkStartOffset();
    if (at < 8 || ci.chunkLength() < Opcode.RECORD_PREFIX || at + ci.chunkLength() > size
        || ci.chunkLength() > Integer.MAX_VALUE - 64) {
      throw new McapFormatException(file, at, "chunk index points outside the file (length "
          + ci.chunkLength() + ")");
    }
    ByteBuffer b = chunkBytes(at, (int) ci.chunkLength());
    int n = b.limit();
    int op = b.get(0) & 0xFF;
    long len = b.getLong(1);
    if (op != Opcode.CHUNK || len != n - Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, at, "chunk index points at opcode 0x"
          + Integer.toHexString(op) + " of length " + len + ", expected a chunk");
    }
    // op, length, message_start_time, message_end_time, uncompressed_size, uncompressed_crc,
    // compression length: 41 bytes before the compression name.
    final int fixed = 41;
    if (n < fixed + 8) {
      throw new McapFormatException(file, at, "corrupt chunk: record of " + n
          + " bytes is too short for a chunk header");
    }
    long usize = b.getLong(25);
    long crc = b.getInt(33) & 0xFFFFFFFFL;
    long nameLen = b.getInt(37) & 0xFFFFFFFFL;
    if (nameLen > n - fixed - 8) {
      throw new McapFormatException(file, at, "corrupt chunk: compression name length "
          + nameLen + " exceeds the record");
    }
    String compression = "";
    if (nameLen > 0) {
      byte[] name = new byte[(int) nameLen];
      b.get(fixed, name);
      compression = new String(name, StandardCharsets.UTF_8);
    }
    int clenAt = fixed + (int) nameLen;
    long clen = b.getLong(clenAt);
    int recStart = clenAt + 8;
    if (clen < 0 || clen > n - recStart) {
      throw new McapFormatException(file, at, "corrupt chunk: records length " + clen
          + " exceeds the record");
    }
    if (compression.isEmpty() && clen != usize) {
      throw new McapFormatException(file, at, "corrupt chunk: uncompressed chunk holds " + clen
          + " bytes, declares " + usize);
    }
    return new ChunkBody(at, b, recStart, (int) clen, usize, crc, compression);
  }

  /**
   * Decodes one chunk's wanted messages, sorted by time. The records of an uncompressed chunk
   * are decoded in place (from the file mapping) and its messages point into it, so no payload
   * is copied. The chunk's CRC is checked whenever the file declares one (non-zero), as the MCAP
   * spec asks, before any record is decoded: damage is reported as the CRC mismatch it is, and
   * the decoding then reads bytes the check has just brought into this core's caches instead of
   * chasing record lengths through memory.
   *
   * @param body the located chunk
   * @param q the query
   * @param capacity expected number of messages (a hint)
   */
  private List<McapMessage> decodeChunk(ChunkBody body, McapQuery q, int capacity)
      throws IOException {
    long at = body.at();
    if (body.compression().isEmpty()) {
      if (body.crc() != 0) {
        CRC32 crc32 = new CRC32();
        crc32.update(body.records());
        long c = crc32.getValue();
        if (c != body.crc()) {
          throw crcMismatch(at, body.crc(), c);
        }
      }
      int off = body.recordsStart();
      // Messages point into the chunk: callers get read-only views of it.
      ByteBuffer records = body.bytes().isReadOnly() ? body.bytes()
          : body.bytes().asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN);
      return decodeRecords(records, off, off + body.recordsLength(), at, q, capacity);
    }
    ByteBuffer b = body.bytes();
    byte[] packed;
    int packedOff;
    if (b.hasArray()) {
      // A chunk read into its own array (files over 2 GiB): decompress straight from it.
      packed = b.array();
      packedOff = b.arrayOffset() + body.recordsStart();
    } else {
      packed = new byte[body.recordsLength()];
      b.get(body.recordsStart(), packed);
      packedOff = 0;
    }
    byte[] raw = ChunkReading.decompress(file, at, body.compression(), packed, packedOff,
        body.recordsLength(), body.uncompressedSize(), body.crc());
    return decodeRecords(ByteBuffer.wrap(raw).asReadOnlyBuffer().order(ByteOrder.LITTLE_ENDIAN),
        0, raw.length, at, q, capacity);
  }

  private McapFormatException crcMismatch(long at, long stored, long computed) {
    return new McapFormatException(file, at, "chunk CRC mismatch: stored "
        + Long.toHexString(stored) + ", computed " + Long.toHexString(computed));
  }

  /**
   * Array lookups instead of boxed map lookups on the per-message path. Built once, before any
   * chunk is decoded (possibly on two threads); later changes (a channel defined only inside a
   * chunk) are made under the reader's lock.
   */
  private synchronized void channelArrays() {
    if (byId == null) {
      Channel[] channelById = new Channel[0x10000];
      Schema[] schemaById = new Schema[0x10000];
      for (Channel c : channels.values()) {
        channelById[c.id()] = c;
        schemaById[c.id()] = schemas.get(c.schemaId());
      }
      schemaOf = schemaById;
      byId = channelById;
    }
  }

  /** Decodes the records of an (uncompressed) chunk body in {@code data[off, end)}. */
  private List<McapMessage> decodeRecords(ByteBuffer data, int off, int end, long at, McapQuery q,
      int capacity) throws IOException {
    ChunkDecode d = new ChunkDecode(data, off, end, at, q, capacity);
    for (int p = off; p < end; ) {
      p = d.record(p);
    }
    if (!d.sorted) {
      d.out.sort(BY_TIME);
    }
    return d.out;
  }

  /**
   * Decoding state of one chunk body. One call per record (rather than one long loop) lets the
   * JIT compile the per-message work after a few thousand messages instead of hundreds of
   * chunks, which matters for the first reads of a process.
   */
  private final class ChunkDecode {
    final ByteBuffer data;
    final int off;
    final int end;
    final long at;
    final McapQuery q;
    final List<McapMessage> out;
    boolean sorted = true;
    long lastTime = Long.MIN_VALUE;

    ChunkDecode(ByteBuffer data, int off, int end, long at, McapQuery q, int capacity) {
      this.out = new ArrayList<>(capacity);
      this.data = data;
      this.off = off;
      this.end = end;
      this.at = at;
      this.q = q;
    }

    /** Decodes the record at {@code p} and returns where the next one starts. */
    int record(int p) throws IOException {
      if (end - p < Opcode.RECORD_PREFIX) {
        throw new McapFormatException(file, at, "corrupt chunk: " + (end - p)
            + " stray bytes at uncompressed offset " + (p - off));
      }
      int rop = data.get(p) & 0xFF;
      long rlen = data.getLong(p + 1);
      int cs = p + Opcode.RECORD_PREFIX;
      if (rlen < 0 || rlen > end - cs) {
        throw new McapFormatException(file, at, "corrupt chunk: record at uncompressed offset "
            + (p - off) + " declares " + rlen + " bytes, " + (end - cs) + " left");
      }
      int ce = cs + (int) rlen;
      if (rop == Opcode.MESSAGE) {
        message(p, cs, ce);
      } else if (rop == Opcode.SCHEMA || rop == Opcode.CHANNEL) {
        definition(rop, cs, ce);
      }
      return ce;
    }

    private void message(int p, int cs, int ce) throws IOException {
      if (ce - cs < 22) {
        throw new McapFormatException(file, at, "corrupt chunk: message at uncompressed offset "
            + (p - off) + " is " + (ce - cs) + " bytes long");
      }
      int channelId = data.getShort(cs) & 0xFFFF;
      long logTime = data.getLong(cs + 6);
      Channel c = byId[channelId];
      Schema schema = schemaOf[channelId];
      if (c == null) {
        // Defined inside a chunk, maybe one the other thread decoded: look under the lock.
        synchronized (McapReader.this) {
          c = byId[channelId];
          schema = schemaOf[channelId];
        }
      }
      if (c == null) {
        throw new McapFormatException(file, at, "message at uncompressed offset " + (p - off)
            + " refers to unknown channel " + channelId);
      }
      if (q.accepts(c.topic(), logTime)) {
        out.add(new McapMessage(c, schema, data.getInt(cs + 2) & 0xFFFFFFFFL,
            logTime, data.getLong(cs + 14), data, cs + 22, ce - cs - 22));
        sorted &= logTime >= lastTime;
        lastTime = logTime;
      }
    }

    private void definition(int rop, int cs, int ce) throws IOException {
      byte[] body = new byte[ce - cs];
      data.get(cs, body);
      McapRecord r = McapRecordCodec.decode(rop, new McapInput(file, body, 0, body.length, 0));
      synchronized (McapReader.this) {
        if (r instanceof Schema s) {
          schemas.putIfAbsent(s.id(), s);
        } else if (r instanceof Channel c) {
          channels.putIfAbsent(c.id(), c);
          byId[c.id()] = channels.get(c.id());
          schemaOf[c.id()] = schemas.get(byId[c.id()].schemaId());
        }
      }
    }
  }

  private static final Comparator<McapMessage> BY_TIME =
      Comparator.comparingLong(McapMessage::logTime);

  /** How many chunks ahead of the reader the helper may decode (bounds memory). */
  private static final int WINDOW = 4;

  private final class IndexedIterator implements Iterator<McapMessage> {
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

    IndexedIterator(McapQuery q) {
      this.q = q;
      java.util.Set<Integer> wanted = null;
      if (q.topics() != null) {
        wanted = new java.util.HashSet<>();
        for (Channel c : channels.values()) {
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
      channelArrays();
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
            merged.sort(BY_TIME);
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
          result = decodeChunk(locate(index), q, lastCount + lastCount / 8);
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

  private final class LinearIterator extends LookaheadIterator<McapMessage> {
    private final McapQuery q;
    private McapScanner scanner;

    LinearIterator(McapQuery q) {
      this.q = q;
    }

    @Override
    protected McapMessage readNext() throws IOException {
      if (scanner == null) {
        scanner = new McapScanner(file, true, null);
        openScanners.add(scanner);
      }
      for (McapScanner.Located l = scanner.next(); l != null; l = scanner.next()) {
        McapRecord r = l.record();
        if (r instanceof Message m) {
          Channel c = channels.get(m.channelId());
          if (c == null) {
            throw new McapFormatException(file, l.offset(), "message refers to unknown channel "
                + m.channelId());
          }
          if (q.accepts(c.topic(), m.logTime())) {
            return new McapMessage(c, schemas.get(c.schemaId()), m.sequence(), m.logTime(),
                m.publishTime(), m.data());
          }
        } else if (r instanceof McapRecord.DataEnd) {
          break;
        }
      }
      scanner.close();
      return null;
    }
  }

  /** Closes the file and any linear scans still open. */
  @Override
  public void close() throws IOException {
    for (McapScanner s : openScanners) {
      s.close();
    }
    ch.close();
  }
}
