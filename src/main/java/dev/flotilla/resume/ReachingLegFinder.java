package dev.flotilla.resume;

import dev.flotilla.urdf.Chain;
import dev.flotilla.urdf.ChainKinematics;
import dev.flotilla.urdf.Geometry;
import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.Link;
import dev.flotilla.urdf.LinkNames;
import dev.flotilla.urdf.Pose;
import dev.flotilla.urdf.Shape;
import dev.flotilla.urdf.Transforms;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.ejml.data.DMatrix4x4;

/**
 * Legs of a robot whose default pose has its feet in the air (issue #13: some simulator models
 * fold their legs up at zero). A leg candidate is a chain from the base to a leaf with at least
 * two moving joints with horizontal axes, sharing no moving joint with a chain to a named end
 * effector and carrying no end-effector or gripper vocabulary itself, whose tip
 * can reach the ground plane (sampled: a grid of lower/middle/upper per joint, or 256 seeded
 * configurations), whose first joint is no higher than {@value #HIP_SLACK_M} m above the base
 * link's centre of mass (legs hang from the bottom of a body, arms from shoulders above it), and
 * which has a mirror image across the body's sagittal plane. Candidates
 * sharing a hip or a foot position are one leg. Used only when nothing else moves the robot;
 * the evidence says the legs were found by reach, with medium confidence. O(C · S · depth).
 */
final class ReachingLegFinder {

  private static final double MIRROR_M = 0.05;
  private static final double HIP_SLACK_M = 0.05;
  private static final double SAME_FOOT_M = 0.1;
  private static final int GRID_LIMIT = 729;
  private static final int SAMPLES = 256;

  private ReachingLegFinder() {}

  static LegFinder.Legs find(BodyGeometry body, Set<String> toolJoints, long seed,
      ResumeBudget budget) {
    KinematicTree tree = body.robot().tree();
    String base = body.baseLink();
    double[] baseXy = body.baseXy();
    List<String> tips = new ArrayList<>();
    List<List<Joint>> paths = new ArrayList<>();
    for (String leaf : tree.leaves()) {
      budget.check("looking for folded legs");
      if (!tree.isAncestor(base, leaf)) {
        continue;
      }
      List<Joint> path = tree.pathBetween(base, leaf);
      long horizontal = path.stream()
          .filter(j -> j.type().isMovable() && Math.abs(body.axisInRoot(j)[2]) < 0.3).count();
      boolean tool = path.stream().anyMatch(j -> toolJoints.contains(j.name())
          || LinkNames.hasAny(j.child(), LinkNames.END_EFFECTOR_WORDS));
      // Legs hang from the bottom of the body; arms from shoulders above its centre of mass.
      boolean low = body.heightOf(path.get(0).child()) <= baseCentreHeight(body) + HIP_SLACK_M;
      if (horizontal >= 2 && !tool && low
          && reachesGround(body, tree.pathFromRoot(leaf), leaf, seed)) {
        tips.add(leaf);
        paths.add(path);
      }
    }
    List<String> feet = new ArrayList<>();
    List<double[]> footXy = new ArrayList<>();
    Set<String> legLinks = new LinkedHashSet<>();
    Set<String> hips = new LinkedHashSet<>();
    for (int i = 0; i < tips.size(); i++) {
      DMatrix4x4 p = body.pose(tips.get(i));
      double y = p.a24 - baseXy[1];
      boolean mirrored = false;
      for (String other : tips) {
        DMatrix4x4 q = body.pose(other);
        mirrored |= Math.abs(q.a14 - p.a14) < MIRROR_M
            && Math.abs((q.a24 - baseXy[1]) + y) < MIRROR_M && Math.abs(y) > MIRROR_M;
      }
      if (!mirrored) {
        continue;
      }
      boolean sameFoot = false;
      for (double[] xy : footXy) {
        sameFoot |= Math.hypot(xy[0] - p.a14, xy[1] - p.a24) < SAME_FOOT_M;
      }
      if (!sameFoot) {
        feet.add(tips.get(i));
        footXy.add(new double[] {p.a14, p.a24});
      }
      hips.add(paths.get(i).get(0).name());
      paths.get(i).forEach(j -> legLinks.add(j.child()));
    }
    if (feet.size() < 2) {
      return LegFinder.NONE;
    }
    return new LegFinder.Legs(List.copyOf(feet), legLinks, hips, false);
  }

  /** Height above ground of the base link's centre of mass (its origin when massless). */
  private static double baseCentreHeight(BodyGeometry body) {
    Link base = body.robot().links().get(body.baseLink());
    DMatrix4x4 p = body.pose(body.baseLink());
    Pose c = base.centreOfMass();
    double z = p.a31 * c.x() + p.a32 * c.y() + p.a33 * c.z() + p.a34;
    return z - body.groundZ();
  }

  /** True when some sampled configuration puts the tip link's geometry on the ground. */
  private static boolean reachesGround(BodyGeometry body, List<Joint> path, String leaf,
      long seed) {
    Chain chain = new Chain(body.robot().tree().root(), leaf, path);
    ChainKinematics fk = new ChainKinematics(body.robot(), chain);
    List<Joint> vars = fk.variables();
    int n = vars.size();
    DMatrix4x4 tip = new DMatrix4x4();
    DMatrix4x4 local = new DMatrix4x4();
    DMatrix4x4 world = new DMatrix4x4();
    List<Shape> shapes = body.robot().links().get(leaf).shapes();
    SplittableRandom rnd = new SplittableRandom(seed);
    boolean grid = Math.pow(3, n) <= GRID_LIMIT;
    int total = grid ? (int) Math.pow(3, n) : SAMPLES;
    double[] q = new double[n];
    for (int s = 0; s < total; s++) {
      int code = s;
      for (int i = 0; i < n; i++) {
        double lo = vars.get(i).sampleLower();
        double hi = vars.get(i).sampleUpper();
        double t = grid ? (code % 3) / 2.0 : rnd.nextDouble();
        code /= 3;
        q[i] = lo + t * (hi - lo);
      }
      fk.tipPose(q, tip);
      double low = tip.a34;
      for (Shape sh : shapes) {
        Transforms.fromPose(sh.origin(), local);
        Transforms.compose(tip, local, world);
        low = Math.min(low, world.a34 - extent(sh));
      }
      if (low - body.groundZ() <= JointRoles.GROUND_TOLERANCE_M) {
        return true;
      }
    }
    return false;
  }

  /** Largest half-dimension of a primitive (0 for meshes: their origin stands in). */
  private static double extent(Shape s) {
    if (s.geometry() instanceof Geometry.Box b) {
      return Math.max(b.sizeX(), Math.max(b.sizeY(), b.sizeZ())) / 2;
    } else if (s.geometry() instanceof Geometry.Cylinder c) {
      return Math.max(c.radius(), c.length() / 2);
    } else if (s.geometry() instanceof Geometry.Sphere sp) {
      return sp.radius();
    }
    return 0;
  }
}
