package dev.flotilla.bench;

/** A benchmark figure that is one line of its CSV; see {@link TableWriter#writeCsv}. */
public interface CsvRow {
  /** @return the CSV line, without a line separator */
  String csv();
}
