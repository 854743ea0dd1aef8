package dev.flotilla.cli;

import dev.flotilla.ros.TopicNames;
import dev.flotilla.security.KeyDir;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flotilla keys gen|list}: the key directory of issue #8's application-level
 * authentication (Ed25519 key pairs and HMAC-SHA256 secrets, owner-only files).
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Manage the identities' keys (Ed25519 pairs, HMAC secrets) for security.mode "
        + "warn|enforce.",
    subcommands = {KeysCommand.Gen.class, KeysCommand.ListKeys.class})
final class KeysCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** {@code flotilla keys gen --dir DIR ID…}. */
  @Command(name = "gen", mixinStandardHelpOptions = true,
      description = "Generate an Ed25519 key pair and an HMAC-SHA256 secret per identity "
          + "(files 0600 in a 0700 directory).")
  static final class Gen implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "Key directory (created if missing).")
    Path dir;

    @Option(names = "--force", description = "Replace existing keys of these identities.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "ID",
        description = "Identities: node names (planner, allocator, synchronizer, operator) and "
            + "robot ids.")
    List<String> ids;

    @Override
    public Integer call() {
      for (String id : ids) {
        if (!TopicNames.isValidRobotId(id)) {
          throw new UsageError("'" + id + "' is not a valid identity (letters, digits, "
              + "underscores, not starting with a digit).");
        }
      }
      List<Path> files = KeyDir.generate(dir, ids, force);
      System.out.printf("wrote %d files for %d identities in %s%n", files.size(), ids.size(), dir);
      return 0;
    }
  }

  /** {@code flotilla keys list --dir DIR}. */
  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "List the identities of a key directory with their algorithms and public-key "
          + "fingerprints; warn about files others can read.")
  static final class ListKeys implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "Key directory.")
    Path dir;

    @Override
    public Integer call() {
      boolean warned = false;
      System.out.printf("%-16s %-40s %s%n", "identity", "keys", "fingerprint");
      for (KeyDir.Entry e : KeyDir.list(dir)) {
        if (!e.id().equals("(directory)")) {
          System.out.printf("%-16s %-40s %s%n", e.id(), String.join(", ", e.algorithms()),
              e.fingerprint().isEmpty() ? "-" : e.fingerprint());
        }
        for (String w : e.warnings()) {
          System.out.println("WARNING: " + w);
          warned = true;
        }
      }
      return warned ? 1 : 0;
    }
  }
}
