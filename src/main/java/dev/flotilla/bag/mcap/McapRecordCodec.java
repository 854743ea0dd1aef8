package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.AttachmentIndex;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Chunk;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.DataEnd;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.IndexEntry;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.MessageIndex;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.MetadataIndex;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import dev.flotilla.bag.mcap.McapRecord.SummaryOffset;
import dev.flotilla.bag.mcap.McapRecord.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Decodes and encodes the content of every MCAP record type (field layouts from mcap.dev/spec).
 * Decoding ignores bytes after the known fields, as the spec requires for forward compatibility.
 * O(record size).
 */
public final class McapRecordCodec {
  private McapRecordCodec() {}

  /**
   * Decodes one record's content.
   *
   * @param opcode the record opcode
   * @param in the record content (exactly the content-length bytes)
   * @return the record
   * @throws McapFormatException when a field runs past the content or a CRC does not match
   */
  static McapRecord decode(int opcode, McapInput in) throws McapFormatException {
    switch (opcode) {
      case Opcode.HEADER:
        return new Header(in.string("header profile"), in.string("header library"));
      case Opcode.FOOTER:
        return new Footer(in.u64("summary_start"), in.u64("summary_offset_start"),
            in.u32("summary_crc"));
      case Opcode.SCHEMA:
        return new Schema(in.u16("schema id"), in.string("schema name"),
            in.string("schema encoding"), in.bytes32("schema data"));
      case Opcode.CHANNEL:
        return new Channel(in.u16("channel id"), in.u16("channel schema_id"),
            in.string("channel topic"), in.string("channel message_encoding"),
            in.stringMap("channel metadata"));
      case Opcode.MESSAGE:
        return new Message(in.u16("message channel_id"), in.u32("message sequence"),
            in.u64("message log_time"), in.u64("message publish_time"), in.rest());
      case Opcode.CHUNK:
        return new Chunk(in.u64("chunk message_start_time"), in.u64("chunk message_end_time"),
            in.u64("chunk uncompressed_size"), in.u32("chunk uncompressed_crc"),
            in.string("chunk compression"), in.bytes64("chunk records"));
      case Opcode.MESSAGE_INDEX:
        return decodeMessageIndex(in);
      case Opcode.CHUNK_INDEX:
        return new ChunkIndex(in.u64("chunk index message_start_time"),
            in.u64("chunk index message_end_time"), in.u64("chunk_start_offset"),
            in.u64("chunk_length"), in.u16u64Map("message_index_offsets"),
            in.u64("message_index_length"), in.string("chunk index compression"),
            in.u64("compressed_size"), in.u64("uncompressed_size"));
      case Opcode.ATTACHMENT:
        return decodeAttachment(in);
      case Opcode.ATTACHMENT_INDEX:
        return new AttachmentIndex(in.u64("attachment index offset"),
            in.u64("attachment index length"), in.u64("attachment index log_time"),
            in.u64("attachment index create_time"), in.u64("attachment index data_size"),
            in.string("attachment index name"), in.string("attachment index media_type"));
      case Opcode.STATISTICS:
        return new Statistics(in.u64("message_count"), in.u16("schema_count"),
            in.u32("channel_count"), in.u32("attachment_count"), in.u32("metadata_count"),
            in.u32("chunk_count"), in.u64("statistics message_start_time"),
            in.u64("statistics message_end_time"), in.u16u64Map("channel_message_counts"));
      case Opcode.METADATA:
        return new Metadata(in.string("metadata name"), in.stringMap("metadata map"));
      case Opcode.METADATA_INDEX:
        return new MetadataIndex(in.u64("metadata index offset"), in.u64("metadata index length"),
            in.string("metadata index name"));
      case Opcode.SUMMARY_OFFSET:
        return new SummaryOffset(in.u8("group_opcode"), in.u64("group_start"),
            in.u64("group_length"));
      case Opcode.DATA_END:
        return new DataEnd(in.u32("data_section_crc"));
      default:
        return new Unknown(opcode, in.rest());
    }
  }

  private static MessageIndex decodeMessageIndex(McapInput in) throws McapFormatException {
    int channel = in.u16("message index channel_id");
    int len = in.length32("message index records");
    if (len % 16 != 0) {
      throw in.error("message index records length " + len + " is not a multiple of 16");
    }
    List<IndexEntry> entries = new ArrayList<>(len / 16);
    for (int i = 0; i < len / 16; i++) {
      entries.add(new IndexEntry(in.u64("message index log_time"), in.u64("message index offset")));
    }
    return new MessageIndex(channel, entries);
  }

  private static Attachment decodeAttachment(McapInput in) throws McapFormatException {
    int start = in.position();
    long logTime = in.u64("attachment log_time");
    long createTime = in.u64("attachment create_time");
    String name = in.string("attachment name");
    String media = in.string("attachment media_type");
    byte[] data = in.bytes64("attachment data");
    int crcAt = in.position();
    long crc = in.u32("attachment crc");
    if (crc != 0) {
      CRC32 c = new CRC32();
      c.update(in.buffer(), start, crcAt - start);
      if (c.getValue() != crc) {
        throw crcError(in, "attachment '" + name + "'", crc, c.getValue());
      }
    }
    return new Attachment(logTime, createTime, name, media, data, crc);
  }

  private static McapFormatException crcError(
      McapInput in, String what, long expected, long computed) {
    return in.error(what + " CRC mismatch: stored " + Long.toHexString(expected)
        + ", computed " + Long.toHexString(computed));
  }

  /**
   * Encodes a whole record (opcode, content length, content).
   *
   * @param r the record
   * @param out where to append it
   */
  static void encode(McapRecord r, McapOutput out) {
    out.u8(r.opcode());
    int lenAt = out.size();
    out.u64(0);
    int start = out.size();
    encodeContent(r, out);
    out.patch64(lenAt, out.size() - start);
  }

  /**
   * Encodes a whole record into a new array.
   *
   * @param r the record
   * @return opcode, content length and content
   */
  public static byte[] encode(McapRecord r) {
    McapOutput out = new McapOutput(64);
    encode(r, out);
    return out.toByteArray();
  }

  private static void encodeContent(McapRecord r, McapOutput o) {
    if (r instanceof Header h) {
      o.string(h.profile()).string(h.library());
    } else if (r instanceof Footer f) {
      o.u64(f.summaryStart()).u64(f.summaryOffsetStart()).u32(f.summaryCrc());
    } else if (r instanceof Schema s) {
      o.u16(s.id()).string(s.name()).string(s.encoding()).bytes32(s.data());
    } else if (r instanceof Channel c) {
      o.u16(c.id()).u16(c.schemaId()).string(c.topic()).string(c.messageEncoding())
          .stringMap(c.metadata());
    } else if (r instanceof Message m) {
      o.u16(m.channelId()).u32(m.sequence()).u64(m.logTime()).u64(m.publishTime()).raw(m.data());
    } else if (r instanceof Chunk c) {
      o.u64(c.messageStartTime()).u64(c.messageEndTime()).u64(c.uncompressedSize())
          .u32(c.uncompressedCrc()).string(c.compression()).bytes64(c.records());
    } else if (r instanceof MessageIndex mi) {
      o.u16(mi.channelId()).u32((long) mi.entries().size() * 16);
      for (IndexEntry e : mi.entries()) {
        o.u64(e.logTime()).u64(e.offset());
      }
    } else if (r instanceof ChunkIndex ci) {
      o.u64(ci.messageStartTime()).u64(ci.messageEndTime()).u64(ci.chunkStartOffset())
          .u64(ci.chunkLength()).u16u64Map(ci.messageIndexOffsets()).u64(ci.messageIndexLength())
          .string(ci.compression()).u64(ci.compressedSize()).u64(ci.uncompressedSize());
    } else if (r instanceof Attachment a) {
      o.u64(a.logTime()).u64(a.createTime()).string(a.name()).string(a.mediaType())
          .bytes64(a.data());
      o.u32(a.crc());
    } else if (r instanceof AttachmentIndex ai) {
      o.u64(ai.offset()).u64(ai.length()).u64(ai.logTime()).u64(ai.createTime())
          .u64(ai.dataSize()).string(ai.name()).string(ai.mediaType());
    } else if (r instanceof Statistics s) {
      o.u64(s.messageCount()).u16(s.schemaCount()).u32(s.channelCount())
          .u32(s.attachmentCount()).u32(s.metadataCount()).u32(s.chunkCount())
          .u64(s.messageStartTime()).u64(s.messageEndTime()).u16u64Map(s.channelMessageCounts());
    } else if (r instanceof Metadata m) {
      o.string(m.name()).stringMap(m.metadata());
    } else if (r instanceof MetadataIndex mi) {
      o.u64(mi.offset()).u64(mi.length()).string(mi.name());
    } else if (r instanceof SummaryOffset so) {
      o.u8(so.groupOpcode()).u64(so.groupStart()).u64(so.groupLength());
    } else if (r instanceof DataEnd de) {
      o.u32(de.dataSectionCrc());
    } else if (r instanceof Unknown u) {
      o.raw(u.content());
    }
  }

  /**
   * CRC-32 an attachment record should carry: over log_time, create_time, name, media_type and
   * data as encoded.
   *
   * @param a the attachment (its crc field is ignored)
   * @return the CRC-32 value
   */
  public static long attachmentCrc(Attachment a) {
    McapOutput o = new McapOutput(64 + a.data().length);
    o.u64(a.logTime()).u64(a.createTime()).string(a.name()).string(a.mediaType())
        .bytes64(a.data());
    CRC32 c = new CRC32();
    c.update(o.array(), 0, o.size());
    return c.getValue();
  }
}
