package dev.flotilla.cli;

import dev.flotilla.resume.ResumeExplainer;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.urdf.UrdfException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flotilla resume <file.urdf>}: prints the robot resume (seed 002, section 3.3) as JSON. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Prints the JSON resume (mobility, perception, manipulation) of a URDF.")
public final class ResumeCommand implements Callable<Integer> {

  @Mixin CommandIo io;

  @Parameters(index = "0", paramLabel = "FILE", description = "The .urdf file.")
  Path file;

  @Option(names = "--id", description = "Robot id for the resume (default: the file's base name).")
  String robotId;

  @Option(names = "--seed", defaultValue = "42", description = "Workspace sampling seed.")
  long seed;

  @Option(names = "--samples", defaultValue = "2048", description = "Configurations per arm.")
  int samples;

  @Option(names = "--ee", split = ",", description = "End-effector link(s) instead of searching.")
  List<String> endEffectors = List.of();

  @Option(names = "--max-speed", defaultValue = "NaN", description = "Top speed, m/s.")
  double maxSpeed;

  @Option(names = "--max-accel", defaultValue = "NaN", description = "Acceleration, m/s².")
  double maxAccel;

  @Option(names = "--payload", defaultValue = "NaN", description = "Payload, kg.")
  double payload;

  @Option(names = "--explain",
      description = "Print each section's evidence and confidence instead of the JSON.")
  boolean explain;

  @Override
  public Integer call() {
    String id = robotId;
    if (id == null) {
      String name = file.getFileName().toString();
      id = name.endsWith(".urdf") ? name.substring(0, name.length() - 5) : name;
    }
    ResumeParams params;
    try {
      params =
          ResumeParams.defaults()
              .withSeed(seed)
              .withWorkspaceSamples(samples)
              .withEndEffectorLinks(Set.copyOf(endEffectors))
              .withMotion(maxSpeed, maxAccel, payload);
    } catch (IllegalArgumentException e) {
      return fail(e.getMessage());
    }
    try {
      RobotResume resume = Resumes.resumeFromFile(id, file, params);
      io.out().println(explain ? ResumeExplainer.explain(resume).strip()
          : ResumeJson.toJson(resume));
      io.out().flush();
      return 0;
    } catch (UrdfException e) {
      return fail(e.getMessage());
    } catch (IllegalArgumentException e) {
      return fail(file + ": " + e.getMessage());
    }
  }

  private int fail(String message) {
    return io.fail("flotilla resume: " + message);
  }
}
