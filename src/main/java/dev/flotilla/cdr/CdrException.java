package dev.flotilla.cdr;

/** Thrown when bytes are not valid CDR for the type being read; names the byte offset. */
public final class CdrException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long offset;

  /**
   * @param offset byte offset from the start of the serialized payload (including the header)
   * @param message what was wrong, as a plain sentence
   */
  public CdrException(long offset, String message) {
    super(message + " (at byte " + offset + ")");
    this.offset = offset;
  }

  /** @return byte offset from the start of the payload, encapsulation header included */
  public long offset() {
    return offset;
  }
}
