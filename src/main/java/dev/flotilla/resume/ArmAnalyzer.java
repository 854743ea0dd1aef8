package dev.flotilla.resume;

import dev.flotilla.model.Point3;
import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.ChainKinematics;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.Transforms;
import dev.flotilla.urdf.UrdfRobot;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.ejml.data.DMatrix4x4;

/**
 * Describes an arm by seeded, bounded forward-kinematics sampling over its joint limits (section
 * 3.3 of seed 002: "the arm workspace is the bounding volume of all sampled end-effector
 * positions"). Half of each configuration's coordinates are uniform in the limits, the other half
 * are picked from {lower, upper, default, middle} so that stretched-out poses — which decide the
 * reach — are hit; the default, all-lower and all-upper configurations are always included.
 * Samples below the ground plane are dropped (the floor or mounting surface stops the arm).
 * O(S · n) for S samples of an n-joint chain, allocation-free in the loop.
 */
final class ArmAnalyzer {

  static final double BAND_M = 0.05;
  private static final double FLOOR_TOLERANCE_M = 0.01;

  private final BodyGeometry body;
  private final ResumeParams params;

  ArmAnalyzer(BodyGeometry body, ResumeParams params) {
    this.body = body;
    this.params = params;
  }

  /**
   * Describes one arm.
   *
   * @param chain chain from the root to the end effector
   * @param armIndex position of the arm in the robot (mixed into the seed)
   * @return the arm, or null when the chain has no movable joint
   */
  ArmInfo describe(Chain chain, int armIndex) {
    UrdfRobot robot = body.robot();
    ChainKinematics fk = new ChainKinematics(robot, chain);
    List<Joint> vars = fk.variables();
    if (vars.isEmpty()) {
      return null;
    }
    int n = vars.size();
    double[] lo = new double[n];
    double[] hi = new double[n];
    double[] def = new double[n];
    for (int i = 0; i < n; i++) {
      lo[i] = vars.get(i).sampleLower();
      hi[i] = vars.get(i).sampleUpper();
      def[i] = vars.get(i).defaultPosition();
    }
    double[] baseXy = body.baseXy();
    double ground = body.groundZ();
    double[] shoulder = firstJointPosition(vars.get(0));

    int samples = params.workspaceSamples();
    double[] xs = new double[samples];
    double[] ys = new double[samples];
    double[] zs = new double[samples];
    double reach = 0;
    SplittableRandom rnd = new SplittableRandom(params.seed() * 31 + armIndex);
    double[] q = new double[n];
    double[] p = new double[3];
    for (int s = 0; s < samples; s++) {
      for (int i = 0; i < n; i++) {
        q[i] =
            switch (s) {
              case 0 -> def[i];
              case 1 -> lo[i];
              case 2 -> hi[i];
              default -> pick(rnd, lo[i], hi[i], def[i]);
            };
      }
      fk.tipPosition(q, p);
      xs[s] = p[0] - baseXy[0];
      ys[s] = p[1] - baseXy[1];
      zs[s] = p[2] - ground;
    }
    // The floor (or the surface an arm is mounted on) stops the end effector: samples below it
    // are not part of the workspace, unless the arm never gets above it at all.
    int kept = 0;
    for (int s = 0; s < samples; s++) {
      if (zs[s] >= -FLOOR_TOLERANCE_M) {
        xs[kept] = xs[s];
        ys[kept] = ys[s];
        zs[kept] = Math.max(0, zs[s]);
        kept++;
      }
    }
    if (kept > 0) {
      xs = Arrays.copyOf(xs, kept);
      ys = Arrays.copyOf(ys, kept);
      zs = Arrays.copyOf(zs, kept);
    }
    for (int s = 0; s < xs.length; s++) {
      double dx = xs[s] + baseXy[0] - shoulder[0];
      double dy = ys[s] + baseXy[1] - shoulder[1];
      double dz = zs[s] + ground - shoulder[2];
      reach = Math.max(reach, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }

    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;
    double maxHorizontal = 0;
    for (int s = 0; s < xs.length; s++) {
      minX = Math.min(minX, xs[s]);
      minY = Math.min(minY, ys[s]);
      minZ = Math.min(minZ, zs[s]);
      maxX = Math.max(maxX, xs[s]);
      maxY = Math.max(maxY, ys[s]);
      maxZ = Math.max(maxZ, zs[s]);
      maxHorizontal = Math.max(maxHorizontal, Math.hypot(xs[s], ys[s]));
    }
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    double cz = (minZ + maxZ) / 2;
    double radius = 0;
    for (int s = 0; s < xs.length; s++) {
      double dx = xs[s] - cx;
      double dy = ys[s] - cy;
      double dz = zs[s] - cz;
      radius = Math.max(radius, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
    ReachProfile profile = profile(xs, ys, zs, minZ, maxZ);

    double lift = 0;
    double extension = 0;
    for (Joint j : vars) {
      if (j.type() == JointType.PRISMATIC) {
        double travel = j.sampleUpper() - j.sampleLower();
        if (Math.abs(body.axisInRoot(j)[2]) > 0.9) {
          lift += travel;
        } else if (Math.abs(body.axisInRoot(j)[2]) < 0.1) {
          extension += travel;
        }
      }
    }
    Workspace ws =
        new Workspace(
            new Point3(cx, cy, cz), radius, new Point3(minX, minY, minZ),
            new Point3(maxX, maxY, maxZ));
    List<String> names = vars.stream().map(Joint::name).toList();
    boolean gripper = hasGripper(chain.tipLink());
    ArmInfo draft =
        new ArmInfo(chain.tipLink(), names, n, gripper, ws, maxZ, minZ, maxHorizontal, reach,
            lift, extension, profile, samples, "");
    return new ArmInfo(chain.tipLink(), names, n, gripper, ws, maxZ, minZ, maxHorizontal, reach,
        lift, extension, profile, samples, ResumeSummaries.arm(draft));
  }

  private static double pick(SplittableRandom rnd, double lo, double hi, double def) {
    if (rnd.nextBoolean()) {
      return lo + rnd.nextDouble() * (hi - lo);
    }
    return switch (rnd.nextInt(4)) {
      case 0 -> lo;
      case 1 -> hi;
      case 2 -> def;
      default -> (lo + hi) / 2;
    };
  }

  /** Root-frame position of the first movable joint (fixed: nothing movable lies above it). */
  private double[] firstJointPosition(Joint first) {
    DMatrix4x4 origin = new DMatrix4x4();
    DMatrix4x4 frame = new DMatrix4x4();
    Transforms.fromPose(first.origin(), origin);
    Transforms.compose(body.pose(first.parent()), origin, frame);
    return new double[] {frame.a14, frame.a24, frame.a34};
  }

  private static ReachProfile profile(
      double[] xs, double[] ys, double[] zs, double minZ, double maxZ) {
    double lowest = Math.floor(minZ / BAND_M) * BAND_M;
    int bands = Math.max(1, (int) Math.floor((maxZ - lowest) / BAND_M) + 1);
    double[] best = new double[bands];
    for (int s = 0; s < xs.length; s++) {
      int b = Math.min(bands - 1, (int) Math.floor((zs[s] - lowest) / BAND_M));
      best[b] = Math.max(best[b], Math.hypot(xs[s], ys[s]));
    }
    List<Double> values = new ArrayList<>(bands);
    for (double v : best) {
      values.add(Math.round(v * 1000) / 1000.0);
    }
    return new ReachProfile(BAND_M, Math.round(lowest * 1000) / 1000.0, values);
  }

  /** A grasping device: a gripper-named link at or below the tip, or movable fingers below it. */
  private boolean hasGripper(String tip) {
    KinematicTree tree = body.robot().tree();
    if (LinkNames.hasAny(tip, LinkNames.GRIPPER_WORDS)) {
      return true;
    }
    for (String l : tree.descendants(tip)) {
      if (LinkNames.hasAny(l, LinkNames.GRIPPER_WORDS)
          || tree.parentJoint(l).orElseThrow().type().isMovable()) {
        return true;
      }
    }
    return false;
  }
}
