package dev.flotilla.journal;

/** A state journal that cannot be opened, read or written; the message names the file. */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message a plain sentence naming the journal file
   * @param cause the underlying failure, or null
   */
  public JournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
