package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrix4x4;
import org.junit.jupiter.api.Test;

class ForwardKinematicsTest {

  private static final String PLANAR_ARM =
      """
      <robot name="two_link">
        <link name="base"/><link name="upper"/><link name="fore"/><link name="tip"/>
        <joint name="shoulder" type="revolute">
          <parent link="base"/><child link="upper"/><axis xyz="0 0 1"/>
          <limit lower="-3" upper="3" effort="1" velocity="1"/>
        </joint>
        <joint name="elbow" type="revolute">
          <origin xyz="0.5 0 0"/>
          <parent link="upper"/><child link="fore"/><axis xyz="0 0 1"/>
          <limit lower="-3" upper="3" effort="1" velocity="1"/>
        </joint>
        <joint name="slide" type="prismatic">
          <origin xyz="0.3 0 0"/>
          <parent link="fore"/><child link="tip"/><axis xyz="1 0 0"/>
          <limit lower="0" upper="0.2" effort="1" velocity="1"/>
        </joint>
      </robot>
      """;

  @Test
  void planarArmMatchesClosedForm() {
    UrdfRobot r = UrdfParser.parse(PLANAR_ARM, "two_link");
    ForwardKinematics fk = new ForwardKinematics(r);
    double a = 0.7;
    double b = -1.1;
    double s = 0.15;
    DMatrix4x4 tip = fk.linkPoses(Map.of("shoulder", a, "elbow", b, "slide", s)).get("tip");
    double x = 0.5 * Math.cos(a) + (0.3 + s) * Math.cos(a + b);
    double y = 0.5 * Math.sin(a) + (0.3 + s) * Math.sin(a + b);
    assertEquals(x, tip.a14, 1e-12);
    assertEquals(y, tip.a24, 1e-12);
    assertEquals(0, tip.a34, 1e-12);
  }

  @Test
  void rpyIsFixedAxisRollPitchYaw() {
    DMatrix4x4 m = new DMatrix4x4();
    Transforms.fromPose(new Pose(0, 0, 0, 0, 0, Math.PI / 2), m);
    // Yaw 90°: x goes to y.
    assertEquals(0, m.a11, 1e-12);
    assertEquals(1, m.a21, 1e-12);
    Transforms.fromPose(new Pose(0, 0, 0, Math.PI / 2, 0, Math.PI / 2), m);
    // Roll then yaw (R = Rz·Rx): the z axis goes to -y after roll, then to +x after yaw.
    assertEquals(1, m.a13, 1e-12);
    assertEquals(0, m.a23, 1e-12);
  }

  @Test
  void pandaFlangeAtZeroConfigurationMatchesDatasheet() {
    UrdfRobot panda = UrdfParser.parse(SharedUrdfs.file("panda.urdf"));
    Map<String, Double> zero = new HashMap<>();
    panda.joints().values().forEach(j -> zero.put(j.name(), 0.0));
    DMatrix4x4 flange = new ForwardKinematics(panda).linkPoses(zero).get("panda_link8");
    // Franka's zero pose: flange at (0.088, 0, 0.926) m, pointing down.
    assertEquals(0.088, flange.a14, 1e-9);
    assertEquals(0.0, flange.a24, 1e-9);
    assertEquals(0.926, flange.a34, 1e-9);
    assertEquals(-1, flange.a33, 1e-9);
  }

  @Test
  void chainKinematicsAgreesWithWholeTreeOnSeededConfigurations() {
    for (String file : List.of("panda.urdf", "fetch.urdf",
        "stretch_RE1V0_tool_stretch_dex_wrist.urdf", "spot_with_arm.urdf", "ur5.urdf")) {
      UrdfRobot r = UrdfParser.parse(SharedUrdfs.file(file));
      Chain chain = new EndEffectorFinder(r).chains(Set.of()).get(0);
      ChainKinematics ck = new ChainKinematics(r, chain);
      ForwardKinematics fk = new ForwardKinematics(r);
      SplittableRandom rnd = new SplittableRandom(7);
      double[] p = new double[3];
      for (int trial = 0; trial < 20; trial++) {
        double[] q = new double[ck.variables().size()];
        Map<String, Double> named = new HashMap<>();
        for (int i = 0; i < q.length; i++) {
          Joint j = ck.variables().get(i);
          q[i] = j.sampleLower() + rnd.nextDouble() * (j.sampleUpper() - j.sampleLower());
          named.put(j.name(), q[i]);
        }
        ck.tipPosition(q, p);
        DMatrix4x4 expected = fk.linkPoses(named).get(chain.tipLink());
        assertEquals(expected.a14, p[0], 1e-9, file);
        assertEquals(expected.a24, p[1], 1e-9, file);
        assertEquals(expected.a34, p[2], 1e-9, file);
      }
    }
  }

  @Test
  void mimicJointFollowsItsMaster() {
    UrdfRobot panda = UrdfParser.parse(SharedUrdfs.file("panda.urdf"));
    Map<String, DMatrix4x4> poses =
        new ForwardKinematics(panda).linkPoses(Map.of("panda_finger_joint1", 0.03));
    DMatrix4x4 hand = poses.get("panda_hand");
    DMatrix4x4 left = poses.get("panda_leftfinger");
    DMatrix4x4 right = poses.get("panda_rightfinger");
    double gapLeft = Math.hypot(left.a14 - hand.a14, left.a24 - hand.a24);
    double gapRight = Math.hypot(right.a14 - hand.a14, right.a24 - hand.a24);
    assertEquals(0.03, gapLeft, 1e-9);
    assertEquals(0.03, gapRight, 1e-9);
  }
}
