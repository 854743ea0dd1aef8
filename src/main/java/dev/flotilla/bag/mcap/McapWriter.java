package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.AttachmentIndex;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.MetadataIndex;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.SummaryOffset;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Writes an MCAP file: header, data section (optionally chunked and compressed, with message
 * indexes), data end with the data-section CRC, summary (schemas, channels, statistics, chunk,
 * attachment and metadata indexes), summary offsets and footer with the summary CRC. Message
 * index entries keep write order, as the reference writers do. The layout
 * follows mcap.dev/spec; the record order matches the reference writers so the conformance suite's
 * files are reproduced byte for byte. O(total bytes) time, O(chunk size + summary) memory.
 */
public final class McapWriter implements AutoCloseable {
  private final OutputStream out;
  private final McapWriterOptions opt;
  private final CRC32 dataCrc = new CRC32();
  private final McapOutput rec = new McapOutput(256);
  private final McapOutput chunk;
  private final Map<Integer, Schema> schemas = new LinkedHashMap<>();
  private final Map<Integer, Channel> channels = new LinkedHashMap<>();
  private final List<ChunkIndex> chunkIndexes = new ArrayList<>();
  private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
  private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
  private final Map<Integer, Long> channelCounts = new TreeMap<>();
  private final TreeMap<Integer, long[]> chunkIndex = new TreeMap<>();
  private final Map<Integer, Integer> chunkIndexSize = new TreeMap<>();
  private long pos;
  private long messageCount;
  private long attachmentCount;
  private long metadataCount;
  private long startTime = Long.MAX_VALUE;
  private long endTime = Long.MIN_VALUE;
  private long chunkStart = Long.MAX_VALUE;
  private long chunkEnd = Long.MIN_VALUE;
  private boolean chunkHasRecords;
  private boolean closed;

  /**
   * Creates (or truncates) a file and writes the magic and header.
   *
   * @param file where to write
   * @param options what to emit
   * @throws IOException when the file cannot be written
   */
  public McapWriter(Path file, McapWriterOptions options) throws IOException {
    this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20), options);
  }

  /**
   * Writes the magic and header to a stream; the stream is closed by {@link #close()}.
   *
   * @param out destination
   * @param options what to emit
   * @throws IOException when writing fails
   */
  public McapWriter(OutputStream out, McapWriterOptions options) throws IOException {
    this.out = out;
    this.opt = options;
    this.chunk = new McapOutput(options.chunked() ? options.chunkSize() + 4096 : 16);
    emit(Opcode.MAGIC, 0, Opcode.MAGIC.length, true);
    rec.reset();
    McapRecordCodec.encode(new McapRecord.Header(options.profile(), options.library()), rec);
    emitRec(true);
  }

  /**
   * Registers a schema with the next free id (starting at 1).
   *
   * @return the schema id
   */
  public int addSchema(String name, String encoding, byte[] data) throws IOException {
    int id = schemas.size() + 1;
    while (schemas.containsKey(id)) {
      id++;
    }
    addSchema(id, name, encoding, data);
    return id;
  }

  /** Registers a schema with a caller-chosen id (1..65535) and writes its record. */
  public void addSchema(int id, String name, String encoding, byte[] data) throws IOException {
    if (id <= 0 || id > 0xFFFF) {
      throw new IllegalArgumentException("schema id must be in 1..65535, got " + id);
    }
    Schema s = new Schema(id, name, encoding, data);
    schemas.put(id, s);
    writeDataRecord(s);
  }

  /**
   * Registers a channel with the next free id (starting at 1) and writes its record.
   *
   * @return the channel id
   */
  public int addChannel(int schemaId, String topic, String messageEncoding,
      Map<String, String> metadata) throws IOException {
    int id = channels.size() + 1;
    while (channels.containsKey(id)) {
      id++;
    }
    addChannel(id, schemaId, topic, messageEncoding, metadata);
    return id;
  }

  /** Registers a channel with a caller-chosen id and writes its record. */
  public void addChannel(int id, int schemaId, String topic, String messageEncoding,
      Map<String, String> metadata) throws IOException {
    if (schemaId != 0 && !schemas.containsKey(schemaId)) {
      throw new IllegalArgumentException("channel '" + topic + "' refers to unknown schema "
          + schemaId);
    }
    Channel c = new Channel(id, schemaId, topic, messageEncoding, new LinkedHashMap<>(metadata));
    channels.put(id, c);
    writeDataRecord(c);
  }

  /**
   * Writes a message.
   *
   * @param channelId a registered channel
   * @param sequence sequence number (uint32)
   * @param logTime time the message was recorded (ns)
   * @param publishTime time the message was published (ns)
   * @param data serialized message
   */
  public void writeMessage(int channelId, long sequence, long logTime, long publishTime,
      byte[] data) throws IOException {
    if (!channels.containsKey(channelId)) {
      throw new IllegalArgumentException("message on unknown channel " + channelId);
    }
    messageCount++;
    channelCounts.merge(channelId, 1L, Long::sum);
    startTime = Math.min(startTime, logTime);
    endTime = Math.max(endTime, logTime);
    McapOutput dst = opt.chunked() ? chunk : rec;
    if (!opt.chunked()) {
      rec.reset();
    }
    int at = dst.size();
    dst.u8(Opcode.MESSAGE).u64(22L + data.length).u16(channelId).u32(sequence).u64(logTime)
        .u64(publishTime).raw(data);
    if (opt.chunked()) {
      chunkHasRecords = true;
      chunkStart = Math.min(chunkStart, logTime);
      chunkEnd = Math.max(chunkEnd, logTime);
      addIndexEntry(channelId, logTime, at);
      if (chunk.size() >= opt.chunkSize()) {
        flushChunk();
      }
    } else {
      emitRec(true);
    }
  }

  private void addIndexEntry(int channelId, long logTime, long offset) {
    long[] arr = chunkIndex.computeIfAbsent(channelId, k -> new long[32]);
    int n = chunkIndexSize.getOrDefault(channelId, 0);
    if (2 * n + 2 > arr.length) {
      arr = Arrays.copyOf(arr, arr.length * 2);
      chunkIndex.put(channelId, arr);
    }
    arr[2 * n] = logTime;
    arr[2 * n + 1] = offset;
    chunkIndexSize.put(channelId, n + 1);
  }

  /** Writes an attachment (outside any chunk) with its CRC. */
  public void writeAttachment(long logTime, long createTime, String name, String mediaType,
      byte[] data) throws IOException {
    McapRecord.Attachment a = new McapRecord.Attachment(logTime, createTime, name, mediaType,
        data, 0);
    a = new McapRecord.Attachment(logTime, createTime, name, mediaType, data,
        McapRecordCodec.attachmentCrc(a));
    long at = pos;
    rec.reset();
    McapRecordCodec.encode(a, rec);
    emitRec(true);
    attachmentCount++;
    attachmentIndexes.add(new AttachmentIndex(at, pos - at, logTime, createTime, data.length,
        name, mediaType));
  }

  /** Writes a metadata record (outside any chunk). */
  public void writeMetadata(String name, Map<String, String> metadata) throws IOException {
    long at = pos;
    rec.reset();
    McapRecordCodec.encode(new McapRecord.Metadata(name, metadata), rec);
    emitRec(true);
    metadataCount++;
    metadataIndexes.add(new MetadataIndex(at, pos - at, name));
  }

  private void writeDataRecord(McapRecord r) throws IOException {
    if (opt.chunked()) {
      McapRecordCodec.encode(r, chunk);
      chunkHasRecords = true;
    } else {
      rec.reset();
      McapRecordCodec.encode(r, rec);
      emitRec(true);
    }
  }

  private void flushChunk() throws IOException {
    if (!chunkHasRecords) {
      return;
    }
    CRC32 crc = new CRC32();
    crc.update(chunk.array(), 0, chunk.size());
    byte[] compressed = opt.compression().compress(chunk.array(), chunk.size());
    long start = chunkStart == Long.MAX_VALUE ? 0 : chunkStart;
    long end = chunkEnd == Long.MIN_VALUE ? 0 : chunkEnd;
    long chunkAt = pos;
    rec.reset();
    byte[] comp = opt.compression().wireName().getBytes(StandardCharsets.UTF_8);
    rec.u8(Opcode.CHUNK).u64(8 + 8 + 8 + 4 + 4 + comp.length + 8 + (long) compressed.length)
        .u64(start).u64(end).u64(chunk.size()).u32(crc.getValue()).u32(comp.length).raw(comp)
        .u64(compressed.length);
    emitRec(true);
    emit(compressed, 0, compressed.length, true);
    long chunkLength = pos - chunkAt;
    Map<Integer, Long> indexOffsets = new LinkedHashMap<>();
    long indexStart = pos;
    if (opt.messageIndexes()) {
      for (Map.Entry<Integer, long[]> e : chunkIndex.entrySet()) {
        int n = chunkIndexSize.get(e.getKey());
        long[] arr = e.getValue();
        indexOffsets.put(e.getKey(), pos);
        rec.reset();
        rec.u8(Opcode.MESSAGE_INDEX).u64(2 + 4 + 16L * n).u16(e.getKey()).u32(16L * n);
        for (int i = 0; i < 2 * n; i++) {
          rec.u64(arr[i]);
        }
        emitRec(true);
      }
    }
    chunkIndexes.add(new ChunkIndex(start, end, chunkAt, chunkLength, indexOffsets,
        pos - indexStart, opt.compression().wireName(), compressed.length, chunk.size()));
    chunk.reset();
    chunkIndex.clear();
    chunkIndexSize.clear();
    chunkStart = Long.MAX_VALUE;
    chunkEnd = Long.MIN_VALUE;
    chunkHasRecords = false;
  }

  /** Flushes the open chunk, writes data end, summary, summary offsets, footer and magic. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (opt.chunked()) {
        flushChunk();
      }
      rec.reset();
      McapRecordCodec.encode(new McapRecord.DataEnd(dataCrc.getValue()), rec);
      emitRec(false);
      CRC32 summaryCrc = new CRC32();
      long summaryStart = pos;
      List<SummaryOffset> offsets = new ArrayList<>();
      if (opt.summarySchemas()) {
        group(Opcode.SCHEMA, new ArrayList<>(schemas.values()), offsets, summaryCrc);
      }
      if (opt.summaryChannels()) {
        group(Opcode.CHANNEL, new ArrayList<>(channels.values()), offsets, summaryCrc);
      }
      if (opt.statistics()) {
        McapRecord stats = new McapRecord.Statistics(messageCount, schemas.size(),
            channels.size(), attachmentCount, metadataCount, chunkIndexes.size(),
            messageCount == 0 ? 0 : startTime, messageCount == 0 ? 0 : endTime,
            new LinkedHashMap<>(channelCounts));
        group(Opcode.STATISTICS, List.of(stats), offsets, summaryCrc);
      }
      if (opt.chunkIndexes()) {
        group(Opcode.CHUNK_INDEX, new ArrayList<>(chunkIndexes), offsets, summaryCrc);
      }
      if (opt.attachmentIndexes()) {
        group(Opcode.ATTACHMENT_INDEX, new ArrayList<>(attachmentIndexes), offsets, summaryCrc);
      }
      if (opt.metadataIndexes()) {
        group(Opcode.METADATA_INDEX, new ArrayList<>(metadataIndexes), offsets, summaryCrc);
      }
      long summaryOffsetStart = 0;
      if (pos == summaryStart) {
        summaryStart = 0;
      }
      if (opt.summaryOffsets() && !offsets.isEmpty()) {
        summaryOffsetStart = pos;
        for (SummaryOffset so : offsets) {
          rec.reset();
          McapRecordCodec.encode(so, rec);
          summaryCrc.update(rec.array(), 0, rec.size());
          emitRec(false);
        }
      }
      rec.reset();
      rec.u8(Opcode.FOOTER).u64(20).u64(summaryStart).u64(summaryOffsetStart);
      summaryCrc.update(rec.array(), 0, rec.size());
      rec.u32(summaryCrc.getValue());
      emitRec(false);
      emit(Opcode.MAGIC, 0, Opcode.MAGIC.length, false);
    } finally {
      out.close();
    }
  }

  private void group(int opcode, List<McapRecord> records, List<SummaryOffset> offsets,
      CRC32 crc) throws IOException {
    if (records.isEmpty()) {
      return;
    }
    long start = pos;
    for (McapRecord r : records) {
      rec.reset();
      McapRecordCodec.encode(r, rec);
      crc.update(rec.array(), 0, rec.size());
      emitRec(false);
    }
    offsets.add(new SummaryOffset(opcode, start, pos - start));
  }

  private void emitRec(boolean data) throws IOException {
    emit(rec.array(), 0, rec.size(), data);
  }

  private void emit(byte[] b, int off, int len, boolean data) throws IOException {
    out.write(b, off, len);
    if (data) {
      dataCrc.update(b, off, len);
    }
    pos += len;
  }

  /** Bytes written so far. */
  public long position() {
    return pos;
  }

  /** Uncompressed bytes waiting in the open chunk. */
  public long pendingChunkBytes() {
    return chunk.size();
  }
}
