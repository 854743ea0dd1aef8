package dev.flotilla.typehash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Prints the RIHS01 hash of every flotilla_msgs type in {@code msg/}, for advertisement. */
class PackageTypeHashesTest {
  @Test
  void printsTheHashOfEveryFlotillaMessage() throws IOException {
    Path dir = PackageTypeHashes.DEFAULT_DIR;
    long files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".msg")).count();
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PackageTypeHashes.print(new PrintStream(buf, true, StandardCharsets.UTF_8),
        PackageTypeHashes.DEFAULT_PACKAGE, dir);
    String out = buf.toString(StandardCharsets.UTF_8);
    System.out.print(out);
    String[] lines = out.split("\n");
    assertEquals(files, lines.length);
    for (String line : lines) {
      String[] p = line.split(" ");
      assertEquals(2, p.length, line);
      assertTrue(p[0].startsWith("flotilla_msgs/msg/"), line);
      assertTrue(TypeHashes.isRihs01(p[1]), line);
    }
  }
}
