package dev.flotilla.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The file-mode rules of a {@link KeyDir}, as ssh applies them to its keys (issue #16): a
 * directory or public key that group or others can write is not trusted, since anyone on the
 * host could replace it; a secret that group or others can read is not trusted either. The
 * checks read the mode bits, so they hold for root too. On a file system without POSIX
 * permissions there is nothing to check.
 */
final class KeyFileModes {
  private static final Set<PosixFilePermission> OPEN = EnumSet.of(
      PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
      PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
      PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
  private static final Set<PosixFilePermission> OTHERS_WRITE = EnumSet.of(
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

  private KeyFileModes() {}

  /**
   * Refuses a file or directory that group or others may write, naming it and its mode.
   *
   * @param f the path
   * @param what how the sentence names it
   * @param mode the mode the sentence suggests
   */
  static void requireUnwritableByOthers(Path f, String what, String mode) {
    try {
      if (!Files.getFileStore(f).supportsFileAttributeView("posix")) {
        return;
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
      if (!Collections.disjoint(perms, OTHERS_WRITE)) {
        throw new KeyDirException(what + " is mode " + PosixFilePermissions.toString(perms)
            + "; others can write it and so replace keys, so it is not trusted (chmod " + mode
            + " " + f + ").");
      }
    } catch (IOException e) {
      throw new KeyDirException("Cannot read the mode of " + f + ": " + e.getMessage() + ".", e);
    }
  }

  static void requirePrivate(Path f) throws IOException {
    Optional<String> open = tooOpen(f);
    if (open.isPresent()) {
      throw new KeyDirException(f + " is " + open.get() + "; a secret others can read is not "
          + "trusted (chmod 600 " + f + ").");
    }
  }

  static Optional<String> tooOpen(Path f) throws IOException {
    if (!Files.getFileStore(f).supportsFileAttributeView("posix")) {
      return Optional.empty();
    }
    Set<PosixFilePermission> perms = Files.getPosixFilePermissions(f);
    for (PosixFilePermission p : perms) {
      if (OPEN.contains(p)) {
        return Optional.of("mode " + PosixFilePermissions.toString(perms));
      }
    }
    return Optional.empty();
  }
}
