package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.ejml.data.DMatrix4x4;
import org.junit.jupiter.api.Test;

/**
 * Issue #16: {@link ChainKinematics} answers a one-coordinate change from cached products; every
 * answer must equal a from-scratch evaluation, whatever the sequence of calls (single changes,
 * reverts, several changes, mimic joints driven by one coordinate).
 */
class ChainKinematicsIncrementalTest {

  @Test
  void incrementalAnswersMatchFreshEvaluations() {
    for (String file : new String[] {"panda.urdf", "ur5.urdf", "pr2.urdf", "fetch.urdf"}) {
      UrdfRobot robot = UrdfParser.parse(SharedUrdfs.file(file));
      for (String leaf : robot.tree().leaves()) {
        Chain chain = new Chain(robot.tree().root(), leaf, robot.tree().pathFromRoot(leaf));
        check(robot, chain, file);
        checkSweeps(robot, chain, file);
      }
    }
  }

  /**
   * A mimic joint after another variable's joint: its master's kept move changes the products
   * below that joint, so the rest of the sweep must not reuse them.
   */
  @Test
  void sweepsOverAMimicInTheMiddleMatchFreshEvaluations() {
    String xml = """
        <robot name="m">
          <link name="l0"/><link name="l1"/><link name="l2"/><link name="l3"/><link name="l4"/>
          <joint name="a" type="revolute"><parent link="l0"/><child link="l1"/>
            <origin xyz="0 0 0.3"/><axis xyz="0 1 0"/>
            <limit lower="-2" upper="2" effort="1" velocity="1"/></joint>
          <joint name="c" type="revolute"><parent link="l1"/><child link="l2"/>
            <origin xyz="0.2 0 0"/><axis xyz="0 1 0"/>
            <limit lower="-2" upper="2" effort="1" velocity="1"/></joint>
          <joint name="b" type="revolute"><parent link="l2"/><child link="l3"/>
            <origin xyz="0.2 0 0"/><axis xyz="0 0 1"/><mimic joint="a" multiplier="2"/>
            <limit lower="-4" upper="4" effort="1" velocity="1"/></joint>
          <joint name="d" type="prismatic"><parent link="l3"/><child link="l4"/>
            <origin xyz="0.1 0 0"/><axis xyz="1 0 0"/>
            <limit lower="0" upper="0.5" effort="1" velocity="1"/></joint>
        </robot>
        """;
    UrdfRobot robot = UrdfParser.parse(xml, "mimic.urdf");
    checkSweeps(robot, new Chain("l0", "l4", robot.tree().pathFromRoot("l4")), "mimic.urdf");
  }

  private static void check(UrdfRobot robot, Chain chain, String file) {
    ChainKinematics cached = new ChainKinematics(robot, chain);
    int n = cached.variables().size();
    Random random = new Random(16);
    double[] q = new double[n];
    DMatrix4x4 got = new DMatrix4x4();
    DMatrix4x4 want = new DMatrix4x4();
    for (int step = 0; step < 300; step++) {
      if (n > 0) {
        int kind = random.nextInt(4);
        if (kind == 0) {
          for (int i = 0; i < n; i++) {
            q[i] = random.nextDouble() * 4 - 2;
          }
        } else if (kind < 3) {
          q[random.nextInt(n)] = random.nextDouble() * 4 - 2;
        }
      }
      cached.tipPose(q, got);
      new ChainKinematics(robot, chain).tipPose(q, want);
      String where = file + " " + chain.tipLink() + " step " + step;
      assertEquals(want.a14, got.a14, 1e-9, where);
      assertEquals(want.a24, got.a24, 1e-9, where);
      assertEquals(want.a34, got.a34, 1e-9, where);
      assertEquals(want.a11, got.a11, 1e-9, where);
      assertEquals(want.a23, got.a23, 1e-9, where);
    }
  }

  /**
   * The arm refinement's pattern (issue #13) on the same cached products: a sweep visits the
   * coordinates in order and keeps some trial values; every trial, and a full evaluation after
   * the sweep (the products are then stale), must equal a from-scratch evaluation.
   */
  private static void checkSweeps(UrdfRobot robot, Chain chain, String file) {
    ChainKinematics cached = new ChainKinematics(robot, chain);
    int n = cached.variables().size();
    Random random = new Random(13);
    double[] q = new double[n];
    double[] got = new double[3];
    DMatrix4x4 want = new DMatrix4x4();
    DMatrix4x4 pose = new DMatrix4x4();
    for (int sweep = 0; sweep < 20; sweep++) {
      double[] start = q.clone();
      cached.beginSweep(q);
      for (int v = 0; v < n; v++) {
        for (int trial = 0; trial < 2; trial++) {
          double value = random.nextDouble() * 4 - 2;
          cached.tipPositionVarying(q, v, value, got);
          double old = q[v];
          q[v] = value;
          new ChainKinematics(robot, chain).tipPose(q, want);
          // Some sweeps keep exactly one move (then a full evaluation differs from the cached
          // products in one coordinate only), the others keep about half of them.
          boolean keep = sweep % 3 == 0 ? v == 0 && trial == 0 : random.nextBoolean();
          q[v] = keep ? value : old;
          String where = file + " " + chain.tipLink() + " sweep " + sweep + " v " + v;
          assertEquals(want.a14, got[0], 1e-9, where);
          assertEquals(want.a24, got[1], 1e-9, where);
          assertEquals(want.a34, got[2], 1e-9, where);
        }
      }
      cached.tipPose(q, pose);
      new ChainKinematics(robot, chain).tipPose(q, want);
      assertEquals(want.a14, pose.a14, 1e-9, file + " after sweep " + sweep);
      assertEquals(want.a34, pose.a34, 1e-9, file + " after sweep " + sweep);
      if (n > 0) {
        // One coordinate away from the sweep's start, not from where the sweep ended.
        start[n - 1] += 0.5;
        cached.tipPose(start, pose);
        new ChainKinematics(robot, chain).tipPose(start, want);
        assertEquals(want.a14, pose.a14, 1e-9, file + " probe after sweep " + sweep);
        assertEquals(want.a34, pose.a34, 1e-9, file + " probe after sweep " + sweep);
      }
    }
  }
}
