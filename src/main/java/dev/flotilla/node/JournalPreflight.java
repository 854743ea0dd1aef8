package dev.flotilla.node;

import dev.flotilla.journal.StateJournal;
import java.nio.file.Path;
import java.util.logging.Logger;

/**
 * Checks (or, with {@code --recover-journal}, recovers) a node's journal before the host opens a
 * DDS participant for it, so a damaged journal stops the start with one sentence and nothing on
 * the network.
 */
final class JournalPreflight {
  private JournalPreflight() {}

  /**
   * @param params the node's parameters
   * @param nodeName the node's name (its journal file's name)
   * @param recover whether a damaged journal is recovered rather than refused
   * @param log where a recovery's summary goes
   * @throws dev.flotilla.journal.JournalException when the journal is damaged (and not
   *     recovered) or unusable
   */
  static void check(Record params, String nodeName, boolean recover, Logger log) {
    Path stateDir = params instanceof AllocatorParams a ? a.stateDir()
        : params instanceof PlannerParams p ? p.stateDir() : null;
    if (stateDir == null) {
      return;
    }
    if (recover) {
      StateJournal.recover(stateDir, nodeName).ifPresent(log::warning);
    } else {
      StateJournal.open(stateDir, nodeName).close();
    }
  }
}
