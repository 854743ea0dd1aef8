package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Point3;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Our own demo fleet in urdf/ (used by the demo and the Gazebo sessions). */
class DemoFleetTest {

  private static RobotResume demo(String file) {
    Path root = Path.of(System.getProperty("flotilla.root", "."));
    return Resumes.resumeFromFile(file, root.resolve("urdf").resolve(file),
        ResumeParams.defaults());
  }

  @Test
  void wheeledManipulatorHasLiftArmGripperAndCamera() {
    RobotResume r = demo("flotilla_wheeled_manipulator.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertEquals(1, r.manipulation().arms().size()); // the fingers belong to gripper_link
    ArmInfo arm = r.manipulation().arms().get(0);
    assertEquals("gripper_link", arm.endEffector());
    assertEquals(6, arm.dof());
    assertTrue(arm.gripper());
    assertEquals(0.6, arm.liftTravelM(), 1e-9);
    // Shoulder at 0.555 m + lift 0.6 m + 0.35 + 0.3 + 0.06 + 0.1 m of arm pointing up.
    assertEquals(0.555 + 0.6 + 0.81, arm.maxReachHeightM(), 0.06);
    CameraInfo cam = r.perception().cameras().get(0);
    assertTrue(cam.fovFromSensor());
    assertEquals(1.2, cam.horizontalFovRad(), 1e-9);
    assertEquals(1.35, cam.heightM(), 0.01);
  }

  @Test
  void quadrupedIsLeggedWithAChinCamera() {
    RobotResume r = demo("flotilla_quadruped.urdf");
    assertEquals(MobilityClass.LEGGED, r.mobility().mobilityClass());
    assertEquals(4, r.mobility().legs());
    assertTrue(r.manipulation().arms().isEmpty()); // revolute legs are not arms
    CameraInfo chin = r.perception().cameras().get(0);
    assertEquals(0.42, chin.heightM(), 0.01);
    assertEquals(-0.3, chin.pitchRad(), 1e-6);
    assertFalse(chin.onMovableJoint());
  }

  @Test
  void droneIsAerialWithAGimbalCamera() {
    RobotResume r = demo("flotilla_drone.urdf");
    assertEquals(MobilityClass.AERIAL, r.mobility().mobilityClass());
    assertEquals(4, r.mobility().rotors());
    CameraInfo cam = r.perception().cameras().get(0);
    assertTrue(cam.onMovableJoint());
    assertEquals(3.0, cam.maxHeightM(), 1e-9); // the flight ceiling of the default parameters
  }

  @Test
  void smallBaseIsWheeledWithoutArm() {
    RobotResume r = demo("flotilla_small_base.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertEquals(2, r.mobility().wheels());
    assertTrue(r.manipulation().arms().isEmpty());
    assertEquals(1, r.perception().lidars().size());
  }

  @Test
  void chinCameraCannotSeeAHighShelfButTheDroneCan() {
    // Appendix A.1 of seed 002: "due to the height and angle of its chin camera, Spot cannot
    // perceive objects on high places such as shelves, and the drone is the best choice".
    Point3 nav = new Point3(0, 0, 0);
    TaskRequirements shelf =
        TaskRequirements.of("look", new Requirement.View(new Point3(0.5, 0, 2.0), nav, 1.5));
    Assessment legged = CapabilityLambda.assess(demo("flotilla_quadruped.urdf"), shelf);
    assertEquals(0, legged.lambda());
    assertTrue(legged.reasons().get(0).contains("field of view"));
    assertTrue(CapabilityLambda.lambda(demo("flotilla_drone.urdf"), shelf) > 0);
    // A low object is fine for the chin camera.
    TaskRequirements floor =
        TaskRequirements.of("look", new Requirement.View(new Point3(0.5, 0, 0.1), nav, 1.5));
    assertTrue(CapabilityLambda.lambda(demo("flotilla_quadruped.urdf"), floor) > 0);
  }
}
