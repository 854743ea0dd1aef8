package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class UrdfParserTest {

  @TestFactory
  List<DynamicTest> everySharedUrdfParsesIntoOneTree() {
    List<Path> files = SharedUrdfs.all();
    assertTrue(files.size() >= 13, "expected the shared URDFs, found " + files);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      UrdfRobot r = UrdfParser.parse(f);
                      assertEquals(r.links().size(), r.joints().size() + 1);
                      assertEquals(r.links().size(), r.tree().linksTopDown().size());
                      assertEquals(r.joints().size(), r.tree().graph().edgeSet().size());
                    }))
        .toList();
  }

  @Test
  void readsOriginsAxesLimitsAndMimicFromPanda() {
    UrdfRobot panda = UrdfParser.parse(SharedUrdfs.file("panda.urdf"));
    Joint j2 = panda.joints().get("panda_joint2");
    assertEquals(JointType.REVOLUTE, j2.type());
    assertEquals(-Math.PI / 2, j2.origin().roll(), 1e-9);
    assertEquals(-1.8326, j2.limits().lower(), 1e-12);
    assertEquals(1.8326, j2.limits().upper(), 1e-12);
    assertEquals(new Axis(0, 0, 1), j2.axis());
    Joint finger2 = panda.joints().get("panda_finger_joint2");
    assertEquals("panda_finger_joint1", finger2.mimic().joint());
    assertEquals(1.0, finger2.mimic().multiplier());
    assertEquals("panda_link0", panda.tree().root());
  }

  @Test
  void ignoresTransmissionJointsAndKeepsPackageMeshUris() {
    UrdfRobot husky = UrdfParser.parse(SharedUrdfs.file("husky.urdf"));
    // Transmissions repeat joint names without a type; only the real joints count.
    assertEquals(JointType.CONTINUOUS, husky.joints().get("front_left_wheel").type());
    Link wheel = husky.links().get("front_left_wheel_link");
    assertTrue(
        wheel.shapes().stream()
            .anyMatch(
                s -> s.geometry() instanceof Geometry.Mesh m && m.uri().startsWith("package://")));
    assertTrue(
        wheel.shapes().stream().anyMatch(s -> s.geometry() instanceof Geometry.Cylinder));
  }

  @Test
  void readsOldStyleGazeboCameraFovInDegrees() {
    UrdfRobot pr2 = UrdfParser.parse(SharedUrdfs.file("pr2.urdf"));
    Sensor hd =
        pr2.sensors().stream().filter(s -> s.name().equals("high_def_sensor")).findFirst()
            .orElseThrow();
    assertEquals(SensorKind.CAMERA, hd.kind());
    assertEquals("high_def_frame", hd.link());
    assertEquals(Math.toRadians(45), hd.horizontalFovRad(), 1e-12);
    assertTrue(pr2.sensors().stream().anyMatch(s -> s.kind() == SensorKind.LIDAR));
  }

  @Test
  void readsSdfStyleSensorBlocksAndDefaults() {
    String xml =
        """
        <robot name="probe">
          <link name="base"/>
          <link name="cam"><inertial><mass value="0.2"/></inertial></link>
          <joint name="j" type="fixed">
            <parent link="base"/><child link="cam"/>
          </joint>
          <gazebo reference="cam">
            <sensor type="depth" name="d">
              <camera><horizontal_fov>1.5</horizontal_fov></camera>
            </sensor>
          </gazebo>
          <transmission name="t"><joint name="j"/></transmission>
          <unknown_vendor_tag/>
        </robot>
        """;
    UrdfRobot r = UrdfParser.parse(xml, "probe.urdf");
    assertEquals(1, r.sensors().size());
    assertEquals(SensorKind.DEPTH_CAMERA, r.sensors().get(0).kind());
    assertEquals(1.5, r.sensors().get(0).horizontalFovRad(), 1e-12);
    Joint j = r.joints().get("j");
    assertEquals(Pose.IDENTITY, j.origin());
    assertEquals(Axis.X, j.axis());
    assertNull(j.limits());
    assertEquals(0.2, r.totalMassKg(), 1e-12);
  }

  @Test
  void readsFloatingAndPlanarJoints() {
    UrdfRobot cf = UrdfParser.parse(SharedUrdfs.file("crazyflie2.urdf"));
    assertEquals(JointType.FLOATING, cf.joints().get("freefly").type());
    assertFalse(JointType.FLOATING.isMovable());
    assertFalse(JointType.PLANAR.isMovable());
    assertInstanceOf(Geometry.Sphere.class, cf.links().get("base").shapes().get(0).geometry());
  }
}
