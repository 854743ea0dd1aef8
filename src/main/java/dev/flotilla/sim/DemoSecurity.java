package dev.flotilla.sim;

import dev.flotilla.node.NodeHost;
import dev.flotilla.security.KeyDir;
import dev.flotilla.security.RejectReason;
import dev.flotilla.security.SecurityMode;
import dev.flotilla.security.SecurityParams;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The demo's security chores: keys for a fresh checkout, and what each node signed and refused. */
final class DemoSecurity {

  private DemoSecurity() {}

  /**
   * Generates the keys the roster needs when the scenario's key directory lacks them, so a secured
   * demo runs on a fresh checkout; existing keys are kept.
   *
   * @param security the scenario's security settings
   * @param out where generated keys are announced
   */
  static void ensureKeys(SecurityParams security, PrintStream out) {
    if (security.mode() == SecurityMode.OFF) {
      return;
    }
    Path dir = security.keysDir();
    List<String> missing = security.identities().stream()
        .filter(id -> !Files.exists(dir.resolve(id + ".key"))).toList();
    if (!missing.isEmpty()) {
      KeyDir.generate(dir, missing, false);
      out.printf(Locale.ROOT, "Generated keys for %s in %s (owner-only).%n",
          String.join(", ", missing), dir);
    }
  }

  /**
   * Prints one line per node: what its authenticating bus signed, checked and refused.
   *
   * @param host the running nodes
   * @param security the scenario's security settings
   * @param out where the lines go
   */
  static void summary(NodeHost host, SecurityParams security, PrintStream out) {
    if (security.mode() == SecurityMode.OFF) {
      return;
    }
    for (String node : List.of("planner", "allocator", "synchronizer")) {
      host.security(node).ifPresent(b -> {
        var c = b.costs();
        long rejected = Arrays.stream(RejectReason.values()).mapToLong(b::rejected).sum();
        out.printf(Locale.ROOT, "security %-13s %s: %d signed, %d checked, %d rejected %s%n",
            node, b.mode().label(), c.signed(), c.verified(), rejected, b.rejections());
      });
    }
  }
}
