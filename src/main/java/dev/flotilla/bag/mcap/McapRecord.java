package dev.flotilla.bag.mcap;

import java.util.List;
import java.util.Map;

/**
 * One MCAP record (mcap.dev/spec, "Records"). Times are nanoseconds since the Unix epoch (or any
 * epoch the writer chose); offsets and lengths are bytes from the start of the file. Unsigned wire
 * integers are held in the next wider Java type ({@code int} for uint16, {@code long} for uint32);
 * uint64 values are held in {@code long} and compared unsigned where it matters.
 */
public sealed interface McapRecord {

  /** This record's opcode. */
  int opcode();

  /** Header: first record of a file. */
  record Header(String profile, String library) implements McapRecord {
    public int opcode() {
      return Opcode.HEADER;
    }
  }

  /** Footer: last record, locates the summary section (0 when absent). */
  record Footer(long summaryStart, long summaryOffsetStart, long summaryCrc) implements McapRecord {
    public int opcode() {
      return Opcode.FOOTER;
    }
  }

  /** Schema: a message definition (for rosbag2: encoding {@code ros2msg}). */
  record Schema(int id, String name, String encoding, byte[] data) implements McapRecord {
    public int opcode() {
      return Opcode.SCHEMA;
    }
  }

  /** Channel: a topic; schemaId 0 means the messages have no schema. */
  record Channel(
      int id, int schemaId, String topic, String messageEncoding, Map<String, String> metadata)
      implements McapRecord {
    public int opcode() {
      return Opcode.CHANNEL;
    }
  }

  /** Message: one serialized message on a channel. */
  record Message(int channelId, long sequence, long logTime, long publishTime, byte[] data)
      implements McapRecord {
    public int opcode() {
      return Opcode.MESSAGE;
    }
  }

  /** Chunk: a (possibly compressed) run of schema, channel and message records. */
  record Chunk(
      long messageStartTime,
      long messageEndTime,
      long uncompressedSize,
      long uncompressedCrc,
      String compression,
      byte[] records)
      implements McapRecord {
    public int opcode() {
      return Opcode.CHUNK;
    }
  }

  /** One message index entry: log time and byte offset inside the uncompressed chunk. */
  record IndexEntry(long logTime, long offset) {}

  /** Message index: where each message of one channel sits in the preceding chunk. */
  record MessageIndex(int channelId, List<IndexEntry> entries) implements McapRecord {
    public int opcode() {
      return Opcode.MESSAGE_INDEX;
    }
  }

  /** Chunk index (summary): locates a chunk and its message indexes. */
  record ChunkIndex(
      long messageStartTime,
      long messageEndTime,
      long chunkStartOffset,
      long chunkLength,
      Map<Integer, Long> messageIndexOffsets,
      long messageIndexLength,
      String compression,
      long compressedSize,
      long uncompressedSize)
      implements McapRecord {
    public int opcode() {
      return Opcode.CHUNK_INDEX;
    }
  }

  /** Attachment: an arbitrary named file stored in the bag; crc covers the preceding fields. */
  record Attachment(
      long logTime, long createTime, String name, String mediaType, byte[] data, long crc)
      implements McapRecord {
    public int opcode() {
      return Opcode.ATTACHMENT;
    }
  }

  /** Attachment index (summary). */
  record AttachmentIndex(
      long offset,
      long length,
      long logTime,
      long createTime,
      long dataSize,
      String name,
      String mediaType)
      implements McapRecord {
    public int opcode() {
      return Opcode.ATTACHMENT_INDEX;
    }
  }

  /** Statistics (summary): counts and time range of the whole file. */
  record Statistics(
      long messageCount,
      int schemaCount,
      long channelCount,
      long attachmentCount,
      long metadataCount,
      long chunkCount,
      long messageStartTime,
      long messageEndTime,
      Map<Integer, Long> channelMessageCounts)
      implements McapRecord {
    public int opcode() {
      return Opcode.STATISTICS;
    }
  }

  /** Metadata: a named string map (rosbag2 stores its bag metadata in one named "rosbag2"). */
  record Metadata(String name, Map<String, String> metadata) implements McapRecord {
    public int opcode() {
      return Opcode.METADATA;
    }
  }

  /** Metadata index (summary). */
  record MetadataIndex(long offset, long length, String name) implements McapRecord {
    public int opcode() {
      return Opcode.METADATA_INDEX;
    }
  }

  /** Summary offset: locates the group of summary records with one opcode. */
  record SummaryOffset(int groupOpcode, long groupStart, long groupLength) implements McapRecord {
    public int opcode() {
      return Opcode.SUMMARY_OFFSET;
    }
  }

  /** Data end: closes the data section; crc of every byte before it (0 = not computed). */
  record DataEnd(long dataSectionCrc) implements McapRecord {
    public int opcode() {
      return Opcode.DATA_END;
    }
  }

  /** A record with an opcode this reader does not know; kept so it can be skipped or copied. */
  record Unknown(int opcode, byte[] content) implements McapRecord {}
}
