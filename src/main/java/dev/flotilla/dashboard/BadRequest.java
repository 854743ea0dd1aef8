package dev.flotilla.dashboard;

/** A request the dashboard refuses, with the sentence the browser shows and an HTTP status. */
final class BadRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;

  /**
   * @param status e.g. 400, 413
   * @param sentence what was wrong, naming the field
   */
  BadRequest(int status, String sentence) {
    super(sentence, null, false, false);
    this.status = status;
  }

  /** @param sentence what was wrong, naming the field; status 400 */
  BadRequest(String sentence) {
    this(400, sentence);
  }

  int status() {
    return status;
  }
}
