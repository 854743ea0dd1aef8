package dev.flotilla.security;

import java.util.Locale;

/**
 * How strictly a node applies application-level authentication (issue #8, "Who may speak"):
 * {@code security: {mode: off | warn | enforce}} in the parameter file.
 */
public enum SecurityMode {
  /** Nothing is signed or checked; messages carry an empty {@code auth} trailer. */
  OFF,
  /** Outgoing messages are signed; bad incoming ones are counted and reported but delivered. */
  WARN,
  /** Outgoing messages are signed; bad incoming ones are counted, reported and dropped. */
  ENFORCE;

  /**
   * @param text {@code off}, {@code warn} or {@code enforce}
   * @return the mode
   */
  public static SecurityMode parse(String text) {
    return valueOf(text.toUpperCase(Locale.ROOT));
  }

  /** @return the name used in parameter files */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
