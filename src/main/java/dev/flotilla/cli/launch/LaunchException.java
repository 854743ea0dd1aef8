package dev.flotilla.cli.launch;

import java.nio.file.Path;

/**
 * A launch file the runner cannot accept: malformed XML, an element, attribute or substitution
 * outside Flotilla's subset, a missing argument. The message names the file and line.
 */
public final class LaunchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param file the launch file
   * @param line 1-based line of the element, or 0 when unknown
   * @param element the element's tag, or null when the error concerns the whole file
   * @param message one plain sentence
   */
  public LaunchException(Path file, int line, String element, String message) {
    super(file + (line > 0 ? ":" + line : "") + ": " + (element == null ? "" : "<" + element
        + ">: ") + message);
  }

  /** @param message one plain sentence naming the file and line itself */
  public LaunchException(String message) {
    super(message);
  }
}
