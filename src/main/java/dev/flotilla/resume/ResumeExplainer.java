package dev.flotilla.resume;

/**
 * Renders a resume's evidence and confidence per section as readable text, for
 * {@code flotilla resume --explain} and for test failures (issue #13).
 */
public final class ResumeExplainer {

  private ResumeExplainer() {}

  /**
   * The explanation: per section its summary, confidence and the facts used.
   *
   * @param r the resume
   * @return several lines of text
   */
  public static String explain(RobotResume r) {
    StringBuilder b = new StringBuilder();
    b.append(r.robotId()).append(" (").append(r.robotType()).append(")\n");
    section(b, "mobility", r.mobility().summary(), r.mobility().evidence());
    section(b, "perception", r.perception().summary(), r.perception().evidence());
    section(b, "manipulation", r.manipulation().summary(), r.manipulation().evidence());
    if (!r.overridden().isEmpty()) {
      b.append("overridden by the operator: ").append(String.join(", ", r.overridden()))
          .append('\n');
    }
    return b.toString();
  }

  private static void section(StringBuilder b, String name, String summary, Evidence e) {
    b.append(name).append(" [confidence ").append(e.confidence().json()).append("]: ")
        .append(summary).append('\n');
    for (String f : e.facts()) {
      b.append("  - ").append(f).append('\n');
    }
  }
}
