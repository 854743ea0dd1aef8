package dev.flotilla.bag.msgdef;

/** A message definition that cannot be parsed; names the type, line and column. */
public final class MsgParseException extends IllegalArgumentException {
  /**
   * @param source type or file the text came from
   * @param line 1-based line
   * @param column 1-based column
   * @param problem what is wrong
   */
  public MsgParseException(String source, int line, int column, String problem) {
    super(source + ":" + line + ":" + column + ": " + problem);
  }
}
