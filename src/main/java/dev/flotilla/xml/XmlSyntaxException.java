package dev.flotilla.xml;

/**
 * A document that is not well-formed XML. Callers add the file or topic name, which the reader
 * does not know, when they wrap it in their own error.
 */
public final class XmlSyntaxException extends RuntimeException {
  private final int line;
  private final String openElement;

  /**
   * @param line 1-based line of the problem, 0 when unknown
   * @param openElement the innermost element open at that point, empty when none
   * @param detail the parser's description
   */
  XmlSyntaxException(int line, String openElement, String detail) {
    super(detail);
    this.line = line;
    this.openElement = openElement;
  }

  /** @return 1-based line of the problem, 0 when unknown */
  public int line() {
    return line;
  }

  /** @return the innermost element open at the problem, empty when none */
  public String openElement() {
    return openElement;
  }
}
