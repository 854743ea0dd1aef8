package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Point3;
import dev.flotilla.urdf.SharedUrdfs;
import dev.flotilla.urdf.UrdfParser;
import dev.flotilla.urdf.UrdfRobot;
import org.junit.jupiter.api.Test;

class DenseKinematicOracleTest {

  private static DenseKinematicOracle oracle(String file) {
    UrdfRobot urdf = UrdfParser.parse(SharedUrdfs.file(file));
    ResumeParams params = ResumeParams.defaults();
    RobotResume resume = new KinematicResumeGenerator(params).generate(file, urdf);
    return new DenseKinematicOracle(urdf, resume, params, 5000, 3);
  }

  private static TaskRequirements pick(double d, double z) {
    return TaskRequirements.of("pick",
        new Requirement.Reach(new Point3(d, 0, z), Point3.ORIGIN, true));
  }

  @Test
  void fetchReachesATableButNotTheCeiling() {
    DenseKinematicOracle fetch = oracle("fetch.urdf");
    assertTrue(fetch.canDo(pick(0.4, 0.75)));
    assertFalse(fetch.canDo(pick(0.4, 2.6)));
    assertFalse(fetch.canDo(TaskRequirements.of("up", new Requirement.ChangeFloor())));
  }

  @Test
  void robotsWithoutArmsOrCamerasFail() {
    DenseKinematicOracle husky = oracle("husky.urdf");
    assertFalse(husky.canDo(pick(0.2, 0.3)));
    assertFalse(husky.canDo(TaskRequirements.of("see",
        new Requirement.View(new Point3(1, 0, 0.5), Point3.ORIGIN, 2))));
    assertTrue(husky.canDo(TaskRequirements.of("go", new Requirement.Travel(10))));
  }

  @Test
  void tiltingHeadCameraSeesHighAndLow() {
    DenseKinematicOracle fetch = oracle("fetch.urdf");
    assertTrue(fetch.canDo(TaskRequirements.of("see",
        new Requirement.View(new Point3(0.5, 0, 0.05), Point3.ORIGIN, 2))));
    assertTrue(fetch.canDo(TaskRequirements.of("see",
        new Requirement.View(new Point3(0.5, 0, 2.0), Point3.ORIGIN, 2))));
  }
}
