package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The evidence rules of issue #13 on made-up robots outside the labelled corpus: each rule must
 * hold for any URDF, not for the files it was tuned on.
 */
class EvidenceRulesTest {

  private static String box(double x, double y, double z) {
    return "<visual><geometry><box size=\"" + x + " " + y + " " + z + "\"/></geometry></visual>"
        + "<inertial><mass value=\"1\"/></inertial>";
  }

  /** A body 0.4 m up with four 2-joint legs whose feet are named like end effectors. */
  static String quadrupedWithEeFeet() {
    StringBuilder b = new StringBuilder("<robot name=\"q\"><link name=\"body\">" + box(0.6, 0.3,
        0.1) + "</link>");
    double[][] hips = {{0.25, 0.15}, {0.25, -0.15}, {-0.25, 0.15}, {-0.25, -0.15}};
    for (int i = 0; i < 4; i++) {
      String l = "leg" + i;
      b.append("<link name=\"" + l + "_thigh\">" + box(0.04, 0.04, 0.2) + "</link>")
          .append("<link name=\"" + l + "_shin\">" + box(0.03, 0.03, 0.2) + "</link>")
          .append("<link name=\"" + l + "_ee\"><visual><geometry><sphere radius=\"0.02\"/>"
              + "</geometry></visual></link>")
          .append(joint(l + "_hip", "revolute", "body", l + "_thigh", hips[i][0], hips[i][1], 0))
          .append(joint(l + "_knee", "revolute", l + "_thigh", l + "_shin", 0, 0, -0.2))
          .append(joint(l + "_foot", "fixed", l + "_shin", l + "_ee", 0, 0, -0.18));
    }
    return b.append("</robot>").toString();
  }

  private static String joint(String name, String type, String parent, String child, double x,
      double y, double z) {
    return "<joint name=\"" + name + "\" type=\"" + type + "\"><parent link=\"" + parent
        + "\"/><child link=\"" + child + "\"/><origin xyz=\"" + x + " " + y + " " + z
        + "\"/><axis xyz=\"0 1 0\"/><limit lower=\"-1.5\" upper=\"1.5\"/></joint>";
  }

  @Test
  void legsAreToldFromArmsByGroundContactNotByNames() {
    RobotResume r = Resumes.resumeFromUrdf("q", quadrupedWithEeFeet(), "q.urdf");
    assertEquals(MobilityClass.LEGGED, r.mobility().mobilityClass(), ResumeExplainer.explain(r));
    assertEquals(4, r.mobility().legs());
    assertEquals(0, r.manipulation().arms().size(), ResumeExplainer.explain(r));
    assertEquals(Confidence.HIGH, r.mobility().evidence().confidence());
  }

  /** A base with wheel links on fixed joints; motion only declared by a Gazebo plugin. */
  private static String fixedWheelBase(String plugin) {
    StringBuilder b = new StringBuilder("<robot name=\"b\"><link name=\"base\">"
        + box(0.6, 0.4, 0.2) + "</link>");
    int i = 0;
    for (double[] p : new double[][] {{0.2, 0.22}, {0.2, -0.22}, {-0.2, 0.22}, {-0.2, -0.22}}) {
      String w = "wheel_" + i++;
      b.append("<link name=\"" + w + "\"><visual><origin rpy=\"1.5708 0 0\"/><geometry>"
          + "<cylinder radius=\"0.1\" length=\"0.05\"/></geometry></visual></link>");
      b.append("<joint name=\"" + w + "_joint\" type=\"fixed\"><parent link=\"base\"/><child "
          + "link=\"" + w + "\"/><origin xyz=\"" + p[0] + " " + p[1] + " -0.1\"/></joint>");
    }
    if (plugin != null) {
      b.append("<gazebo><plugin name=\"drive\" filename=\"" + plugin + "\"><odometryFrame>odom"
          + "</odometryFrame></plugin></gazebo>");
    }
    return b.append("</robot>").toString();
  }

  @Test
  void declaredPlanarMoveMakesFixedWheelsHolonomic() {
    RobotResume r = Resumes.resumeFromUrdf("b", fixedWheelBase("libgazebo_ros_planar_move.so"),
        "b.urdf");
    assertEquals(MobilityClass.WHEELED_HOLONOMIC, r.mobility().mobilityClass());
    assertEquals(4, r.mobility().wheels());
    assertEquals(Confidence.MEDIUM, r.mobility().evidence().confidence());
    assertTrue(r.mobility().evidence().facts().stream()
        .anyMatch(f -> f.contains("libgazebo_ros_planar_move")), ResumeExplainer.explain(r));
  }

  @Test
  void namesAloneGiveLowConfidenceAndScaleLambdaUnlessOverridden() {
    RobotResume r = Resumes.resumeFromUrdf("b", fixedWheelBase(null), "b.urdf");
    assertEquals(MobilityClass.WHEELED_DIFFERENTIAL, r.mobility().mobilityClass());
    assertEquals(Confidence.LOW, r.mobility().evidence().confidence());
    assertTrue(Resumes.lowConfidenceWarning(r).isPresent());
    TaskRequirements go = TaskRequirements.of("t", new Requirement.Travel(10));
    RobotResume trusted =
        new ResumeOverrides(MobilityClass.WHEELED_DIFFERENTIAL, null, null, null, null, null)
            .apply(r);
    double full = CapabilityLambda.lambda(trusted, go);
    assertEquals(GeometricCapabilityScorer.LOW_CONFIDENCE_FACTOR * full,
        CapabilityLambda.lambda(r, go), 1e-12);
  }

  /**
   * A torso on the ground with two mirrored unnamed 3-joint arms at the shoulders, held out
   * forward at zero and able to reach the floor: arms, not folded legs.
   */
  private static String dualArmTorso() {
    StringBuilder b = new StringBuilder("<robot name=\"t\"><link name=\"torso\"><visual>"
        + "<origin xyz=\"0 0 0.3\"/><geometry><box size=\"0.3 0.3 0.6\"/></geometry></visual>"
        + "<inertial><origin xyz=\"0 0 0.3\"/><mass value=\"10\"/></inertial></link>");
    for (String side : new String[] {"a", "b"}) {
      double y = side.equals("a") ? 0.2 : -0.2;
      b.append("<link name=\"" + side + "1\">" + box(0.05, 0.05, 0.3) + "</link>")
          .append("<link name=\"" + side + "2\">" + box(0.05, 0.05, 0.3) + "</link>")
          .append("<link name=\"" + side + "3\">" + box(0.05, 0.05, 0.1) + "</link>")
          .append(joint(side + "_s", "revolute", "torso", side + "1", 0.15, y, 0.55))
          .append(joint(side + "_e", "revolute", side + "1", side + "2", 0.3, 0, 0))
          .append(joint(side + "_w", "revolute", side + "2", side + "3", 0.3, 0, 0));
    }
    return b.append("</robot>").toString();
  }

  @Test
  void mirroredArmsAtTheShouldersAreNotFoldedLegs() {
    RobotResume r = Resumes.resumeFromUrdf("t", dualArmTorso(), "t.urdf");
    assertEquals(MobilityClass.STATIC, r.mobility().mobilityClass(), ResumeExplainer.explain(r));
    assertEquals(2, r.manipulation().arms().size(), ResumeExplainer.explain(r));
  }

  static String chain(int n) {
    StringBuilder b = new StringBuilder("<robot name=\"snake\"><link name=\"l0\"/>");
    for (int i = 1; i < n; i++) {
      b.append("<link name=\"l" + i + "\">" + box(0.01, 0.01, 0.01) + "</link>");
      b.append(joint("j" + i, "revolute", "l" + (i - 1), "l" + i, 0.01, 0, 0));
    }
    return b.append("</robot>").toString();
  }

  @Test
  void aLongChainIsRefusedQuicklyByDefaultAndBoundedOtherwise() {
    String xml = chain(3000);
    long t0 = System.nanoTime();
    UrdfException e = assertThrows(UrdfException.class,
        () -> Resumes.resumeFromUrdf("s", xml, "snake.urdf"));
    assertTrue(e.getMessage().contains("more than 1000 links; refused"), e.getMessage());
    // Without size limits the time budget bounds the work (was quadratic per sweep, see
    // ChainKinematics.beginSweep): it finishes or is refused soon after the budget.
    long t1 = System.nanoTime();
    try {
      Resumes.resumeFromUrdf("s", xml, "snake.urdf", ResumeParams.defaults(),
          UrdfLimits.unlimited(), Duration.ofSeconds(3));
    } catch (ResumeRefusedException refused) {
      assertTrue(refused.getMessage().contains("budget"), refused.getMessage());
    }
    long t2 = System.nanoTime();
    assertTrue((t1 - t0) / 1e9 < 5, "refusal took " + (t1 - t0) / 1e9 + " s");
    assertTrue((t2 - t1) / 1e9 < 10, "bounded resume took " + (t2 - t1) / 1e9 + " s");
  }
}
