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
        check(robot, new Chain(robot.tree().root(), leaf, robot.tree().pathFromRoot(leaf)), file);
      }
    }
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
}
