package dev.flotilla.resume;

import dev.flotilla.urdf.SharedUrdfs;

/** Builds resumes of the shared URDFs with default parameters. */
final class SharedResumes {

  private SharedResumes() {}

  static RobotResume of(String file) {
    return Resumes.resumeFromFile(file, SharedUrdfs.file(file), ResumeParams.defaults());
  }
}
