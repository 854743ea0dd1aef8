package dev.flotilla.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.api.Robot;
import dev.flotilla.alloc.api.Task;
import dev.flotilla.model.Point3;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeCapabilityModelTest {
  static final Path URDF = Path.of(System.getProperty("flotilla.shared", "../shared"), "data",
      "urdf");

  private static Task needing(String capability) {
    return new Task("t", Point3.ORIGIN, 1, 100, 0.01, 10, 0, OptionalDouble.empty(), 0,
        Set.of(capability));
  }

  @Test
  void lambdaComesFromTheResumeWhenThereIsOne() {
    Map<String, RobotResume> resumes = new HashMap<>();
    ResumeCapabilityModel model = new ResumeCapabilityModel(resumes);
    Robot arm = Robot.of("fetch", Point3.ORIGIN, 1, 1, 0);
    Robot base = Robot.of("tb3", Point3.ORIGIN, 1, 1, 0);
    assertEquals(1.0, model.capability(arm, needing("manipulate")), "no resume yet");

    resumes.put("fetch", Resumes.resumeFromFile("fetch", URDF.resolve("fetch.urdf"),
        ResumeParams.defaults()));
    resumes.put("tb3", Resumes.resumeFromFile("tb3", URDF.resolve("turtlebot3_burger.urdf"),
        ResumeParams.defaults()));
    double fetch = model.capability(arm, needing("manipulate"));
    assertTrue(fetch > 0 && fetch <= 1, "fetch can manipulate: " + fetch);
    assertEquals(0.0, model.capability(base, needing("manipulate")), "a TurtleBot has no arm");
    assertEquals(0.0, model.capability(arm, needing("fly")));
  }
}
