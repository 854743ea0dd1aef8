package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.urdf.SharedUrdfs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Named facts about the real URDFs. Figures are the ones this code computes (pinned with
 * tolerances) and, where a vendor publishes one, compared with the published specification.
 */
class RealRobotResumesTest {

  @TestFactory
  List<DynamicTest> everySharedUrdfYieldsAResume() {
    return SharedUrdfs.all().stream()
        .map(Path::getFileName)
        .map(Path::toString)
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f,
                    () -> {
                      RobotResume r = SharedResumes.of(f);
                      assertEquals(f, r.robotId());
                      assertFalse(r.mobility().summary().isBlank());
                      assertFalse(r.perception().summary().isBlank());
                      assertFalse(r.manipulation().summary().isBlank());
                      assertFalse(r.summary().contains("\n"));
                    }))
        .toList();
  }

  private static ArmInfo onlyArm(RobotResume r) {
    assertEquals(1, r.manipulation().arms().size(), r.summary());
    return r.manipulation().arms().get(0);
  }

  @Test
  void fetchIsAWheeledManipulator() {
    RobotResume r = SharedResumes.of("fetch.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertFalse(r.mobility().canChangeFloors());
    assertEquals(2, r.mobility().wheels());
    assertEquals("wheeled manipulator", r.robotType());
    ArmInfo arm = onlyArm(r);
    assertEquals("gripper_link", arm.endEffector());
    assertEquals(8, arm.dof()); // 7 arm joints + the torso lift
    assertTrue(arm.gripper());
    assertEquals(0.386, arm.liftTravelM(), 0.001); // torso_lift_joint 0 .. 0.38615 m
    assertEquals(2.11, arm.maxReachHeightM(), 0.03);
    assertEquals(1.13, arm.maxHorizontalReachM(), 0.03);
    CameraInfo head = r.perception().cameras().get(0);
    assertEquals("head_camera_link", head.link());
    assertTrue(head.onMovableJoint()); // torso lift, head pan and tilt
    assertEquals(1.06, head.heightM(), 0.01);
    assertEquals(1.48, head.maxHeightM(), 0.01);
  }

  private static void assertStretch(String file, double horizontalReachM) {
    RobotResume r = SharedResumes.of(file);
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertFalse(r.mobility().canChangeFloors());
    ArmInfo arm = onlyArm(r);
    assertTrue(arm.gripper());
    // Hello Robot's published specification: lift travel 1.1 m, telescoping reach 0.52 m.
    assertEquals(1.10, arm.liftTravelM(), 0.01);
    assertEquals(0.52, arm.extensionTravelM(), 0.01);
    // Computed: the gripper spans about 1.1 m of height (the lift) and reaches sideways as far as
    // the telescope (0.52 m) plus the wrist and gripper allow.
    assertEquals(1.10, arm.maxReachHeightM() - arm.minReachHeightM(), 0.05);
    assertEquals(horizontalReachM, arm.maxHorizontalReachM(), 0.02);
    CameraInfo head = r.perception().cameras().get(0);
    assertEquals(1.29, head.heightM(), 0.02);
    assertEquals("depth_camera", head.kind());
  }

  @Test
  void stretchRe1HasPublishedLiftAndTelescope() {
    assertStretch("stretch_RE1V0_tool_stretch_dex_wrist.urdf", 0.71);
  }

  @Test
  void stretchRe2HasPublishedLiftAndTelescope() {
    assertStretch("stretch_RE2V0_tool_stretch_gripper.urdf", 0.67);
  }

  @Test
  void spotWithArmIsLeggedWithAnArm() {
    RobotResume r = SharedResumes.of("spot_with_arm.urdf");
    assertEquals(MobilityClass.LEGGED, r.mobility().mobilityClass());
    assertEquals(4, r.mobility().legs());
    assertTrue(r.mobility().canChangeFloors());
    assertEquals("legged manipulator", r.robotType());
    ArmInfo arm = onlyArm(r);
    assertEquals("arm_link_fngr", arm.endEffector());
    assertTrue(arm.gripper());
    assertEquals(1.67, arm.maxReachHeightM(), 0.03);
    assertTrue(r.capabilities().contains("change_floors"));
  }

  @Test
  void crazyflieIsAerial() {
    RobotResume r = SharedResumes.of("crazyflie2.urdf");
    assertEquals(MobilityClass.AERIAL, r.mobility().mobilityClass());
    assertTrue(r.mobility().canChangeFloors());
    assertTrue(r.manipulation().arms().isEmpty());
    assertEquals(0.3 * 0.034, r.mobility().payloadKg(), 1e-9);
  }

  @Test
  void fireflyIsAerialWithSixRotors() {
    RobotResume r = SharedResumes.of("rotors_firefly.urdf");
    assertEquals(MobilityClass.AERIAL, r.mobility().mobilityClass());
    assertEquals(6, r.mobility().rotors());
    // The tethered load hangs on continuous joints: it must not look like an arm.
    assertTrue(r.manipulation().arms().isEmpty());
  }

  @Test
  void turtlebot3AndHuskyAreWheeledWithoutArms() {
    for (String f : List.of("turtlebot3_burger.urdf", "turtlebot3_waffle.urdf", "husky.urdf")) {
      RobotResume r = SharedResumes.of(f);
      assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass(), f);
      assertFalse(r.mobility().canChangeFloors(), f);
      assertTrue(r.manipulation().arms().isEmpty(), f);
      assertEquals("wheeled base", r.robotType(), f);
    }
    assertEquals(4, SharedResumes.of("husky.urdf").mobility().wheels());
    CameraInfo waffleCam = SharedResumes.of("turtlebot3_waffle.urdf").perception().cameras().get(0);
    assertEquals(0.10, waffleCam.heightM(), 0.01);
    assertFalse(waffleCam.onMovableJoint());
  }

  @Test
  void pandaIsAStaticArmWithDatasheetReach() {
    RobotResume r = SharedResumes.of("panda.urdf");
    assertEquals(MobilityClass.STATIC, r.mobility().mobilityClass());
    assertEquals("static arm", r.robotType());
    ArmInfo arm = onlyArm(r);
    assertEquals("panda_hand", arm.endEffector());
    assertEquals(7, arm.dof());
    assertTrue(arm.gripper());
    // Franka datasheet: 855 mm reach (shoulder to flange). Computed 0.857 m.
    assertEquals(0.855, arm.reachM(), 0.015);
    assertEquals(0.333 + 0.855, arm.maxReachHeightM(), 0.02);
  }

  @Test
  void ur5IsAStaticArmWithDatasheetReach() {
    RobotResume r = SharedResumes.of("ur5.urdf");
    assertEquals(MobilityClass.STATIC, r.mobility().mobilityClass());
    ArmInfo arm = onlyArm(r);
    assertEquals("tool0", arm.endEffector());
    assertEquals(6, arm.dof());
    assertFalse(arm.gripper()); // a bare tool flange
    // Computed kinematic maximum 0.947 m from the shoulder to tool0. The datasheet's 850 mm is the
    // working radius with the wrist folded; the maximum adds at most the wrist offsets
    // (0.0947 + 0.0823 m), so it must lie between the two.
    assertEquals(0.947, arm.reachM(), 0.01);
    assertTrue(arm.reachM() >= 0.85 && arm.reachM() <= 0.85 + 0.0947 + 0.0823);
  }

  @Test
  void pr2HasTwoArmsAndSteerableCasters() {
    RobotResume r = SharedResumes.of("pr2.urdf");
    assertEquals(MobilityClass.WHEELED_HOLONOMIC, r.mobility().mobilityClass());
    assertEquals(2, r.manipulation().arms().size());
    CameraInfo hd =
        r.perception().cameras().stream().filter(c -> c.link().equals("high_def_frame"))
            .findFirst().orElseThrow();
    assertTrue(hd.fovFromSensor());
    assertEquals(Math.toRadians(45), hd.horizontalFovRad(), 1e-9);
  }
}
