package dev.flotilla.report;

import java.io.IOException;
import java.nio.file.Path;

/** Writes a human-readable report of one fleet run. */
public interface RunReportWriter {

  /**
   * Writes the report into a directory, creating it if needed.
   *
   * @param run what happened
   * @param outDir the directory to write into
   * @return the report's main file
   * @throws IOException if the directory or file cannot be written
   */
  Path write(RunRecord run, Path outDir) throws IOException;
}
