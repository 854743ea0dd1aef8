package dev.flotilla.resume;

import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.ejml.data.DMatrix4x4;

/**
 * Finds legs by what they do, not by the order chains are found nor by names (issue #13): a foot
 * is a leaf touching the ground at the default pose; a leg is the chain from the base down to a
 * foot with at least two joints, passing a link at least {@value #MIN_HIP_HEIGHT_M} m up (a hip or
 * thigh), without a spinning wheel above its last joint and without grasping links. Leaves within
 * {@value #SAME_FOOT_M} m of each other are one foot (a five-bar leg has two lower links, a foot
 * a heel and a toe). Legs count only when there are at least two (symmetry). O(L · depth).
 */
final class LegFinder {

  static final double MIN_HIP_HEIGHT_M = 0.15;
  private static final double SAME_FOOT_M = 0.1;

  /**
   * The legs found.
   *
   * @param feet one leaf per foot
   * @param legLinks every link on a leg below the base
   * @param hipJoints the first joint of each leg below the base
   */
  record Legs(List<String> feet, Set<String> legLinks, Set<String> hipJoints) {
    int count() {
      return feet.size();
    }
  }

  private LegFinder() {}

  static Legs find(BodyGeometry body, Set<String> wheelLinks) {
    KinematicTree tree = body.robot().tree();
    String base = body.baseLink();
    List<String> feet = new ArrayList<>();
    List<double[]> footXy = new ArrayList<>();
    List<List<Joint>> paths = new ArrayList<>();
    for (String leaf : tree.leaves()) {
      if (body.lowestHeightOf(leaf) > JointRoles.GROUND_TOLERANCE_M
          || !tree.isAncestor(base, leaf)) {
        continue;
      }
      List<Joint> path = tree.pathBetween(base, leaf);
      if (path.size() < 2 || !isLeg(body, path, wheelLinks)) {
        continue;
      }
      DMatrix4x4 p = body.pose(leaf);
      boolean sameFoot = false;
      for (double[] xy : footXy) {
        sameFoot |= Math.hypot(xy[0] - p.a14, xy[1] - p.a24) < SAME_FOOT_M;
      }
      paths.add(path);
      if (!sameFoot) {
        feet.add(leaf);
        footXy.add(new double[] {p.a14, p.a24});
      }
    }
    if (feet.size() < 2) {
      return new Legs(List.of(), Set.of(), Set.of());
    }
    // Hips: the first joints below the part every leg shares (a trunk under a fixed base joint).
    int common = paths.get(0).size();
    for (List<Joint> p : paths) {
      int k = 0;
      while (k < Math.min(common, p.size()) && p.get(k).equals(paths.get(0).get(k))) {
        k++;
      }
      common = k;
    }
    Set<String> legLinks = new LinkedHashSet<>();
    Set<String> hips = new LinkedHashSet<>();
    for (List<Joint> p : paths) {
      if (common < p.size()) {
        hips.add(p.get(common).name());
        p.subList(common, p.size()).forEach(j -> legLinks.add(j.child()));
      }
    }
    return new Legs(List.copyOf(feet), legLinks, hips);
  }

  private static boolean isLeg(BodyGeometry body, List<Joint> path, Set<String> wheelLinks) {
    boolean high = false;
    int movableAbove = 0;
    for (int i = 0; i < path.size(); i++) {
      Joint j = path.get(i);
      if (LinkNames.hasAny(j.child(), LinkNames.GRIPPER_WORDS)) {
        return false;
      }
      if (wheelLinks.contains(j.child())) {
        // A wheel may end a leg of at least two moving joints (wheel-legged robots), never sit
        // higher up in it: then the chain is a drive train.
        boolean lastMovable =
            path.subList(i + 1, path.size()).stream().noneMatch(k -> k.type().isMovable());
        if (!lastMovable || movableAbove < 2) {
          return false;
        }
      }
      if (j.type().isMovable()) {
        movableAbove++;
      }
      high |= body.heightOf(j.child()) >= MIN_HIP_HEIGHT_M;
    }
    return high;
  }
}
