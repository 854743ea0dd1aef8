package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Chunk;
import dev.flotilla.bag.mcap.McapRecord.DataEnd;
import dev.flotilla.bag.mcap.McapRecord.Footer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Linear (streamed) reader: walks every record from the leading magic to the trailing magic,
 * checking the magic bytes, record bounds, chunk, data-section and summary CRCs. With
 * {@code expandChunks} it yields the records inside each chunk instead of the chunk itself, the
 * view the MCAP conformance suite calls the streamed reader. O(file size).
 *
 * <p>Damage handling: by default the first problem throws a {@link McapFormatException} naming the
 * file and byte offset. Given a damage listener, problems that leave the record framing intact (a
 * corrupt chunk, a bad CRC) are reported to it and the scan goes on with the next record; framing
 * damage (a truncated file, a bad length) ends the scan. In that salvage mode a chunk cut by the
 * end of the file or failing to decompress part way yields the records decoded before the damage.
 */
public final class McapScanner implements AutoCloseable {

  /** A record and the file offset of its opcode byte (for records inside a chunk: the chunk's). */
  public record Located(long offset, McapRecord record, boolean inChunk) {}

  private final Path file;
  private final InputStream in;
  private final long fileSize;
  private final boolean expandChunks;
  private final Consumer<McapFormatException> onDamage;
  private final CRC32 dataCrc = new CRC32();
  private final CRC32 summaryCrc = new CRC32();
  private final Deque<Located> pending = new ArrayDeque<>();
  private long pos;
  private boolean inSummary;
  private boolean done;

  /**
   * Opens a file and checks its leading magic.
   *
   * @param file the MCAP file
   * @param expandChunks yield chunk contents instead of chunk records
   * @param onDamage receives recoverable damage; null to throw on the first problem
   * @throws IOException when the file cannot be read or does not start with the MCAP magic
   */
  public McapScanner(Path file, boolean expandChunks, Consumer<McapFormatException> onDamage)
      throws IOException {
    this.file = file;
    this.fileSize = Files.size(file);
    this.expandChunks = expandChunks;
    this.onDamage = onDamage;
    this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 20);
    byte[] magic = readFully(8, "leading magic");
    if (!Arrays.equals(magic, Opcode.MAGIC)) {
      McapFormatException e = new McapFormatException(file, 0,
          "not an MCAP file: wrong magic bytes (not shown: a file's "
          + "content is never echoed)");
      if (onDamage == null) {
        in.close();
        throw e;
      }
      onDamage.accept(e); // salvage: the records after the magic may still be intact
    }
    dataCrc.update(magic);
  }

  /** The file being read. */
  public Path file() {
    return file;
  }

  /**
   * Next record.
   *
   * @return the next record, or null after the footer and trailing magic
   * @throws IOException on damage (see the class comment) or an I/O error
   */
  public Located next() throws IOException {
    while (pending.isEmpty()) {
      if (done) {
        return null;
      }
      readOne();
    }
    return pending.poll();
  }

  private void readOne() throws IOException {
    long at = pos;
    if (fileSize - pos < Opcode.RECORD_PREFIX) {
      done = true;
      throw new McapFormatException(file, at, "file truncated: " + (fileSize - pos)
          + " bytes left where a record or the footer was expected");
    }
    byte[] prefix = readFully(Opcode.RECORD_PREFIX, "record prefix");
    int opcode = prefix[0] & 0xFF;
    long len = Le.u64(prefix, 1);
    if (len < 0 || len > fileSize - pos) {
      done = true;
      McapFormatException cut = new McapFormatException(file, at, "file truncated or record "
          + "length corrupt: record opcode 0x" + Integer.toHexString(opcode) + " declares "
          + Long.toUnsignedString(len) + " content bytes but only " + (fileSize - pos)
          + " remain");
      if (opcode == Opcode.CHUNK && expandChunks && onDamage != null
          && fileSize - pos <= Integer.MAX_VALUE - 64) {
        salvageCutChunk(at, readFully((int) (fileSize - pos), "cut chunk"));
        onDamage.accept(cut);
        return;
      }
      throw cut;
    }
    if (len > Integer.MAX_VALUE - 64) {
      done = true;
      throw new McapFormatException(file, at, "record of " + len + " bytes is too large");
    }
    byte[] content = readFully((int) len, "record content");
    boolean crcAlreadyFed = false;
    if (opcode == Opcode.DATA_END) {
      inSummary = true;
    } else if (!inSummary) {
      dataCrc.update(prefix);
      dataCrc.update(content);
      crcAlreadyFed = true;
    }
    McapInput input = new McapInput(file, content, 0, content.length, at + Opcode.RECORD_PREFIX);
    McapRecord record;
    try {
      record = McapRecordCodec.decode(opcode, input);
    } catch (McapFormatException e) {
      damage(e);
      return;
    }
    if (record instanceof DataEnd de) {
      long computed = dataCrc.getValue();
      if (de.dataSectionCrc() != 0 && de.dataSectionCrc() != computed) {
        damage(new McapFormatException(file, at, "data section CRC mismatch: stored "
            + Long.toHexString(de.dataSectionCrc()) + ", computed "
            + Long.toHexString(computed)));
      }
    } else if (record instanceof Footer f) {
      summaryCrc.update(prefix);
      summaryCrc.update(content, 0, 16);
      if (f.summaryCrc() != 0 && f.summaryCrc() != summaryCrc.getValue()) {
        damage(new McapFormatException(file, at, "summary CRC mismatch: stored "
            + Long.toHexString(f.summaryCrc()) + ", computed "
            + Long.toHexString(summaryCrc.getValue())));
      }
      readTrailingMagic();
    } else if (inSummary && !crcAlreadyFed && opcode != Opcode.DATA_END) {
      summaryCrc.update(prefix);
      summaryCrc.update(content);
    }
    if (record instanceof Chunk c && expandChunks) {
      expand(at, c);
    } else {
      pending.add(new Located(at, record, false));
    }
  }

  private void expand(long at, Chunk c) throws IOException {
    if (onDamage == null) {
      byte[] records;
      try {
        records = ChunkReading.decompress(file, at, c);
      } catch (McapFormatException e) {
        damage(e);
        return;
      }
      expandRecords(at, records, false);
      return;
    }
    salvage(at, c.compression(), c.records(), c.records().length, c.uncompressedSize(),
        c.uncompressedCrc());
  }

  /**
   * Salvages the records of a chunk cut by the end of the file: its header must be whole; the
   * records decoded from the bytes present are yielded.
   */
  private void salvageCutChunk(long at, byte[] content) throws IOException {
    McapInput in = new McapInput(file, content, 0, content.length, at + Opcode.RECORD_PREFIX);
    String compression;
    long usize;
    long crc;
    long storedLen;
    try {
      in.u64("chunk message_start_time");
      in.u64("chunk message_end_time");
      usize = in.u64("chunk uncompressed_size");
      crc = in.u32("chunk uncompressed_crc");
      compression = in.string("chunk compression");
      storedLen = in.u64("chunk records length");
    } catch (McapFormatException e) {
      return; // the cut took the chunk header: nothing to salvage
    }
    int start = in.position();
    byte[] present = Arrays.copyOfRange(content, start, content.length);
    salvage(at, compression, present, storedLen, usize, crc);
  }

  private void salvage(long at, String compression, byte[] stored, long storedLen, long usize,
      long crc) throws IOException {
    ChunkReading.Salvage sv;
    try {
      sv = ChunkReading.salvage(file, at, compression, stored, storedLen, usize, crc);
    } catch (McapFormatException e) {
      damage(e);
      return;
    }
    if (sv.problem() != null) {
      onDamage.accept(sv.problem());
    }
    expandRecords(at, sv.records(), sv.problem() != null);
  }

  /**
   * Yields the records in a chunk's uncompressed bytes. For a salvaged prefix the last record is
   * normally cut; that ends the walk quietly, since the damage is already reported.
   */
  private void expandRecords(long at, byte[] records, boolean prefix) throws IOException {
    McapInput chunkIn = new McapInput(file, records, 0, records.length, 0);
    try {
      while (chunkIn.remaining() > 0) {
        int innerAt = chunkIn.position();
        int opcode = chunkIn.u8("chunk inner opcode");
        long len = chunkIn.u64("chunk inner length");
        if (len < 0 || len > chunkIn.remaining()) {
          throw new McapFormatException(file, at, "corrupt chunk: record at uncompressed offset "
              + innerAt + " declares " + len + " bytes, " + chunkIn.remaining() + " left");
        }
        int start = chunkIn.position();
        McapRecord inner = McapRecordCodec.decode(opcode,
            new McapInput(file, records, start, start + (int) len, 0));
        chunkIn = new McapInput(file, records, start + (int) len, records.length, 0);
        pending.add(new Located(at, inner, true));
      }
    } catch (McapFormatException e) {
      if (prefix) {
        return;
      }
      damage(e.offset() == at ? e : new McapFormatException(file, at,
          "corrupt chunk content (uncompressed offset " + e.offset() + "): " + e.getMessage()));
    }
  }

  private void readTrailingMagic() throws IOException {
    done = true;
    long at = pos;
    if (fileSize - pos < 8) {
      throw new McapFormatException(file, at, "file truncated: trailing magic missing");
    }
    byte[] magic = readFully(8, "trailing magic");
    if (!Arrays.equals(magic, Opcode.MAGIC)) {
      throw new McapFormatException(file, at, "wrong trailing magic bytes");
    }
  }

  private void damage(McapFormatException e) throws McapFormatException {
    if (onDamage == null) {
      done = true;
      throw e;
    }
    onDamage.accept(e);
  }

  private byte[] readFully(int n, String what) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      done = true;
      throw new McapFormatException(file, pos, "file truncated while reading " + what);
    }
    pos += n;
    return b;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
