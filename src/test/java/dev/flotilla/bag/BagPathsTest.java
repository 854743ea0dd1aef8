package dev.flotilla.bag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue #16): a metadata.yaml whose {@code relative_file_paths} led outside the bag
 * directory made Flotilla open those files and echo their first bytes in an error. Every way out
 * is refused by a sentence naming the field and entry, without any file's content.
 */
class BagPathsTest {
  private static final String SECRET = "SECRET-CONTENT-root:x:0:0";
  @TempDir Path tmp;

  /** A one-message bag "bag" and, beside it, a secret file and a real MCAP outside it. */
  private Path bag() throws IOException {
    Path dir = tmp.resolve("bag");
    BagWriterOptions o = new BagWriterOptions(StorageId.MCAP, ChunkCompression.NONE, 4096, 0, "",
        MessageDefinitions.bundled());
    try (BagWriter w = BagWriter.open(dir, o)) {
      w.write("/a", "std_msgs/msg/String", new byte[] {0, 1, 0, 0, 2, 0, 0, 0, 'x', 0}, 5);
    }
    Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(tmp.resolve("elsewhere/secret.mcap"), SECRET + "\n".repeat(40));
    Files.copy(dir.resolve("bag_0.mcap"), tmp.resolve("elsewhere/real.mcap"));
    return dir;
  }

  private static void list(Path dir, String entry) throws IOException {
    Path yaml = dir.resolve("metadata.yaml");
    String text = Files.readString(yaml, StandardCharsets.UTF_8);
    int at = text.indexOf("- ", text.indexOf("relative_file_paths:"));
    int eol = text.indexOf('\n', at);
    Files.writeString(yaml, text.substring(0, at) + "- \"" + entry + "\"" + text.substring(eol));
  }

  private static void refused(Path dir, String entry, String why) throws IOException {
    IOException e = assertThrows(IOException.class, () -> BagReader.open(dir).close(), entry);
    String m = e.getMessage();
    assertTrue(m.contains("field 'relative_file_paths': file '" + entry + "'"), m);
    assertTrue(m.contains(why), m);
    assertFalse(m.contains("SECRET") || m.contains("root:x"), m);
    BagRecovery.Report rep = BagRecovery.recover(dir, dir.resolveSibling("rec" + entry.length()
        + why.length()));
    assertTrue(rep.problems().stream().anyMatch(p -> p.contains(why)), rep.problems().toString());
    assertTrue(rep.problems().stream().noneMatch(p -> p.contains("SECRET")));
  }

  @Test
  void dotDotIsRefused() throws IOException {
    Path dir = bag();
    list(dir, "../elsewhere/secret.mcap");
    refused(dir, "../elsewhere/secret.mcap", "leads outside the bag directory");
    list(dir, "../elsewhere/secret.mcap".replace("secret", "real"));
    refused(dir, "../elsewhere/real.mcap", "leads outside the bag directory");
  }

  @Test
  void anAbsolutePathIsRefused() throws IOException {
    Path dir = bag();
    String abs = tmp.resolve("elsewhere/secret.mcap").toString();
    list(dir, abs);
    refused(dir, abs, "is absolute");
  }

  @Test
  void aSymlinkLeadingOutIsRefused() throws IOException {
    Path dir = bag();
    Files.createSymbolicLink(dir.resolve("link.mcap"), tmp.resolve("elsewhere/secret.mcap"));
    list(dir, "link.mcap");
    refused(dir, "link.mcap", "symbolic link");
    Files.createSymbolicLink(dir.resolve("sub"), tmp.resolve("elsewhere"));
    list(dir, "link.mcap".replace("link.mcap", "sub/real.mcap"));
    refused(dir, "sub/real.mcap", "symbolic link");
  }

  @Test
  void aListedSymlinkLeadingOutIsRefusedWithoutMetadata() throws IOException {
    Path dir = bag();
    Files.delete(dir.resolve("metadata.yaml"));
    Files.createSymbolicLink(dir.resolve("z.mcap"), tmp.resolve("elsewhere/secret.mcap"));
    IOException e = assertThrows(IOException.class, () -> BagReader.open(dir).close());
    assertTrue(e.getMessage().contains("symbolic link leading outside"), e.getMessage());
    assertFalse(e.getMessage().contains("SECRET"));
  }

  @Test
  void pathsInsideTheBagStillWork() throws IOException {
    Path dir = bag();
    list(dir, "./bag_0.mcap");
    try (BagReader r = BagReader.open(dir)) {
      assertEquals(1, r.files().size());
    }
    Files.createDirectories(dir.resolve("sub"));
    Files.move(dir.resolve("bag_0.mcap"), dir.resolve("sub/bag_0.mcap"));
    Files.createSymbolicLink(dir.resolve("inner.mcap"), dir.resolve("sub/bag_0.mcap"));
    list(dir, "inner.mcap".replace("inner", "inner"));
    try (BagReader r = BagReader.open(dir)) {
      assertEquals(1, r.files().size());
    }
  }
}
