package dev.flotilla.security;

/** A key directory that cannot be created, read or trusted; the message is one plain sentence. */
public final class KeyDirException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and, where useful, what to do */
  public KeyDirException(String message) {
    super(message);
  }

  /**
   * @param message what is wrong
   * @param cause the underlying failure
   */
  public KeyDirException(String message, Throwable cause) {
    super(message, cause);
  }
}
