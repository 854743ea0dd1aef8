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

class KeyDirTest {
  @TempDir Path tmp;

  @Test
  void generatedKeysAreOwnerOnlyAndLoad() throws Exception {
    Path dir = tmp.resolve("out").resolve("keys");
    List<Path> files = KeyDir.generate(dir, List.of("allocator", "r1"), false);
    // Parents (here out/) are made with the umask's mode; only the key directory is 0700.
    assertTrue(Files.isDirectory(dir.getParent()));
    assertEquals(6, files.size());
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    for (Path f : files) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
          f.toString());
    }
    assertTrue(Files.readString(dir.resolve("r1.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
    KeyDir keys = KeyDir.load(dir);
    assertTrue(keys.privateKey("allocator").isPresent());
    assertTrue(keys.publicKey("r1").isPresent());
    assertEquals(32, keys.hmacSecret("r1").orElseThrow().length);
  }

  @Test
  void existingKeysAreKeptUnlessForced() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDir.generate(dir, List.of("planner"), false);
    String before = Files.readString(dir.resolve("planner.pub"));
    KeyDirException e = assertThrows(KeyDirException.class,
        () -> KeyDir.generate(dir, List.of("planner"), false));
    assertTrue(e.getMessage().contains("--force"), e.getMessage());
    assertEquals(before, Files.readString(dir.resolve("planner.pub")));
    KeyDir.generate(dir, List.of("planner"), true);
    assertTrue(!before.equals(Files.readString(dir.resolve("planner.pub"))));
  }

  @Test
  void listShowsAlgorithmsFingerprintsAndTooOpenFiles() throws Exception {
    Path dir = tmp.resolve("keys");
    KeyDir.generate(dir, List.of("r1"), false);
    Files.setPosixFilePermissions(dir.resolve("r1.hmac"),
        PosixFilePermissions.fromString("rw-r--r--"));
    List<KeyDir.Entry> entries = KeyDir.list(dir);
    assertEquals(1, entries.size());
    KeyDir.Entry r1 = entries.get(0);
    assertEquals(List.of("Ed25519", "Ed25519-public", "HMAC-SHA256"), r1.algorithms());
    assertTrue(r1.fingerprint().matches("SHA256:[0-9a-f]{16}"), r1.fingerprint());
    assertEquals(1, r1.warnings().size(), r1.warnings().toString());
    KeyDirException e = assertThrows(KeyDirException.class, () -> KeyDir.load(dir));
    assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
  }

  @Test
  void aMissingDirectoryIsOneSentence() {
    KeyDirException e = assertThrows(KeyDirException.class,
        () -> KeyDir.load(tmp.resolve("none")));
    assertTrue(e.getMessage().contains("flotilla keys gen"), e.getMessage());
  }
}
