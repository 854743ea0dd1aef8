package dev.flotilla.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The seal beside a journal ({@code <node>.db.seal}): how many commits the journal made, their
 * digest and the highest plan version, rewritten in place after every commit. It lives outside
 * the database so that what SQLite cannot notice (its write-ahead log deleted or cut short, the
 * file emptied or replaced) shows as a journal that has fewer commits than its seal. It is not
 * synced: a process killed between the commit and this write leaves a seal one commit behind,
 * which is accepted (a journal ahead of its seal lost nothing).
 */
final class JournalSeal implements AutoCloseable {
  /** Fixed record size, so a rewrite is one small positioned write. */
  private static final int SIZE = 96;
  private static final String MAGIC = "flotilla-journal-seal";

  /**
   * What a seal records.
   *
   * @param commits transactions committed
   * @param digest sum of the rows' hashes after the last one
   * @param highWater highest plan version the journal published or saw
   */
  record State(long commits, long digest, long highWater) {
    static final State EMPTY = new State(0, 0, 0);
  }

  private final Path file;
  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(SIZE);

  private JournalSeal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /**
   * @param journal the journal's database file
   * @return its seal file
   */
  static Path fileOf(Path journal) {
    return journal.resolveSibling(journal.getFileName() + ".seal");
  }

  /**
   * @param file a seal file
   * @return what it records, or empty when there is none
   * @throws JournalException when it exists but is not a seal
   */
  static Optional<State> read(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > 4 * SIZE) {
        throw unreadable(file, "it is " + Files.size(file) + " bytes long");
      }
      String[] f = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).strip()
          .split(" ");
      if (f.length != 5 || !f[0].equals(MAGIC) || !f[1].equals("1")) {
        throw unreadable(file, "it does not start with '" + MAGIC + " 1'");
      }
      return Optional.of(new State(Long.parseLong(f[2]), Long.parseUnsignedLong(f[3], 16),
          Long.parseLong(f[4])));
    } catch (NumberFormatException e) {
      throw unreadable(file, "a count is not a number");
    } catch (IOException e) {
      throw new JournalException("Cannot read the journal seal " + file + ": " + e.getMessage(),
          e);
    }
  }

  private static JournalException unreadable(Path file, String why) {
    return JournalException.damaged("The journal seal " + file + " is not a Flotilla seal ("
        + why + "); " + JournalDatabase.RECOVER_HINT, null);
  }

  /**
   * @param file the seal file, created when missing
   * @return the seal, open for rewrites
   */
  static JournalSeal open(Path file) {
    try {
      return new JournalSeal(file, FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.WRITE));
    } catch (IOException e) {
      throw new JournalException("Cannot open the journal seal " + file + ": " + e.getMessage(),
          e);
    }
  }

  /** @return the seal file */
  Path file() {
    return file;
  }

  /**
   * @param state what the journal now holds (committed)
   */
  void write(State state) {
    String line = MAGIC + " 1 " + state.commits() + " " + Long.toHexString(state.digest()) + " "
        + state.highWater();
    byte[] text = (line + " ".repeat(SIZE - 1 - line.length()) + "\n")
        .getBytes(StandardCharsets.US_ASCII);
    buffer.clear();
    buffer.put(text).flip();
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, buffer.position());
      }
    } catch (IOException e) {
      throw new JournalException("Cannot write the journal seal " + file + ": " + e.getMessage(),
          e);
    }
  }

  @Override
  public void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new JournalException("Cannot close the journal seal " + file + ": " + e.getMessage(),
          e);
    }
  }
}
