package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The parser keeps declared behaviour and enforces size limits (issue #13). */
class DeclaredBehaviourTest {

  private static final String ROBOT = """
      <?xml version="0.0" ?>
      <robot name="r">
        <properties kf="3e-10" km="8e-12"/>
        <link name="base"/>
        <link name="wheel"/>
        <joint name="wheel_joint" type="continuous">
          <parent link="base"/><child link="wheel"/><axis xyz="0 1 0"/>
        </joint>
        <transmission name="t">
          <joint name="wheel_joint">
            <hardwareInterface>hardware_interface/VelocityJointInterface</hardwareInterface>
          </joint>
        </transmission>
        <gazebo>
          <plugin name="drive" filename="libgazebo_ros_diff_drive.so">
            <left_joint>wheel_joint</left_joint>
          </plugin>
        </gazebo>
        <ros2_control name="sys" type="system">
          <hardware><plugin>mock_components/GenericSystem</plugin></hardware>
          <joint name="wheel_joint"><command_interface name="velocity"/></joint>
        </ros2_control>
        <gazebo reference="base">
          <sensor name="cliff" type="ray"><ray><scan><horizontal><samples>1</samples>
          </horizontal></scan></ray></sensor>
        </gazebo>
      </robot>
      """;

  @Test
  void keepsPluginsTransmissionsRos2ControlAndVendorElements() {
    UrdfRobot r = UrdfParser.parse(ROBOT, "r.urdf");
    assertEquals(3, r.plugins().size(), r.plugins().toString());
    Plugin vendor = r.plugins().get(0);
    assertEquals("properties", vendor.element());
    assertEquals("3e-10", vendor.params().get("kf"));
    Plugin gazebo = r.plugins().get(1);
    assertEquals("libgazebo_ros_diff_drive.so", gazebo.filename());
    assertEquals("wheel_joint", gazebo.params().get("left_joint"));
    Plugin rc = r.plugins().get(2);
    assertEquals("mock_components/GenericSystem", rc.filename());
    assertEquals("velocity", rc.params().get("joint:wheel_joint"));
    Transmission t = r.transmissions().get(0);
    assertEquals("wheel_joint", t.joints().get(0));
    assertTrue(t.interfaces().get(0).endsWith("VelocityJointInterface"));
    assertEquals(1, r.sensors().get(0).horizontalSamples());
  }

  @Test
  void refusesDescriptionsBeyondTheLimits() {
    UrdfLimits small = new UrdfLimits(100_000, 2, 10, 10);
    UrdfException e = assertThrows(UrdfException.class,
        () -> UrdfParser.parse(ROBOT.replace("<link name=\"wheel\"/>",
            "<link name=\"wheel\"/><link name=\"extra\"/>"), "r.urdf", small));
    assertTrue(e.getMessage().contains("more than 2 links; refused"), e.getMessage());
    UrdfException chars = assertThrows(UrdfException.class,
        () -> UrdfParser.parse(ROBOT, "r.urdf", new UrdfLimits(10, 10, 10, 10)));
    assertTrue(chars.getMessage().contains("characters"), chars.getMessage());
  }

  @Test
  void wordsSplitCamelCaseAndTokensKeepModelNumbers() {
    assertEquals(java.util.Set.of("camera", "left", "eye", "frame"),
        LinkNames.words("CameraLeftEye_frame"));
    assertTrue(LinkNames.hasToken("d435_link", LinkNames.CAMERA_MODELS));
    assertTrue(LinkNames.hasToken("mid360_link", LinkNames.SCANNER_WORDS));
  }
}
