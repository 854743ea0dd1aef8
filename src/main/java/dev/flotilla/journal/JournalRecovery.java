package dev.flotilla.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code --recover-journal}: sets a damaged journal aside (renamed, never deleted) and starts from
 * what is provably intact. When SQLite still reads a journal whose rows match the digest sealed
 * with its own last commit, that journal is an intact prefix of what was written (its write-ahead
 * log lost a tail) and is kept whole; otherwise nothing in it can be trusted and only the plan
 * version high-water mark is kept, so versions never go backwards.
 */
final class JournalRecovery {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private final Path stateDir;
  private final String nodeName;
  private final Path file;
  private final Path sealFile;

  JournalRecovery(Path stateDir, String nodeName) {
    this.stateDir = stateDir;
    this.nodeName = nodeName;
    this.file = stateDir.resolve(nodeName + ".db");
    this.sealFile = JournalSeal.fileOf(file);
  }

  /**
   * @return a sentence saying what was kept and dropped, or empty when the journal was intact
   * @throws JournalException when the journal cannot be recovered (an unusable state_dir, a newer
   *     schema) or the files cannot be moved
   */
  Optional<String> recover() {
    String damage;
    try {
      JournalDatabase.open(stateDir, nodeName, StateJournal.SCHEMA_VERSION).close();
      return Optional.empty();
    } catch (JournalException e) {
      if (!e.damaged()) {
        throw e;
      }
      damage = e.getMessage();
    }
    JournalSeal.State sealed;
    try {
      sealed = JournalSeal.read(sealFile).orElse(JournalSeal.State.EMPTY);
    } catch (JournalException e) {
      sealed = JournalSeal.State.EMPTY;
    }
    List<Path> aside = moveAside();
    Path salvage = stateDir.resolve("." + nodeName + ".salvage");
    try {
      Salvaged s = salvage(aside, salvage, sealed);
      StateJournal fresh = StateJournal.open(stateDir, nodeName);
      try {
        fresh.versionSeen(s.highWater());
      } finally {
        fresh.close();
      }
      return Optional.of("Recovered the state journal " + file + ", which "
          + firstClause(damage) + ": " + s.summary() + "; plan versions continue above "
          + s.highWater() + "; the damaged files are kept as " + names(aside) + ".");
    } finally {
      deleteQuietly(salvage);
    }
  }

  /** What the salvage kept. */
  private record Salvaged(String summary, long highWater) {}

  private Salvaged salvage(List<Path> aside, Path dir, JournalSeal.State sealed) {
    Path db = aside.stream().filter(p -> p.getFileName().toString()
        .startsWith(nodeName + ".db.damaged")).findFirst().orElse(null);
    if (db == null) {
      return new Salvaged("there was no database to keep", sealed.highWater());
    }
    try {
      // Work on a copy: the files set aside stay exactly as they were found.
      Files.createDirectories(dir);
      Path copy = dir.resolve(nodeName + ".db");
      Files.copy(db, copy, StandardCopyOption.REPLACE_EXISTING);
      Path wal = db.resolveSibling(db.getFileName().toString().replace(".db.damaged",
          ".db-wal.damaged"));
      if (Files.exists(wal)) {
        Files.copy(wal, dir.resolve(nodeName + ".db-wal"), StandardCopyOption.REPLACE_EXISTING);
      }
      Optional<JournalSeal.State> intact = verifiedPrefix(copy, sealed.highWater());
      if (intact.isEmpty()) {
        // Unverified versions only ever raise the mark: skipping numbers is harmless.
        return new Salvaged("kept nothing but the plan version high-water mark, as nothing in it "
            + "can be verified; dropped " + contents(copy),
            Math.max(sealed.highWater(), readableMaxVersion(copy)));
      }
      JournalSeal.State kept = intact.get();
      Files.move(copy, file);
      JournalSeal seal = JournalSeal.open(sealFile);
      try {
        seal.write(kept);
      } finally {
        seal.close();
      }
      long dropped = Math.max(0, sealed.commits() - kept.commits());
      return new Salvaged("kept its first " + kept.commits() + " commits, verified ("
          + contents(file) + "), and dropped the last " + dropped, kept.highWater());
    } catch (IOException e) {
      throw new JournalException("Cannot recover the state journal " + file + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * @return the copy's seal state, with the high-water mark raised, when the copy is a journal
   *     whose rows match its own last seal; it is then checkpointed into one file
   */
  private static Optional<JournalSeal.State> verifiedPrefix(Path copy, long highWater) {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + copy.toAbsolutePath())) {
      JournalCheck check = new JournalCheck(copy, c);
      JournalSeal.State state = check.verify(StateJournal.SCHEMA_VERSION, Optional.empty());
      if (check.created() || check.schema() != StateJournal.SCHEMA_VERSION) {
        return Optional.empty();
      }
      long high = Math.max(highWater, state.highWater());
      try (Statement st = c.createStatement()) {
        st.execute("UPDATE seal SET high_water = " + high);
        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        st.execute("PRAGMA journal_mode=DELETE");
      }
      return Optional.of(new JournalSeal.State(state.commits(), state.digest(), high));
    } catch (SQLException | JournalException e) {
      return Optional.empty();
    }
  }

  /** @return what a journal holds, as far as it can be counted */
  private static String contents(Path db) {
    List<String> parts = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      for (String t : List.of("tasks", "robots", "plans")) {
        try {
          parts.add(JournalDatabase.count(c, "SELECT COUNT(*) FROM " + t) + " " + t);
        } catch (SQLException e) {
          parts.add("unreadable " + t);
        }
      }
    } catch (SQLException e) {
      return "whatever it held (unreadable)";
    }
    return parts.stream().allMatch(p -> p.startsWith("unreadable"))
        ? "whatever it held (unreadable)" : String.join(", ", parts);
  }

  /** @return the highest plan version a damaged journal still shows, or 0 */
  private static long readableMaxVersion(Path db) {
    long max = 0;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath())) {
      for (String sql : List.of("SELECT COALESCE(MAX(version), 0) FROM plans",
          "SELECT COALESCE(MAX(high_water), 0) FROM seal",
          "SELECT COALESCE(MAX(CAST(value AS INTEGER)), 0) FROM meta WHERE key = 'version_seen'")) {
        try {
          max = Math.max(max, JournalDatabase.count(c, sql));
        } catch (SQLException e) {
          // That part is unreadable; the others still count.
        }
      }
    } catch (SQLException e) {
      return max;
    }
    return max;
  }

  private List<Path> moveAside() {
    String suffix = ".damaged-" + LocalDateTime.now().format(STAMP);
    List<Path> moved = new ArrayList<>();
    for (String ext : List.of(".db", ".db-wal", ".db-shm", ".db.seal")) {
      Path p = stateDir.resolve(nodeName + ext);
      if (!Files.exists(p)) {
        continue;
      }
      Path target = stateDir.resolve(nodeName + ext + suffix);
      for (int n = 2; Files.exists(target); n++) {
        target = stateDir.resolve(nodeName + ext + suffix + "-" + n);
      }
      try {
        Files.move(p, target);
      } catch (IOException e) {
        throw new JournalException("Cannot move the damaged journal file " + p + " aside to "
            + target + ": " + e.getMessage(), e);
      }
      moved.add(target);
    }
    return moved;
  }

  private static String names(List<Path> paths) {
    return paths.isEmpty() ? "(none)"
        : String.join(", ", paths.stream().map(p -> p.getFileName().toString()).toList());
  }

  /** @return what was wrong, without the file's name and the hint to recover */
  private String firstClause(String damage) {
    int cut = damage.indexOf("; start with --recover-journal");
    String what = cut < 0 ? damage : damage.substring(0, cut);
    String prefix = "The state journal " + file + " ";
    return what.startsWith(prefix) ? what.substring(prefix.length()) : what;
  }

  private static void deleteQuietly(Path dir) {
    try {
      if (Files.isDirectory(dir)) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      // Only our scratch copy; a leftover is harmless.
    }
  }
}
