package dev.flotilla.resume;

import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfParser;
import java.nio.file.Path;

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
}
