package dev.flotilla.urdf;

/**
 * A URDF that cannot be used, with the file (or topic), line and element at fault. The message is a
 * plain sentence such as {@code fetch.urdf:42: <joint name="elbow">: lower limit 2.0 > upper 1.0}.
 */
public final class UrdfException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;
  private final String element;

  /**
   * Creates the error.
   *
   * @param source file name, path or topic the URDF came from
   * @param line 1-based line of the offending element (0 when unknown)
   * @param element short description of the element, e.g. {@code <joint name="elbow">}
   * @param problem what is wrong, as a sentence fragment
   */
  public UrdfException(String source, int line, String element, String problem) {
    super(format(source, line, element, problem));
    this.source = source;
    this.line = line;
    this.element = element;
  }

  private static String format(String source, int line, String element, String problem) {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
    }
    sb.append(": ");
    if (element != null && !element.isEmpty()) {
      String shown = element.startsWith("<") ? element : "<" + element + ">";
      sb.append(shown).append(": ");
    }
    return sb.append(problem).toString();
  }

  /** The file, path or topic name the URDF came from. */
  public String source() {
    return source;
  }

  /** The 1-based line of the offending element, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The offending element, e.g. {@code <joint name="elbow">}. */
  public String element() {
    return element;
  }
}
