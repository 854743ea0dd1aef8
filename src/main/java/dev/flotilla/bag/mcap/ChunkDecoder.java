package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Turns a located chunk into its wanted messages in log-time order: checks the declared CRC,
 * decompresses when needed, and decodes the records in place, so the messages of an uncompressed
 * chunk are read-only views into the file mapping. Safe to use from the reading thread and the
 * read-ahead helper at once (definitions found inside chunks go through {@link ChannelTable}'s
 * lock). O(chunk bytes + m log m) for m messages when the chunk is out of order, O(chunk bytes)
 * otherwise.
 */
final class ChunkDecoder {
  /** Log-time order of messages. */
  static final Comparator<McapMessage> BY_TIME = Comparator.comparingLong(McapMessage::logTime);

  private final Path file;
  private final ChannelTable table;

  ChunkDecoder(Path file, ChannelTable table) {
    this.file = file;
    this.table = table;
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
  List<McapMessage> decode(ChunkBody body, McapQuery q, int capacity) throws IOException {
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
      Channel c = table.channelById[channelId];
      Schema schema = table.schemaByChannel[channelId];
      if (c == null) {
        // Defined inside a chunk, maybe one the other thread decoded: look under the lock.
        synchronized (table) {
          c = table.channelById[channelId];
          schema = table.schemaByChannel[channelId];
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
      table.define(r);
    }
  }
}
