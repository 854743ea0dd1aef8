package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.model.Point3;
import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.ChainKinematics;
import dev.flotilla.urdf.EndEffectorFinder;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.SharedUrdfs;
import dev.flotilla.urdf.UrdfParser;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CapabilityLambdaTest {

  private static final Point3 NAV = new Point3(0, 0, 0);

  private static TaskRequirements reach(double d, double z) {
    return TaskRequirements.of("pick", new Requirement.Reach(new Point3(d, 0, z), NAV, true));
  }

  @Test
  void lambdaIsInUnitIntervalAndZeroExactlyWhenARequirementFails() {
    List<TaskRequirements> tasks =
        List.of(
            reach(0.4, 0.8),
            reach(0.2, 0.05),
            TaskRequirements.of("v", new Requirement.View(new Point3(1, 0, 1.8), NAV, 2.0)),
            TaskRequirements.of("f", new Requirement.ChangeFloor()),
            TaskRequirements.of("p", new Requirement.Payload(3)),
            TaskRequirements.of("t", new Requirement.Travel(20)),
            TaskRequirements.of("n", new Requirement.Named("grasp")),
            TaskRequirements.of("empty"));
    CapabilityScorer scorer = CapabilityLambda::lambda;
    for (var f : SharedUrdfs.all()) {
      RobotResume r = SharedResumes.of(f.getFileName().toString());
      for (TaskRequirements t : tasks) {
        double l = scorer.lambda(r, t);
        Assessment a = CapabilityLambda.assess(r, t);
        assertTrue(l >= 0 && l <= 1, r.robotId() + " " + t);
        assertEquals(l, a.lambda());
        assertEquals(l == 0, !a.reasons().isEmpty(), r.robotId() + " " + t + " " + a);
      }
    }
  }

  @Test
  void onlyLeggedAndAerialRobotsChangeFloors() {
    TaskRequirements upstairs = TaskRequirements.of("up", new Requirement.ChangeFloor());
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("fetch.urdf"), upstairs));
    assertTrue(CapabilityLambda.assess(SharedResumes.of("husky.urdf"), upstairs).reasons().get(0)
        .contains("cannot change floors"));
    assertEquals(1, CapabilityLambda.lambda(SharedResumes.of("spot_with_arm.urdf"), upstairs));
    assertEquals(1, CapabilityLambda.lambda(SharedResumes.of("crazyflie2.urdf"), upstairs));
  }

  @Test
  void stretchReachesAShelfItsLiftAllowsButNotAboveIt() {
    RobotResume stretch = SharedResumes.of("stretch_RE2V0_tool_stretch_gripper.urdf");
    assertTrue(CapabilityLambda.lambda(stretch, reach(0.4, 1.0)) > 0);
    Assessment tooHigh = CapabilityLambda.assess(stretch, reach(0.4, 1.6));
    assertEquals(0, tooHigh.lambda());
    assertTrue(tooHigh.reasons().get(0).contains("outside the arm's heights"), tooHigh.toString());
    Assessment tooDeep = CapabilityLambda.assess(stretch, reach(0.9, 0.8));
    assertEquals(0, tooDeep.lambda());
    assertTrue(tooDeep.reasons().get(0).contains("from the nearest navigable point"));
  }

  @Test
  void reachUsesHeightAndHorizontalDistanceTogether() {
    // Appendix A.4 of seed 002: comparing only the height difference with the arm radius is the
    // LLM's mistake; the object must be within reach at its height and horizontal distance.
    RobotResume spot = SharedResumes.of("spot_with_arm.urdf");
    ArmInfo arm = spot.manipulation().arms().get(0);
    double z = 0.5;
    double out = arm.reachProfile().maxHorizontalAt(z);
    assertTrue(CapabilityLambda.lambda(spot, reach(out - 0.05, z)) > 0);
    assertEquals(0, CapabilityLambda.lambda(spot, reach(out + 0.05, z)));
  }

  @Test
  void closerObjectsScoreHigherUntilTheMarginSaturates() {
    RobotResume fetch = SharedResumes.of("fetch.urdf");
    double out = fetch.manipulation().arms().get(0).reachProfile().maxHorizontalAt(0.8);
    double far = CapabilityLambda.lambda(fetch, reach(out - 0.05, 0.8));
    double mid = CapabilityLambda.lambda(fetch, reach(out - 0.15, 0.8));
    double near = CapabilityLambda.lambda(fetch, reach(0.3, 0.8));
    assertTrue(far > 0 && far < mid && mid < near, far + " " + mid + " " + near);
    assertEquals(1.0, near, 1e-12);
  }

  @Test
  void robotsWithoutArmOrGripperOrMobilityCannotPick() {
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("turtlebot3_waffle.urdf"),
        reach(0.3, 0.5)));
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("panda.urdf"), reach(0.3, 0.5)));
    TaskRequirements touch =
        TaskRequirements.of("touch", new Requirement.Reach(new Point3(0.3, 0, 0.5), NAV, false));
    // UR5 has no gripper and no base; even touching needs travelling to the approach point.
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("ur5.urdf"), touch));
    assertTrue(CapabilityLambda.lambda(SharedResumes.of("fetch.urdf"), touch) > 0);
  }

  @Test
  void viewNeedsACameraThatCanSeeTheHeight() {
    TaskRequirements shelf =
        TaskRequirements.of("see", new Requirement.View(new Point3(1.0, 0, 1.2), NAV, 2.0));
    assertTrue(CapabilityLambda.lambda(SharedResumes.of("fetch.urdf"), shelf) > 0);
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("husky.urdf"), shelf)); // no camera
    // A floor-level camera tilted 10° up (Freight) cannot see a point 3 m up from 2 m away.
    TaskRequirements ceiling =
        TaskRequirements.of("see", new Requirement.View(new Point3(1.0, 0, 3.0), NAV, 2.0));
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("freight.urdf"), ceiling));
  }

  @Test
  void payloadTravelAndNamedCapabilities() {
    RobotResume fetch = SharedResumes.of("fetch.urdf");
    RobotResume cf = SharedResumes.of("crazyflie2.urdf");
    TaskRequirements box = TaskRequirements.of("box", new Requirement.Payload(1.0));
    assertTrue(CapabilityLambda.lambda(fetch, box) > 0);
    assertEquals(0, CapabilityLambda.lambda(cf, box));
    TaskRequirements trip = TaskRequirements.of("trip", new Requirement.Travel(30));
    assertTrue(CapabilityLambda.lambda(cf, trip) > CapabilityLambda.lambda(fetch, trip));
    assertEquals(0, CapabilityLambda.lambda(SharedResumes.of("panda.urdf"), trip));
    TaskRequirements grasp = TaskRequirements.of("g", new Requirement.Named("grasp"));
    assertEquals(1, CapabilityLambda.lambda(fetch, grasp));
    assertEquals(0, CapabilityLambda.lambda(cf, grasp));
  }

  @Test
  void reachAgreesWithDenseKinematicSamplingAwayFromTheBoundary() {
    // Baseline: 40 000 fresh uniform FK samples per arm (another seed, no refinement) decide
    // whether the end effector gets to the target height at least d out from the base axis.
    for (String file : List.of("fetch.urdf", "stretch_RE1V0_tool_stretch_dex_wrist.urdf",
        "stretch_RE2V0_tool_stretch_gripper.urdf")) {
      RobotResume resume = SharedResumes.of(file);
      double[][] rz = denseSamples(file, 40_000);
      SplittableRandom rnd = new SplittableRandom(99);
      int checked = 0;
      for (int trial = 0; trial < 200; trial++) {
        double d = rnd.nextDouble() * 1.4;
        double z = rnd.nextDouble() * 2.3;
        double below = 0;
        double above = 0;
        double loose = 0;
        for (double[] s : rz) {
          double dz = s[1] - z;
          if (dz <= 0 && dz >= -0.025) {
            below = Math.max(below, s[0]);
          }
          if (dz >= 0 && dz <= 0.025) {
            above = Math.max(above, s[0]);
          }
          if (Math.abs(dz) <= 0.075) {
            loose = Math.max(loose, s[0]);
          }
        }
        // Clearly feasible: poses just below and just above the target height reach 4 cm past
        // it. Clearly infeasible: nothing within 7.5 cm of its height gets within 4 cm of it.
        boolean clearlyFeasible = Math.min(below, above) - d > 0.04;
        boolean clearlyInfeasible = loose - d < -0.04;
        if (!clearlyFeasible && !clearlyInfeasible) {
          continue;
        }
        checked++;
        assertEquals(clearlyFeasible, CapabilityLambda.lambda(resume, reach(d, z)) > 0,
            file + " d=" + d + " z=" + z);
      }
      assertTrue(checked > 100, file + ": only " + checked + " clear cases");
    }
  }

  /** Horizontal distance from the base axis and height of dense end-effector samples. */
  private static double[][] denseSamples(String file, int n) {
    UrdfRobot robot = UrdfParser.parse(SharedUrdfs.file(file));
    Chain chain = new EndEffectorFinder(robot).chains(Set.of()).get(0);
    ChainKinematics fk = new ChainKinematics(robot, chain);
    List<Joint> vars = fk.variables();
    SplittableRandom rnd = new SplittableRandom(12345);
    List<double[]> out = new ArrayList<>();
    double[] q = new double[vars.size()];
    double[] p = new double[3];
    for (int s = 0; s < n; s++) {
      for (int i = 0; i < q.length; i++) {
        Joint j = vars.get(i);
        q[i] = j.sampleLower() + rnd.nextDouble() * (j.sampleUpper() - j.sampleLower());
      }
      fk.tipPosition(q, p);
      // The base link of these robots sits on the ground (REP 120): root frame = base frame.
      if (p[2] >= 0) {
        out.add(new double[] {Math.hypot(p[0], p[1]), p[2]});
      }
    }
    assertFalse(out.isEmpty());
    return out.toArray(new double[0][]);
  }
}
