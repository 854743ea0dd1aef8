package dev.flotilla.resume;

import dev.flotilla.urdf.UrdfRobot;

/** Builds a {@link RobotResume} for a parsed robot (section 3.3 of seed 002). */
public interface ResumeGenerator {

  /**
   * Builds the resume.
   *
   * @param robotId the fleet identifier to put in the resume
   * @param robot the parsed, validated URDF
   * @return the resume
   */
  RobotResume generate(String robotId, UrdfRobot robot);
}
