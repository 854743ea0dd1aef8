package dev.flotilla.report;

/**
 * One line of the run's summary table.
 *
 * @param label what is measured, e.g. "tasks done"
 * @param value its value as text, units included, e.g. "412.0 s"
 */
public record SummaryRow(String label, String value) {

  /** Rejects nulls. */
  public SummaryRow {
    RecordChecks.present(label, "summary.label");
    RecordChecks.present(value, "summary.value");
  }
}
