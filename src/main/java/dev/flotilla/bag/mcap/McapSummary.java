package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Attachment;
import dev.flotilla.bag.mcap.McapRecord.AttachmentIndex;
import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.ChunkIndex;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import dev.flotilla.bag.mcap.McapRecord.Header;
import dev.flotilla.bag.mcap.McapRecord.Metadata;
import dev.flotilla.bag.mcap.McapRecord.MetadataIndex;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import dev.flotilla.bag.mcap.McapRecord.Statistics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;

/**
 * What an MCAP file declares besides its messages: the header, and from the summary section
 * (CRC-checked) the schemas, channels, statistics and the chunk, attachment and metadata indexes.
 * A file without a usable summary is scanned once for schemas, channels, metadata and
 * attachments instead. Every damage is a {@link McapFormatException} naming the file and byte
 * offset. O(summary) with a summary, O(file) without.
 */
final class McapSummary {
  private final McapFileAccess access;
  private final Path file;
  private final long size;
  final ChannelTable table = new ChannelTable();
  Header header;
  boolean hasSummary;
  Statistics statistics;
  final List<ChunkIndex> chunkIndexes = new ArrayList<>();
  private final List<AttachmentIndex> attachmentIndexes = new ArrayList<>();
  private final List<MetadataIndex> metadataIndexes = new ArrayList<>();
  private List<Metadata> scannedMetadata;
  private List<Attachment> scannedAttachments;

  private McapSummary(McapFileAccess access) {
    this.access = access;
    this.file = access.file;
    this.size = access.size;
  }

  /**
   * Checks the magic and header, reads the summary if there is one (checking its CRC), otherwise
   * scans the file once for schemas, channels, metadata and attachments.
   *
   * @param access the open file
   * @return what the file declares
   * @throws IOException when the file is unreadable or damaged
   */
  static McapSummary read(McapFileAccess access) throws IOException {
    McapSummary s = new McapSummary(access);
    s.load();
    return s;
  }

  private void load() throws IOException {
    if (size < 8 + Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, 0, "file of " + size + " bytes is too short for MCAP");
    }
    byte[] start = access.read(0, (int) Math.min(size, 4096));
    if (!Arrays.equals(Arrays.copyOf(start, 8), Opcode.MAGIC)) {
      throw new McapFormatException(file, 0, "not an MCAP file: wrong magic bytes (not shown: a "
          + "file's content is never echoed)");
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
    byte[] hbytes =
        len <= hin.remaining() ? start : access.read(8, (int) len + Opcode.RECORD_PREFIX);
    int hoff = hbytes == start ? 8 : 0;
    header = (Header) McapRecordCodec.decode(Opcode.HEADER,
        new McapInput(file, hbytes, hoff + 9, hoff + 9 + (int) len, hbytes == start ? 0 : 8));
    Footer footer = readFooter();
    if (footer != null && footer.summaryStart() != 0) {
      readSummary(footer);
    }
    if (!hasSummary || chunkIndexes.isEmpty() || (table.channels.isEmpty() && !noChannels())) {
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
    byte[] t = access.read(size - tail, tail);
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
    byte[] s = access.read(start, (int) (footerAt - start + Opcode.RECORD_PREFIX + 16));
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
        table.schemas.put(x.id(), x);
      } else if (r instanceof Channel x) {
        table.channels.put(x.id(), x);
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
          table.schemas.putIfAbsent(x.id(), x);
        } else if (r instanceof Channel x) {
          table.channels.putIfAbsent(x.id(), x);
        } else if (r instanceof Metadata x) {
          scannedMetadata.add(x);
        } else if (r instanceof Attachment x) {
          scannedAttachments.add(x);
        }
      }
    }
  }

  /**
   * Every metadata record, through the metadata index when there is one.
   *
   * @return metadata records in file order
   * @throws IOException on damage
   */
  List<Metadata> metadata() throws IOException {
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
  List<Attachment> attachments() throws IOException {
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
    byte[] b = access.read(offset, (int) length);
    if ((b[0] & 0xFF) != opcode || Le.u64(b, 1) != length - Opcode.RECORD_PREFIX) {
      throw new McapFormatException(file, offset, "index points at opcode 0x"
          + Integer.toHexString(b[0] & 0xFF) + " of length " + Le.u64(b, 1)
          + ", expected opcode 0x" + Integer.toHexString(opcode));
    }
    return McapRecordCodec.decode(opcode,
        new McapInput(file, b, Opcode.RECORD_PREFIX, b.length, offset));
  }
}
