package dev.flotilla.resume;

/**
 * A resume was refused: its description exceeds a {@link dev.flotilla.urdf.UrdfLimits} limit or
 * its computation exceeded its {@link ResumeBudget}. The message says which.
 */
public final class ResumeRefusedException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message a sentence naming the limit
   */
  public ResumeRefusedException(String message) {
    super(message);
  }
}
