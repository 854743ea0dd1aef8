package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.urdf.SharedUrdfs;
import dev.flotilla.urdf.UrdfException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResumeContractTest {

  @Test
  void sameSeedGivesTheSameResume() {
    String xml = SharedUrdfs.read("panda.urdf");
    RobotResume a = Resumes.resumeFromUrdf("p", xml, "panda.urdf");
    RobotResume b = Resumes.resumeFromUrdf("p", xml, "panda.urdf");
    assertEquals(ResumeJson.toJson(a), ResumeJson.toJson(b));
  }

  @Test
  void otherSeedsGiveCloseWorkspaces() {
    String xml = SharedUrdfs.read("panda.urdf");
    RobotResume a = Resumes.resumeFromUrdf("p", xml, "panda.urdf");
    RobotResume b =
        Resumes.resumeFromUrdf("p", xml, "panda.urdf", ResumeParams.defaults().withSeed(7));
    ArmInfo x = a.manipulation().arms().get(0);
    ArmInfo y = b.manipulation().arms().get(0);
    assertNotEquals(ResumeJson.toJson(a), ResumeJson.toJson(b));
    assertEquals(x.reachM(), y.reachM(), 0.02);
    assertEquals(x.maxReachHeightM(), y.maxReachHeightM(), 0.02);
  }

  @Test
  void jsonRoundTripsAndUsesSnakeCase() {
    RobotResume r = SharedResumes.of("stretch_RE2V0_tool_stretch_gripper.urdf");
    String json = ResumeJson.toJson(r);
    assertTrue(json.contains("\"robot_id\""));
    assertTrue(json.contains("\"class\" : \"wheeled_differential\""));
    assertTrue(json.contains("\"max_reach_height_m\""));
    assertEquals(r, ResumeJson.fromJson(json));
  }

  @Test
  void renamingTheRobotChangesNothingButItsName() {
    String xml = SharedUrdfs.read("husky.urdf");
    String renamed = xml.replaceFirst("<robot name=\"[^\"]*\"", "<robot name=\"mystery_bot\"");
    RobotResume a = Resumes.resumeFromUrdf("x", xml, "husky.urdf");
    RobotResume b = Resumes.resumeFromUrdf("x", renamed, "unknown.urdf");
    assertEquals(a.mobility(), b.mobility());
    assertEquals(a.perception(), b.perception());
    assertEquals(a.manipulation(), b.manipulation());
  }

  @Test
  void unknownRobotWithNeutralNamesIsClassifiedByStructure() {
    // A four-wheeled cart with a three-joint arm; no link name says what anything is.
    String xml =
        """
        <robot name="x">
          <link name="body"><collision><origin xyz="0 0 0.25"/>
            <geometry><box size="0.6 0.4 0.2"/></geometry></collision></link>
          %s
          <link name="s1"/><link name="s2"/><link name="s3"/>
          <joint name="a1" type="revolute"><parent link="body"/><child link="s1"/>
            <origin xyz="0 0 0.35"/><axis xyz="0 0 1"/>
            <limit lower="-3" upper="3" effort="1" velocity="1"/></joint>
          <joint name="a2" type="revolute"><parent link="s1"/><child link="s2"/>
            <origin xyz="0 0 0.1"/><axis xyz="0 1 0"/>
            <limit lower="-1.5" upper="1.5" effort="1" velocity="1"/></joint>
          <joint name="a3" type="revolute"><parent link="s2"/><child link="s3"/>
            <origin xyz="0 0 0.4"/><axis xyz="0 1 0"/>
            <limit lower="-2" upper="2" effort="1" velocity="1"/></joint>
        </robot>
        """
            .formatted(wheels());
    RobotResume r = Resumes.resumeFromUrdf("cart-7", xml, "cart.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertEquals(4, r.mobility().wheels());
    assertEquals(1, r.manipulation().arms().size());
    ArmInfo arm = r.manipulation().arms().get(0);
    assertEquals("s3", arm.endEffector());
    // Shoulder at 0.45 m above ground, links 0.4 m: up to 0.85 m high.
    assertEquals(0.85, arm.maxReachHeightM(), 0.01);
  }

  private static String wheels() {
    StringBuilder sb = new StringBuilder();
    double[][] at = {{0.2, 0.25}, {0.2, -0.25}, {-0.2, 0.25}, {-0.2, -0.25}};
    for (int i = 0; i < 4; i++) {
      sb.append(
          """
          <link name="w%d"><collision><origin rpy="1.5708 0 0"/>
            <geometry><cylinder radius="0.1" length="0.05"/></geometry></collision></link>
          <joint name="k%d" type="continuous"><parent link="body"/><child link="w%d"/>
            <origin xyz="%f %f 0.1"/><axis xyz="0 1 0"/></joint>
          """
              .formatted(i, i, i, at[i][0], at[i][1]));
    }
    return sb.toString();
  }

  @Test
  void parametersOverrideDefaults() {
    ResumeParams p =
        ResumeParams.defaults()
            .withMotion(0.7, 0.3, 4.0)
            .withExtraCapabilities(Set.of("open_door"))
            .withEndEffectorLinks(Set.of("wrist_roll_link"));
    RobotResume r =
        Resumes.resumeFromUrdf("f", SharedUrdfs.read("fetch.urdf"), "fetch.urdf", p);
    assertEquals(0.7, r.mobility().maxSpeedMps());
    assertEquals(0.3, r.mobility().maxAccelerationMps2());
    assertEquals(4.0, r.mobility().payloadKg());
    assertTrue(r.capabilities().contains("open_door"));
    assertEquals("wrist_roll_link", r.manipulation().arms().get(0).endEffector());
    assertThrows(IllegalArgumentException.class,
        () -> ResumeParams.defaults().withWorkspaceSamples(3));
  }

  @Test
  void invalidUrdfTextNamesTheTopic() {
    UrdfException e =
        assertThrows(UrdfException.class,
            () -> Resumes.resumeFromUrdf("r", "<robot><link name=\"a\">", "/r1/robot_description"));
    assertTrue(e.getMessage().startsWith("/r1/robot_description:1: "), e.getMessage());
  }
}
