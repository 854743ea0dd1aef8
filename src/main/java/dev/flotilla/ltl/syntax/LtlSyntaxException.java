package dev.flotilla.ltl.syntax;

/** A formula text that does not parse; the message names the 1-based column. */
public final class LtlSyntaxException extends IllegalArgumentException {

  private final int column;

  /**
   * Creates the exception.
   *
   * @param column 1-based column of the offending character
   * @param problem what is wrong, as a plain sentence without the column
   */
  public LtlSyntaxException(int column, String problem) {
    super("column " + column + ": " + problem);
    this.column = column;
  }

  /**
   * The 1-based column of the error.
   *
   * @return the column
   */
  public int column() {
    return column;
  }
}
