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
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.ejml.data.DMatrix4x4;

/**
 * Describes an arm by seeded, bounded forward-kinematics sampling over its joint limits (section
 * 3.3 of seed 002: "the arm workspace is the bounding volume of all sampled end-effector
 * positions"). Half of each configuration's coordinates are uniform in the limits, the other half
 * are picked from {lower, upper, default, middle} so that stretched-out poses — which decide the
 * reach — are hit; the default, all-lower and all-upper configurations are always included.
 * Samples below the ground plane are dropped (the floor or mounting surface stops the arm). The
 * farthest-out sample of each 5 cm height band, the highest one and the one farthest from the
 * first joint are then refined by bounded local search (at most 48·n + 150 evaluations each).
 * O((S + (48·n + 150)·B) · n) for S samples and B height bands of an n-joint chain.
 */
final class ArmAnalyzer {

  static final double BAND_M = 0.05;
  static final int MAX_REFINED_BANDS = 64;
  private static final double FLOOR_TOLERANCE_M = 0.01;
  private static final double HEIGHT_PENALTY = 2.0;

  private final BodyGeometry body;
  private final ResumeParams params;
  private final ResumeBudget budget;

  ArmAnalyzer(BodyGeometry body, ResumeParams params, ResumeBudget budget) {
    this.body = body;
    this.params = params;
    this.budget = budget;
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
    int samples = params.workspaceSamples();
    SplittableRandom rnd = new SplittableRandom(params.seed() * 31 + armIndex);
    Sampler sampler = new Sampler(fk, vars, body, rnd.split());

    // 1. Seeded samples; configurations are kept so the best ones can be refined.
    double[][] qs = new double[samples][];
    double[][] ps = new double[samples][];
    for (int s = 0; s < samples; s++) {
      if ((s & 63) == 0) {
        budget.check("sampling the arm to " + chain.tipLink());
      }
      double[] q = new double[n];
      for (int i = 0; i < n; i++) {
        q[i] =
            switch (s) {
              case 0 -> sampler.def[i];
              case 1 -> sampler.lo[i];
              case 2 -> sampler.hi[i];
              default -> pick(rnd, sampler.lo[i], sampler.hi[i], sampler.def[i]);
            };
      }
      qs[s] = q;
      ps[s] = sampler.position(q, new double[3]);
    }
    // 2. The floor (or the surface an arm is mounted on) stops the end effector: samples below
    // it are not part of the workspace, unless the arm never gets above it at all.
    List<Integer> kept = new ArrayList<>();
    for (int s = 0; s < samples; s++) {
      if (ps[s][2] >= -FLOOR_TOLERANCE_M) {
        kept.add(s);
      }
    }
    boolean floorStops = !kept.isEmpty();
    if (!floorStops) {
      for (int s = 0; s < samples; s++) {
        kept.add(s);
      }
    }
    double minZ = Double.POSITIVE_INFINITY;
    for (int s : kept) {
      minZ = Math.min(minZ, ps[s][2]);
    }
    double lowest = floorStops ? 0 : Math.floor(minZ / BAND_M) * BAND_M;

    // 3. Refine, by coordinate ascent, the farthest-out sample of every height band, the highest
    // sample and the one farthest from the shoulder: sampling alone misses stretched poses.
    List<double[]> points = new ArrayList<>();
    for (int s : kept) {
      points.add(ps[s]);
    }
    Map<Integer, Integer> bandBest = new TreeMap<>();
    int highest = kept.get(0);
    int farthest = kept.get(0);
    for (int s : kept) {
      int b = (int) Math.floor((ps[s][2] - lowest) / BAND_M);
      Integer cur = bandBest.get(b);
      if (cur == null || horizontal(ps[s]) > horizontal(ps[cur])) {
        bandBest.put(b, s);
      }
      if (ps[s][2] > ps[highest][2]) {
        highest = s;
      }
      if (sampler.fromShoulder(ps[s]) > sampler.fromShoulder(ps[farthest])) {
        farthest = s;
      }
    }
    double floorZ = floorStops ? -FLOOR_TOLERANCE_M : Double.NEGATIVE_INFINITY;
    double[] previous = null;
    // A chain many metres long spans hundreds of bands: refine at most MAX_REFINED_BANDS of
    // them, evenly spread (real arms span fewer than 60); the others keep their best sample.
    int stride = Math.max(1, (bandBest.size() + MAX_REFINED_BANDS - 1) / MAX_REFINED_BANDS);
    int bandNo = 0;
    for (Map.Entry<Integer, Integer> e : bandBest.entrySet()) {
      if (bandNo++ % stride != 0) {
        points.add(ps[e.getValue()]);
        continue;
      }
      budget.check("refining the reach of the arm to " + chain.tipLink());
      // Height errors cost twice what horizontal gains bring, so the climb follows the band;
      // wherever it ends, the point is binned by its own height. Each band starts from its own
      // best sample or from the band below's result, whichever scores higher here.
      double centre = lowest + (e.getKey() + 0.5) * BAND_M;
      ToDoubleFunction<double[]> objective =
          p -> horizontal(p) - HEIGHT_PENALTY * Math.abs(p[2] - centre);
      double[] start = qs[e.getValue()];
      if (previous != null
          && objective.applyAsDouble(sampler.position(previous, new double[3]))
              > objective.applyAsDouble(ps[e.getValue()])) {
        start = previous;
      }
      double[] q = sampler.climb(start, objective, p -> p[2] >= floorZ);
      points.add(sampler.position(q, new double[3]));
      previous = q;
    }
    points.add(sampler.position(sampler.climb(qs[highest], p -> p[2], p -> true), new double[3]));
    points.add(
        sampler.position(
            sampler.climb(qs[farthest], sampler::fromShoulder, p -> p[2] >= floorZ),
            new double[3]));
    if (floorStops) {
      for (double[] p : points) {
        p[2] = Math.max(0, p[2]);
      }
    }
    return summarise(chain, vars, points, lowest, samples, sampler);
  }

  private ArmInfo summarise(
      Chain chain, List<Joint> vars, List<double[]> points, double lowest, int samples,
      Sampler shoulder) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double minZ = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    double maxZ = Double.NEGATIVE_INFINITY;
    double maxHorizontal = 0;
    double reach = 0;
    for (double[] p : points) {
      minX = Math.min(minX, p[0]);
      minY = Math.min(minY, p[1]);
      minZ = Math.min(minZ, p[2]);
      maxX = Math.max(maxX, p[0]);
      maxY = Math.max(maxY, p[1]);
      maxZ = Math.max(maxZ, p[2]);
      maxHorizontal = Math.max(maxHorizontal, horizontal(p));
      reach = Math.max(reach, shoulder.fromShoulder(p));
    }
    double cx = (minX + maxX) / 2;
    double cy = (minY + maxY) / 2;
    double cz = (minZ + maxZ) / 2;
    double radius = 0;
    for (double[] p : points) {
      double dx = p[0] - cx;
      double dy = p[1] - cy;
      double dz = p[2] - cz;
      radius = Math.max(radius, Math.sqrt(dx * dx + dy * dy + dz * dz));
    }
    ReachProfile profile = profile(points, lowest, maxZ);

    double lift = 0;
    double extension = 0;
    for (Joint j : vars) {
      if (j.type() == JointType.PRISMATIC) {
        double travel = j.sampleUpper() - j.sampleLower();
        double up = Math.abs(body.axisInRoot(j)[2]);
        if (up > 0.9) {
          lift += travel;
        } else if (up < 0.1) {
          extension += travel;
        }
      }
    }
    Workspace ws =
        new Workspace(
            Rounding.r(new Point3(cx, cy, cz)), Rounding.r(radius),
            Rounding.r(new Point3(minX, minY, minZ)), Rounding.r(new Point3(maxX, maxY, maxZ)));
    maxZ = Rounding.r(maxZ);
    minZ = Rounding.r(minZ);
    maxHorizontal = Rounding.r(maxHorizontal);
    reach = Rounding.r(reach);
    lift = Rounding.r(lift);
    extension = Rounding.r(extension);
    List<String> names = vars.stream().map(Joint::name).toList();
    int n = vars.size();
    boolean gripper = hasGripper(chain.tipLink());
    ArmInfo draft =
        new ArmInfo(chain.tipLink(), names, n, gripper, ws, maxZ, minZ, maxHorizontal, reach,
            lift, extension, profile, samples, "");
    return new ArmInfo(chain.tipLink(), names, n, gripper, ws, maxZ, minZ, maxHorizontal, reach,
        lift, extension, profile, samples, ResumeSummaries.arm(draft));
  }

  private static double horizontal(double[] p) {
    return Math.hypot(p[0], p[1]);
  }

  /** Forward kinematics in the base frame plus bounded coordinate ascent. */
  private static final class Sampler {
    private static final double[] STEPS = {0.25, 0.1, 0.03, 0.01};
    private static final int ROUNDS = 6;
    private static final int RANDOM_MOVES = 150;

    final double[] lo;
    final double[] hi;
    final double[] def;
    private final ChainKinematics fk;
    private final SplittableRandom rnd;
    private final double[] baseXy;
    private final double ground;
    private final double[] shoulder;

    Sampler(ChainKinematics fk, List<Joint> vars, BodyGeometry body, SplittableRandom rnd) {
      this.fk = fk;
      this.rnd = rnd;
      int n = vars.size();
      lo = new double[n];
      hi = new double[n];
      def = new double[n];
      for (int i = 0; i < n; i++) {
        lo[i] = vars.get(i).sampleLower();
        hi[i] = vars.get(i).sampleUpper();
        def[i] = vars.get(i).defaultPosition();
      }
      baseXy = body.baseXy();
      ground = body.groundZ();
      // The first movable joint's origin is fixed: nothing movable lies above it.
      Joint first = vars.get(0);
      DMatrix4x4 origin = new DMatrix4x4();
      DMatrix4x4 frame = new DMatrix4x4();
      Transforms.fromPose(first.origin(), origin);
      Transforms.compose(body.pose(first.parent()), origin, frame);
      shoulder =
          new double[] {frame.a14 - baseXy[0], frame.a24 - baseXy[1], frame.a34 - ground};
    }

    /** End-effector position in the base frame (origin on the ground below the base). */
    double[] position(double[] q, double[] out) {
      fk.tipPosition(q, out);
      return toBase(out);
    }

    private double[] toBase(double[] out) {
      out[0] -= baseXy[0];
      out[1] -= baseXy[1];
      out[2] -= ground;
      return out;
    }

    double fromShoulder(double[] p) {
      double dx = p[0] - shoulder[0];
      double dy = p[1] - shoulder[1];
      double dz = p[2] - shoulder[2];
      return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    /**
     * Coordinate ascent from {@code q0}: each joint is nudged by ±25, ±10, ±3 then ±1 % of its
     * range, keeping moves that raise the objective and satisfy the constraint. At most 48·n
     * evaluations (usually far fewer: a step size ends at the first round without progress),
     * then {@value #RANDOM_MOVES} seeded moves of all joints at once with shrinking size.
     */
    double[] climb(double[] q0, ToDoubleFunction<double[]> objective, Predicate<double[]> ok) {
      // Returns the improved configuration; position(q) gives its end-effector position.
      double[] q = q0.clone();
      double[] p = position(q, new double[3]);
      double best = objective.applyAsDouble(p);
      double[] trial = new double[3];
      for (double step : STEPS) {
        for (int round = 0; round < ROUNDS; round++) {
          boolean improved = false;
          // One sweep costs O(n), not O(n²): only the nudged joint's transform is recomputed.
          fk.beginSweep(q);
          for (int i = 0; i < q.length; i++) {
            for (int sign = -1; sign <= 1; sign += 2) {
              double value = Math.max(lo[i], Math.min(hi[i], q[i] + sign * step * (hi[i] - lo[i])));
              fk.tipPositionVarying(q, i, value, trial);
              toBase(trial);
              double v = objective.applyAsDouble(trial);
              if (v > best && ok.test(trial)) {
                best = v;
                System.arraycopy(trial, 0, p, 0, 3);
                q[i] = value;
                improved = true;
              }
            }
          }
          if (!improved) {
            break;
          }
        }
      }
      // Joint-wise moves stall where a gain needs several joints at once (keeping the height
      // while stretching out): finish with seeded random moves of all joints, shrinking.
      double[] candidate = new double[q.length];
      for (int it = 0; it < RANDOM_MOVES; it++) {
        double scale = 0.08 * Math.pow(0.05, it / (double) RANDOM_MOVES);
        for (int i = 0; i < q.length; i++) {
          double delta = (rnd.nextDouble() * 2 - 1) * scale * (hi[i] - lo[i]);
          candidate[i] = Math.max(lo[i], Math.min(hi[i], q[i] + delta));
        }
        position(candidate, trial);
        double v = objective.applyAsDouble(trial);
        if (v > best && ok.test(trial)) {
          best = v;
          System.arraycopy(trial, 0, p, 0, 3);
          System.arraycopy(candidate, 0, q, 0, q.length);
        }
      }
      return q;
    }
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

  private static ReachProfile profile(List<double[]> points, double lowest, double maxZ) {
    int bands = Math.max(1, (int) Math.floor((maxZ - lowest) / BAND_M) + 1);
    double[] best = new double[bands];
    for (double[] p : points) {
      int b = Math.max(0, Math.min(bands - 1, (int) Math.floor((p[2] - lowest) / BAND_M)));
      best[b] = Math.max(best[b], horizontal(p));
    }
    List<Double> values = new ArrayList<>(bands);
    for (double v : best) {
      // Rounded down to the millimetre so the profile never claims more than was reached.
      values.add(Math.floor(v * 1000) / 1000.0);
    }
    return new ReachProfile(BAND_M, lowest, values);
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
