package dev.flotilla.cli;

import picocli.CommandLine.Option;

/** The journal option of the commands that run nodes with a {@code state_dir} (up, node). */
final class JournalOptions {
  @Option(names = "--recover-journal",
      description = "Start even when a node's state journal is damaged: keep its verified part "
          + "and the plan version high-water mark, rename the damaged files to "
          + "*.damaged-<time> (never deleted) and log what was kept and dropped.")
  boolean recover;
}
