package dev.flotilla.resume;

import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfLimits;
import dev.flotilla.urdf.UrdfParser;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Entry points for callers that hold a URDF as text (a {@code robot_description} message) or as a
 * file: parse, validate and build the resume in one call.
 */
public final class Resumes {

  private Resumes() {}

  /**
   * Builds a resume from URDF text.
   *
   * @param robotId the fleet identifier to put in the resume
   * @param urdfXml the URDF document
   * @param source file name or topic used in error messages, e.g. {@code /r1/robot_description}
   * @param params sampling and mobility parameters
   * @return the resume
   * @throws UrdfException when the URDF is invalid (message names source, line and element)
   */
  public static RobotResume resumeFromUrdf(
      String robotId, String urdfXml, String source, ResumeParams params) {
    return new KinematicResumeGenerator(params)
        .generate(robotId, UrdfParser.parse(urdfXml, source));
  }

  /**
   * Builds a resume from URDF text with default parameters.
   *
   * @param robotId the fleet identifier to put in the resume
   * @param urdfXml the URDF document
   * @param source file name or topic used in error messages
   * @return the resume
   * @throws UrdfException when the URDF is invalid
   */
  public static RobotResume resumeFromUrdf(String robotId, String urdfXml, String source) {
    return resumeFromUrdf(robotId, urdfXml, source, ResumeParams.defaults());
  }

  /**
   * Builds a resume from a URDF file.
   *
   * @param robotId the fleet identifier to put in the resume
   * @param file the {@code .urdf} file
   * @param params sampling and mobility parameters
   * @return the resume
   * @throws UrdfException when the file cannot be read or is invalid
   */
  public static RobotResume resumeFromFile(String robotId, Path file, ResumeParams params) {
    return new KinematicResumeGenerator(params).generate(robotId, UrdfParser.parse(file));
  }

  /**
   * Builds a resume within limits: the URDF must respect {@code limits} and the computation
   * {@code budget} (issue #13), so an oversized or pathological description is refused.
   *
   * @param robotId the fleet identifier to put in the resume
   * @param urdfXml the URDF document
   * @param source file name or topic used in error messages
   * @param params sampling and mobility parameters
   * @param limits size limits of the description
   * @param budget wall-time budget
   * @return the resume
   * @throws UrdfException when the URDF is invalid or exceeds a limit
   * @throws ResumeRefusedException when the budget runs out
   */
  public static RobotResume resumeFromUrdf(String robotId, String urdfXml, String source,
      ResumeParams params, UrdfLimits limits, Duration budget) {
    ResumeBudget b = ResumeBudget.of(budget);
    return new KinematicResumeGenerator(params)
        .generate(robotId, UrdfParser.parse(urdfXml, source, limits), b);
  }

  /**
   * The sentence to log once for a resume with a low-confidence section (issue #13), with its
   * evidence; empty when every section is medium or high.
   *
   * @param r the resume
   * @return the warning, if any
   */
  public static Optional<String> lowConfidenceWarning(RobotResume r) {
    boolean low = Stream.of(r.mobility().evidence(),
            r.perception().evidence(), r.manipulation().evidence())
        .anyMatch(e -> e != null && e.confidence() == Confidence.LOW);
    if (!low) {
      return Optional.empty();
    }
    return Optional.of("resume of " + r.robotId() + " rests on low-confidence "
        + "evidence (λ scaled by " + GeometricCapabilityScorer.LOW_CONFIDENCE_FACTOR
        + " unless resume_overrides set it):\n" + ResumeExplainer.explain(r).strip());
  }
}
