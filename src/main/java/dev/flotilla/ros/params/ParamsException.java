package dev.flotilla.ros.params;

/**
 * A parameter file or value is unusable. The message names the file and the fully qualified key
 * (e.g. {@code params/fleet.yaml: synchronizer.heartbeat_timeout must be > 0, got -1}), or the
 * environment variable (ROS 2's discovery variables); the CLI turns it into exit code 2.
 */
public final class ParamsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message a plain sentence naming the file and key */
  public ParamsException(String message) {
    super(message);
  }

  /**
   * @param message a plain sentence naming the file
   * @param cause the parser's error
   */
  public ParamsException(String message, Throwable cause) {
    super(message, cause);
  }
}
