package dev.flotilla.journal;

/** A state journal that cannot be opened, read or written; the message names the file. */
public final class JournalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean damaged;

  /**
   * @param message a plain sentence naming the journal file
   * @param cause the underlying failure, or null
   */
  public JournalException(String message, Throwable cause) {
    this(message, cause, false);
  }

  private JournalException(String message, Throwable cause, boolean damaged) {
    super(message, cause);
    this.damaged = damaged;
  }

  /**
   * @param message a plain sentence naming the journal file and what is wrong with it
   * @param cause the underlying failure, or null
   * @return an exception for a journal whose content is damaged or not a journal at all, which
   *     {@link StateJournal#recover} can set aside
   */
  static JournalException damaged(String message, Throwable cause) {
    return new JournalException(message, cause, true);
  }

  /**
   * @return whether the journal's content is damaged (lost or altered rows or commits, a file
   *     that is not a journal), as opposed to an unusable directory or a newer schema, which
   *     recovery must not touch
   */
  public boolean damaged() {
    return damaged;
  }
}
