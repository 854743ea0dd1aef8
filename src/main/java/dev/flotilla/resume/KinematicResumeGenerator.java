package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.EndEffectorFinder;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds resumes from the URDF alone plus {@link ResumeParams}, replacing the LLM summary and the
 * hard-coded workspaces of EMOS (seed 002, section 3.3, appendix A.1) with deterministic rules and
 * seeded forward-kinematics sampling. Structure is read from geometry and joint types, never from
 * robot or file names. O(L · depth + A · S · n) for A arms, S samples, n joints per arm.
 */
public final class KinematicResumeGenerator implements ResumeGenerator {

  private final ResumeParams params;

  /**
   * Creates a generator.
   *
   * @param params sampling seed and size, end-effector overrides and mobility defaults
   */
  public KinematicResumeGenerator(ResumeParams params) {
    this.params = params;
  }

  @Override
  public RobotResume generate(String robotId, UrdfRobot robot) {
    return generate(robotId, robot, ResumeBudget.unlimited());
  }

  /**
   * Builds a resume within a time budget.
   *
   * @param robotId fleet identifier
   * @param robot the parsed robot
   * @param budget the deadline, checked between stages and inside sampling loops
   * @return the resume
   * @throws ResumeRefusedException when the budget runs out
   */
  public RobotResume generate(String robotId, UrdfRobot robot, ResumeBudget budget) {
    budget.check("finding end effectors");
    List<Chain> chains = new EndEffectorFinder(robot).chains(params.endEffectorLinks());
    // Legs first, by what they do (ground contact, hips, symmetry): a foot named like an end
    // effector must not turn a leg into an arm.
    BodyGeometry all = new BodyGeometry(robot, Set.of());
    budget.check("finding legs");
    LegFinder.Legs groundLegs = LegFinder.find(all, WheelFinder.find(all, Set.of()).links());
    if (groundLegs.count() >= 2) {
      chains = chains.stream().filter(ch -> !isLeg(ch, groundLegs)).toList();
    }
    LegFinder.Legs legs = groundLegs;
    Set<String> armLinks = armLinks(robot.tree(), chains);
    BodyGeometry body = new BodyGeometry(robot, armLinks);
    WheelFinder.Wheels wheels = WheelFinder.find(body, armLinks);
    if (legs.count() < 2) {
      legs = LegFinder.find(body, wheels.links());
    }
    Set<String> excluded = new HashSet<>(armLinks);
    excluded.addAll(legs.legLinks());
    RotorFinder.Rotors rotors = RotorFinder.find(body, excluded);
    if (legs.count() < 2 && wheels.wheels().size() < 2 && wheels.trackRows() == 0
        && rotors.spinning().size() < 3 && DeclaredMotion.all(robot).isEmpty()) {
      // Nothing moves the robot at its default pose: maybe its legs are folded up.
      Set<String> toolJoints = new HashSet<>();
      for (Chain ch : chains) {
        if (LinkNames.hasAny(ch.tipLink(),
            LinkNames.END_EFFECTOR_WORDS)) {
          ch.independentJoints().forEach(j -> toolJoints.add(j.name()));
        }
      }
      LegFinder.Legs reaching = ReachingLegFinder.find(body, toolJoints, params.seed(), budget);
      if (reaching.count() >= 2) {
        legs = reaching;
        Set<String> folded = reaching.legLinks();
        chains = chains.stream().filter(ch -> !folded.contains(ch.tipLink())).toList();
        armLinks = armLinks(robot.tree(), chains);
      }
    }
    budget.check("classifying mobility");

    MobilityAnalyzer.Structure s = new MobilityAnalyzer(body, legs, wheels, rotors).analyse();
    MobilityClass c = s.mobilityClass();
    double speed = orDefault(params.maxSpeedMps(), c.defaultMaxSpeedMps());
    double accel = orDefault(params.maxAccelerationMps2(), c.defaultMaxAccelerationMps2());
    double payload =
        orDefault(params.payloadKg(), c.defaultPayloadFractionOfMass() * robot.totalMassKg());
    payload = Rounding.r(payload);
    Mobility mobility =
        new Mobility(c, c.canChangeFloors(), speed, accel, payload,
            Rounding.r(robot.totalMassKg()),
            s.wheels(), s.steerable(), s.legs(), s.rotors(),
            ResumeSummaries.mobility(c, s.wheels(), s.legs(), s.rotors(), speed, accel, payload),
            s.evidence());

    budget.check("finding cameras");
    PerceptionAnalyzer pa = new PerceptionAnalyzer(body, params, budget);
    List<CameraInfo> cameras = pa.cameras();
    if (c == MobilityClass.AERIAL) {
      // A flying camera can be anywhere between its resting height and the flight ceiling.
      cameras =
          cameras.stream()
              .map(cam -> new CameraInfo(cam.link(), cam.kind(), cam.heightM(), cam.minHeightM(),
                  Math.max(cam.maxHeightM(), params.maxAltitudeM()), cam.onMovableJoint(),
                  cam.horizontalFovRad(), cam.fovFromSensor(), cam.pitchRad(), cam.minPitchRad(),
                  cam.maxPitchRad()))
              .toList();
    }
    List<LidarInfo> lidars = pa.lidars();
    Perception perception =
        new Perception(cameras, lidars, ResumeSummaries.perception(cameras, lidars),
            pa.evidence(cameras, lidars));

    ArmAnalyzer aa = new ArmAnalyzer(body, params, budget);
    List<ArmInfo> described = new ArrayList<>();
    List<Chain> describedChains = new ArrayList<>();
    for (Chain chain : chains) {
      budget.check("sampling the arm to " + chain.tipLink());
      ArmInfo arm = aa.describe(chain, described.size());
      if (arm != null) {
        described.add(arm);
        describedChains.add(chain);
      }
    }
    HandGrouper.Grouped g = HandGrouper.group(robot, describedChains, described, params);
    List<ArmInfo> arms = g.arms();
    Manipulation manipulation =
        new Manipulation(arms, g.grippers(), ResumeSummaries.manipulation(arms), g.evidence());

    Set<String> caps = new TreeSet<>(params.extraCapabilities());
    caps.addAll(Capabilities.derived(mobility, manipulation));
    if (!cameras.isEmpty()) {
      caps.add("perceive");
    }
    if (cameras.stream().anyMatch(cam -> cam.kind().equals("depth_camera"))) {
      caps.add("depth_sensing");
    }
    if (!lidars.isEmpty()) {
      caps.add("lidar");
    }
    String type = ResumeSummaries.robotType(c, !arms.isEmpty());
    String summary =
        mobility.summary() + " " + perception.summary() + " " + manipulation.summary();
    return new RobotResume(robotId, type, robot.name(), mobility, perception, manipulation,
        List.copyOf(caps), summary, List.of());
  }

  /** A chain that runs down a leg (its tip on a leg, or through a hip joint). */
  private static boolean isLeg(Chain chain, LegFinder.Legs legs) {
    return legs.legLinks().contains(chain.tipLink())
        || chain.joints().stream().anyMatch(j -> legs.hipJoints().contains(j.name()));
  }

  private static double orDefault(double value, double fallback) {
    return Double.isNaN(value) ? fallback : value;
  }

  /** Links moved by an arm: everything below the first limited joint of each chain. */
  private static Set<String> armLinks(KinematicTree tree, List<Chain> chains) {
    Set<String> out = new HashSet<>();
    for (Chain chain : chains) {
      for (Joint j : chain.joints()) {
        if (j.type().isMovable() && j.mimic() == null) {
          out.add(j.child());
          out.addAll(tree.descendants(j.child()));
          break;
        }
      }
    }
    return out;
  }
}
