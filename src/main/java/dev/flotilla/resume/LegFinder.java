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
 * thigh) — or, lying down at the default pose, with two moving joints and at least that length —
 * without a spinning wheel above its last joint and without grasping links. Leaves within
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
  record Legs(List<String> feet, Set<String> legLinks, Set<String> hipJoints,
      boolean atDefaultPose) {
    int count() {
      return feet.size();
    }
  }

  static final Legs NONE = new Legs(List.of(), Set.of(), Set.of(), true);

  private LegFinder() {}

  static Legs find(BodyGeometry body, Set<String> wheelLinks) {
    KinematicTree tree = body.robot().tree();
    String base = body.baseLink();
    List<String> leaves = new ArrayList<>();
    List<List<Joint>> paths = new ArrayList<>();
    for (String leaf : tree.leaves()) {
      if (body.lowestHeightOf(leaf) > JointRoles.GROUND_TOLERANCE_M
          || !tree.isAncestor(base, leaf)) {
        continue;
      }
      List<Joint> path = tree.pathBetween(base, leaf);
      if (path.size() >= 2 && isLeg(body, path, wheelLinks)) {
        leaves.add(leaf);
        paths.add(path);
      }
    }
    if (leaves.size() < 2) {
      return NONE;
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
    // One leg per group of ground leaves sharing a hip or a foot position (heel and toe of one
    // foot; the two lower links of a five-bar leg).
    int n = leaves.size();
    int[] group = new int[n];
    for (int i = 0; i < n; i++) {
      group[i] = i;
    }
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < i; k++) {
        boolean sameHip = common < paths.get(i).size() && common < paths.get(k).size()
            && paths.get(i).get(common).equals(paths.get(k).get(common));
        DMatrix4x4 p = body.pose(leaves.get(i));
        DMatrix4x4 q = body.pose(leaves.get(k));
        if (sameHip || Math.hypot(p.a14 - q.a14, p.a24 - q.a24) < SAME_FOOT_M) {
          union(group, i, k);
        }
      }
    }
    List<String> feet = new ArrayList<>();
    Set<Integer> seen = new LinkedHashSet<>();
    Set<String> legLinks = new LinkedHashSet<>();
    Set<String> hips = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      if (seen.add(find(group, i))) {
        feet.add(leaves.get(i));
      }
      List<Joint> p = paths.get(i);
      if (common < p.size()) {
        hips.add(p.get(common).name());
        p.subList(common, p.size()).forEach(j -> legLinks.add(j.child()));
      }
    }
    if (feet.size() < 2) {
      return NONE;
    }
    return new Legs(List.copyOf(feet), legLinks, hips, true);
  }

  private static int find(int[] group, int i) {
    while (group[i] != i) {
      i = group[i];
    }
    return i;
  }

  private static void union(int[] group, int a, int b) {
    group[find(group, a)] = find(group, b);
  }

  /** Sum of the distances between consecutive link origins along the path, metres. */
  private static double length(BodyGeometry body, List<Joint> path) {
    double sum = 0;
    DMatrix4x4 prev = body.pose(path.get(0).parent());
    for (Joint j : path) {
      DMatrix4x4 p = body.pose(j.child());
      sum += Math.sqrt(Math.pow(p.a14 - prev.a14, 2) + Math.pow(p.a24 - prev.a24, 2)
          + Math.pow(p.a34 - prev.a34, 2));
      prev = p;
    }
    return sum;
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
    // Standing at the default pose, or lying down (legs stretched out at zero) with at least two
    // moving joints and a chain long enough to stand up.
    return high || (movableAbove >= 2 && length(body, path) >= MIN_HIP_HEIGHT_M);
  }
}
