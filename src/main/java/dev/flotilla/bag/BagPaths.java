package dev.flotilla.bag;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves the storage files a metadata.yaml lists, refusing any that lead outside the bag
 * directory: an absolute path, {@code ..} segments, or a symbolic link (of the file or of a
 * directory on the way) whose target lies elsewhere. A bag handed over by someone else must not
 * make Flotilla open, print or copy other files of the reader's machine. Errors name the yaml
 * file, the field and the listed entry; they never include any file's content. O(path length).
 */
final class BagPaths {
  private BagPaths() {}

  /**
   * Resolves one {@code relative_file_paths} entry.
   *
   * @param dir the bag directory
   * @param yaml the metadata.yaml file (named in errors)
   * @param rel the listed entry
   * @return the existing regular file, inside {@code dir} also after following links
   * @throws IOException when the entry is absolute, leaves the directory, is missing or not a
   *     regular file
   */
  static Path resolve(Path dir, Path yaml, String rel) throws IOException {
    Path relPath;
    try {
      relPath = Path.of(rel);
    } catch (InvalidPathException e) {
      throw refuse(yaml, rel, "is not a valid path");
    }
    if (relPath.isAbsolute() || rel.startsWith("/") || rel.startsWith("\\")) {
      throw refuse(yaml, rel, "is absolute; only files inside the bag directory are read");
    }
    Path base = dir.toAbsolutePath().normalize();
    Path p = base.resolve(relPath).normalize();
    if (!p.startsWith(base) || p.equals(base)) {
      throw refuse(yaml, rel, "leads outside the bag directory " + dir);
    }
    if (!Files.isRegularFile(p)) {
      // Older rosbag2 listed paths including the bag directory's own name.
      Path alt = base.resolveSibling(relPath).normalize();
      if (alt.startsWith(base) && !alt.equals(base) && Files.isRegularFile(alt)) {
        p = alt;
      } else {
        throw refuse(yaml, rel, "does not exist");
      }
    }
    Path real = p.toRealPath();
    if (!real.startsWith(base.toRealPath())) {
      throw refuse(yaml, rel, "is a symbolic link (or lies under one) leading outside the bag "
          + "directory " + dir);
    }
    return p;
  }

  /**
   * Checks a storage file found by listing the bag directory (no metadata.yaml).
   *
   * @param dir the bag directory
   * @param file a file listed in it
   * @throws IOException when the file is a symbolic link leading outside the directory
   */
  static void checkListed(Path dir, Path file) throws IOException {
    if (!file.toRealPath().startsWith(dir.toRealPath())) {
      throw new IOException(file + ": a symbolic link leading outside the bag directory " + dir
          + "; refused.");
    }
  }

  private static IOException refuse(Path yaml, String rel, String why) {
    return new IOException(yaml + ": field 'relative_file_paths': file '" + rel + "' " + why
        + ".");
  }
}
