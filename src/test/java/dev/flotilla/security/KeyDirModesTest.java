package dev.flotilla.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #16: a key directory or public key others can write is refused, as ssh's StrictModes
 * does; the checks look at mode bits (the tests run as root, who could write anyway).
 */
class KeyDirModesTest {
  @TempDir Path tmp;

  private Path generated() {
    Path dir = tmp.resolve("keys");
    KeyDir.generate(dir, List.of("planner", "r1"), false);
    return dir;
  }

  private static void chmod(Path p, String mode) throws Exception {
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(mode));
  }

  @Test
  void worldWritableKeyDirectoryIsRefused() throws Exception {
    Path dir = generated();
    chmod(dir, "rwxrwxrwx");
    KeyDirException e = assertThrows(KeyDirException.class, () -> KeyDir.load(dir));
    assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("mode rwxrwxrwx"), e.getMessage());
  }

  @Test
  void groupWritableKeyDirectoryIsRefused() throws Exception {
    Path dir = generated();
    chmod(dir, "rwxrwx---");
    assertThrows(KeyDirException.class, () -> KeyDir.load(dir));
  }

  @Test
  void writablePublicKeyIsRefused() throws Exception {
    Path dir = generated();
    Path pub = dir.resolve("planner.pub");
    chmod(pub, "rw-rw-rw-");
    KeyDirException e = assertThrows(KeyDirException.class, () -> KeyDir.load(dir));
    assertTrue(e.getMessage().startsWith(pub + " is mode rw-rw-rw-"), e.getMessage());
  }

  @Test
  void readablePublicKeyAndDirectoryAreFine() throws Exception {
    Path dir = generated();
    chmod(dir, "rwxr-xr-x");
    chmod(dir.resolve("planner.pub"), "rw-r--r--");
    assertTrue(KeyDir.load(dir).publicKey("planner").isPresent());
  }

  @Test
  void genMakesAnOpenDirectoryAndItsFilesOwnerOnly() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("open"));
    chmod(dir, "rwxrwxrwx");
    KeyDir.generate(dir, List.of("r1"), false);
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    for (String ext : List.of(".key", ".pub", ".hmac")) {
      assertEquals("rw-------", PosixFilePermissions.toString(
          Files.getPosixFilePermissions(dir.resolve("r1" + ext))), ext);
    }
    assertTrue(KeyDir.load(dir).privateKey("r1").isPresent());
  }
}
