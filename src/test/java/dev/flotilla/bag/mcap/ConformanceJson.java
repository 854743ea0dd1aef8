package dev.flotilla.bag.mcap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.AttachmentIndex;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.DataEnd;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.Message;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.MetadataIndex;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import dev.flotilla.bag.mcap.McapRecord.SummaryOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Converts records to and from the JSON form of the MCAP conformance suite's streamed-reader
 * expectations: {"type": T, "fields": [[name, value]...]} with fields sorted by name, integers as
 * decimal strings, bytes as arrays of decimal strings and maps as objects.
 */
final class ConformanceJson {
  private static final ObjectMapper M = new ObjectMapper();

  private ConformanceJson() {}

  static JsonNode toJson(McapRecord r) {
    TreeMap<String, Object> f = new TreeMap<>();
    String type;
    if (r instanceof Header h) {
      type = "Header";
      f.put("library", h.library());
      f.put("profile", h.profile());
    } else if (r instanceof Footer x) {
      type = "Footer";
      f.put("summary_crc", x.summaryCrc());
      f.put("summary_offset_start", x.summaryOffsetStart());
      f.put("summary_start", x.summaryStart());
    } else if (r instanceof Schema s) {
      type = "Schema";
      f.put("data", s.data());
      f.put("encoding", s.encoding());
      f.put("id", s.id());
      f.put("name", s.name());
    } else if (r instanceof Channel c) {
      type = "Channel";
      f.put("id", c.id());
      f.put("message_encoding", c.messageEncoding());
      f.put("metadata", c.metadata());
      f.put("schema_id", c.schemaId());
      f.put("topic", c.topic());
    } else if (r instanceof Message m) {
      type = "Message";
      f.put("channel_id", m.channelId());
      f.put("data", m.data());
      f.put("log_time", m.logTime());
      f.put("publish_time", m.publishTime());
      f.put("sequence", m.sequence());
    } else if (r instanceof ChunkIndex ci) {
      type = "ChunkIndex";
      f.put("chunk_length", ci.chunkLength());
      f.put("chunk_start_offset", ci.chunkStartOffset());
      f.put("compressed_size", ci.compressedSize());
      f.put("compression", ci.compression());
      f.put("message_end_time", ci.messageEndTime());
      f.put("message_index_length", ci.messageIndexLength());
      f.put("message_index_offsets", ci.messageIndexOffsets());
      f.put("message_start_time", ci.messageStartTime());
      f.put("uncompressed_size", ci.uncompressedSize());
    } else if (r instanceof Attachment a) {
      type = "Attachment";
      f.put("create_time", a.createTime());
      f.put("data", a.data());
      f.put("log_time", a.logTime());
      f.put("media_type", a.mediaType());
      f.put("name", a.name());
    } else if (r instanceof AttachmentIndex ai) {
      type = "AttachmentIndex";
      f.put("create_time", ai.createTime());
      f.put("data_size", ai.dataSize());
      f.put("length", ai.length());
      f.put("log_time", ai.logTime());
      f.put("media_type", ai.mediaType());
      f.put("name", ai.name());
      f.put("offset", ai.offset());
    } else if (r instanceof Statistics s) {
      type = "Statistics";
      f.put("attachment_count", s.attachmentCount());
      f.put("channel_count", s.channelCount());
      f.put("channel_message_counts", s.channelMessageCounts());
      f.put("chunk_count", s.chunkCount());
      f.put("message_count", s.messageCount());
      f.put("message_end_time", s.messageEndTime());
      f.put("message_start_time", s.messageStartTime());
      f.put("metadata_count", s.metadataCount());
      f.put("schema_count", s.schemaCount());
    } else if (r instanceof Metadata md) {
      type = "Metadata";
      f.put("metadata", md.metadata());
      f.put("name", md.name());
    } else if (r instanceof MetadataIndex mi) {
      type = "MetadataIndex";
      f.put("length", mi.length());
      f.put("name", mi.name());
      f.put("offset", mi.offset());
    } else if (r instanceof SummaryOffset so) {
      type = "SummaryOffset";
      f.put("group_length", so.groupLength());
      f.put("group_opcode", so.groupOpcode());
      f.put("group_start", so.groupStart());
    } else if (r instanceof DataEnd de) {
      type = "DataEnd";
      f.put("data_section_crc", de.dataSectionCrc());
    } else {
      throw new IllegalArgumentException("no conformance form for " + r);
    }
    ObjectNode node = M.createObjectNode();
    node.put("type", type);
    ArrayNode fields = node.putArray("fields");
    for (Map.Entry<String, Object> e : f.entrySet()) {
      ArrayNode pair = fields.addArray();
      pair.add(e.getKey());
      pair.add(value(e.getValue()));
    }
    return node;
  }

  private static JsonNode value(Object v) {
    if (v instanceof byte[] b) {
      ArrayNode a = M.createArrayNode();
      for (byte x : b) {
        a.add(Integer.toString(x & 0xFF));
      }
      return a;
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode o = M.createObjectNode();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        o.set(e.getKey().toString(), value(e.getValue()));
      }
      return o;
    }
    if (v instanceof Long l) {
      return M.getNodeFactory().textNode(Long.toUnsignedString(l));
    }
    return M.getNodeFactory().textNode(v.toString());
  }

  /** Parses the data-section records of a conformance case (up to data end) into records. */
  static List<McapRecord> fromJson(JsonNode records) {
    List<McapRecord> out = new ArrayList<>();
    for (JsonNode r : records) {
      if (r.get("type").asText().equals("DataEnd")) {
        break; // the rest is the summary, which the writer derives
      }
      Map<String, JsonNode> f = new HashMap<>();
      for (JsonNode pair : r.get("fields")) {
        f.put(pair.get(0).asText(), pair.get(1));
      }
      switch (r.get("type").asText()) {
        case "Header" -> out.add(new Header(s(f, "profile"), s(f, "library")));
        case "Schema" -> out.add(new Schema((int) n(f, "id"), s(f, "name"), s(f, "encoding"),
            b(f, "data")));
        case "Channel" -> out.add(new Channel((int) n(f, "id"), (int) n(f, "schema_id"),
            s(f, "topic"), s(f, "message_encoding"), sm(f.get("metadata"))));
        case "Message" -> out.add(new Message((int) n(f, "channel_id"), n(f, "sequence"),
            n(f, "log_time"), n(f, "publish_time"), b(f, "data")));
        case "Attachment" -> out.add(new Attachment(n(f, "log_time"), n(f, "create_time"),
            s(f, "name"), s(f, "media_type"), b(f, "data"), 0));
        case "Metadata" -> out.add(new Metadata(s(f, "name"), sm(f.get("metadata"))));
        default -> { } // derived records (indexes, statistics, footer) are rebuilt by the writer
      }
    }
    return out;
  }

  private static String s(Map<String, JsonNode> f, String k) {
    return f.get(k).asText();
  }

  private static long n(Map<String, JsonNode> f, String k) {
    return Long.parseUnsignedLong(f.get(k).asText());
  }

  private static byte[] b(Map<String, JsonNode> f, String k) {
    JsonNode a = f.get(k);
    byte[] out = new byte[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(a.get(i).asText());
    }
    return out;
  }

  private static Map<String, String> sm(JsonNode o) {
    Map<String, String> m = new LinkedHashMap<>();
    o.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
    return m;
  }
}
