package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.ChainKinematics;
import dev.flotilla.urdf.EndEffectorFinder;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrix4x4;

/**
 * A slow reference for λ's hard checks, straight from the URDF instead of the compact resume: dense
 * uniform forward-kinematics samples of every arm (no height bands, no refinement) and of every
 * camera chain (height and pitch sampled together, not as independent ranges). Used by the
 * feasibility benchmark as ground truth and by tests as an exact baseline. Same task model as
 * {@link GeometricCapabilityScorer}: the base stands at or beyond the nearest navigable point and
 * turns freely. Construction O(S · n) per arm or camera; each query O(S).
 */
public final class DenseKinematicOracle {

  /** Height tolerance of a reach: the end effector must get within this of the target height. */
  public static final double REACH_HEIGHT_TOLERANCE_M = 0.025;

  private static final int MAX_CAMERA_SAMPLES = 5000;

  private final RobotResume resume;
  private final List<double[][]> arms = new ArrayList<>();
  private final List<Boolean> armGripper = new ArrayList<>();
  private final List<double[][]> cameraPoses = new ArrayList<>();
  private final List<Double> cameraHalfFov = new ArrayList<>();
  private final double ceilingM;

  /**
   * Samples a robot densely.
   *
   * @param robot the parsed URDF
   * @param resume its resume (for the mobility class, arm end effectors and camera FOVs)
   * @param params the resume's parameters (configured end effectors, flight ceiling)
   * @param samples samples per arm and per camera chain, e.g. 40 000
   * @param seed seed of the samples (use another one than the resume's)
   */
  public DenseKinematicOracle(
      UrdfRobot robot, RobotResume resume, ResumeParams params, int samples, long seed) {
    this.resume = resume;
    this.ceilingM = params.maxAltitudeM();
    List<Chain> chains = new EndEffectorFinder(robot).chains(params.endEffectorLinks());
    Set<String> armLinks = new HashSet<>();
    KinematicTree tree = robot.tree();
    for (Chain c : chains) {
      for (Joint j : c.joints()) {
        if (j.type().isMovable() && j.mimic() == null) {
          armLinks.add(j.child());
          armLinks.addAll(tree.descendants(j.child()));
          break;
        }
      }
    }
    BodyGeometry body = new BodyGeometry(robot, armLinks);
    SplittableRandom rnd = new SplittableRandom(seed);
    double[] baseXy = body.baseXy();
    for (ArmInfo arm : resume.manipulation().arms()) {
      Chain chain =
          new Chain(tree.root(), arm.endEffector(), tree.pathFromRoot(arm.endEffector()));
      ChainKinematics fk = new ChainKinematics(robot, chain);
      List<double[]> rz = new ArrayList<>();
      double[] p = new double[3];
      for (double[] q : uniform(fk.variables(), samples, rnd)) {
        fk.tipPosition(q, p);
        double z = p[2] - body.groundZ();
        if (z >= -0.01) {
          rz.add(new double[] {Math.hypot(p[0] - baseXy[0], p[1] - baseXy[1]), z});
        }
      }
      arms.add(rz.toArray(new double[0][]));
      armGripper.add(arm.gripper());
    }
    for (CameraInfo cam : resume.perception().cameras()) {
      Chain chain = new Chain(tree.root(), cam.link(), tree.pathFromRoot(cam.link()));
      ChainKinematics fk = new ChainKinematics(robot, chain);
      boolean optical = LinkNames.words(cam.link()).contains("optical");
      DMatrix4x4 pose = new DMatrix4x4();
      List<double[]> hp = new ArrayList<>();
      int n = fk.variables().isEmpty() ? 1 : Math.min(samples, MAX_CAMERA_SAMPLES);
      for (double[] q : uniform(fk.variables(), n, rnd)) {
        fk.tipPose(q, pose);
        hp.add(new double[] {pose.a34 - body.groundZ(), PerceptionAnalyzer.pitch(pose, optical)});
      }
      cameraPoses.add(hp.toArray(new double[0][]));
      cameraHalfFov.add(cam.horizontalFovRad() / 2);
    }
  }

  private static List<double[]> uniform(List<Joint> vars, int samples, SplittableRandom rnd) {
    List<double[]> out = new ArrayList<>(samples);
    for (int s = 0; s < samples; s++) {
      double[] q = new double[vars.size()];
      for (int i = 0; i < q.length; i++) {
        Joint j = vars.get(i);
        q[i] = j.sampleLower() + rnd.nextDouble() * (j.sampleUpper() - j.sampleLower());
      }
      out.add(q);
    }
    return out;
  }

  /**
   * Whether every requirement can physically be met.
   *
   * @param task the task's requirements
   * @return true when all hard requirements pass the dense checks
   */
  public boolean canDo(TaskRequirements task) {
    for (Requirement r : task.requirements()) {
      if (!can(r)) {
        return false;
      }
    }
    return true;
  }

  private boolean can(Requirement r) {
    MobilityClass c = resume.mobility().mobilityClass();
    if (r instanceof Requirement.ChangeFloor) {
      return c.canChangeFloors();
    }
    if (r instanceof Requirement.Travel) {
      return c.isMobile();
    }
    if (r instanceof Requirement.Payload p) {
      return c.isMobile() && p.massKg() <= resume.mobility().payloadKg();
    }
    if (r instanceof Requirement.Named n) {
      return resume.capabilities().contains(n.name());
    }
    if (r instanceof Requirement.Reach reach) {
      return c.isMobile() && canReach(reach);
    }
    return c.isMobile() && canView((Requirement.View) r);
  }

  private boolean canReach(Requirement.Reach r) {
    double d = r.approach().planarDistanceTo(r.target());
    double z = r.target().z() - r.approach().z();
    for (int a = 0; a < arms.size(); a++) {
      if (r.needsGripper() && !armGripper.get(a)) {
        continue;
      }
      for (double[] s : arms.get(a)) {
        if (s[0] >= d && Math.abs(s[1] - z) <= REACH_HEIGHT_TOLERANCE_M) {
          return true;
        }
      }
    }
    return false;
  }

  private boolean canView(Requirement.View v) {
    double d = v.approach().planarDistanceTo(v.target());
    double z = v.target().z() - v.approach().z();
    boolean aerial = resume.mobility().mobilityClass() == MobilityClass.AERIAL;
    double dMin = aerial ? GeometricCapabilityScorer.MIN_VIEW_DISTANCE_M
        : Math.max(d, GeometricCapabilityScorer.MIN_VIEW_DISTANCE_M);
    double dMax = v.maxDistanceM();
    if (dMin > dMax) {
      return false;
    }
    for (int c = 0; c < cameraPoses.size(); c++) {
      double half = cameraHalfFov.get(c);
      for (double[] hp : cameraPoses.get(c)) {
        // atan2(z - h, d) is monotonic in h and in d, so over the box of heights (one height, or
        // up to the ceiling when flying) and standoffs it covers the interval between its corner
        // values exactly; the target is visible when that interval meets pitch ± half FOV.
        double hTop = aerial ? Math.max(hp[0], ceilingM) : hp[0];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double h : new double[] {hp[0], hTop}) {
          for (double dist : new double[] {dMin, dMax}) {
            double e = Math.atan2(z - h, dist);
            lo = Math.min(lo, e);
            hi = Math.max(hi, e);
          }
        }
        if (hi >= hp[1] - half && lo <= hp[1] + half) {
          return true;
        }
      }
    }
    return false;
  }
}
