package dev.flotilla.urdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrix4x4;

/**
 * Allocation-free forward kinematics of one {@link Chain}, for sampling thousands of
 * configurations: the fixed origins are precomputed as EJML 4×4 matrices and each call multiplies
 * two rigid transforms (3×4 products) per joint. O(n) per call for an n-joint chain.
 */
public final class ChainKinematics {

  private final Chain chain;
  private final List<Joint> variables;
  private final DMatrix4x4 base;
  private final DMatrix4x4[] origins;
  private final Joint[] joints;
  /** For each chain joint: index of its coordinate in {@code q}, or -1 when it has none. */
  private final int[] variableIndex;
  private final double[] mimicMultiplier;
  private final double[] mimicOffset;
  /** Position used for mimic joints whose master is outside the chain, and for fixed joints. */
  private final double[] constant;
  private final DMatrix4x4 motion = new DMatrix4x4();
  private final DMatrix4x4 a = new DMatrix4x4();
  private final DMatrix4x4 b = new DMatrix4x4();

  /**
   * Prepares a chain.
   *
   * @param robot the robot the chain belongs to
   * @param chain the chain; its base pose is taken from the default configuration
   */
  public ChainKinematics(UrdfRobot robot, Chain chain) {
    this.chain = chain;
    this.variables = chain.independentJoints();
    this.base =
        chain.baseLink().equals(robot.tree().root())
            ? Transforms.identity()
            : new ForwardKinematics(robot).linkPoses().get(chain.baseLink());
    int n = chain.joints().size();
    this.origins = new DMatrix4x4[n];
    this.joints = chain.joints().toArray(new Joint[0]);
    this.variableIndex = new int[n];
    this.mimicMultiplier = new double[n];
    this.mimicOffset = new double[n];
    this.constant = new double[n];
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      index.put(variables.get(i).name(), i);
    }
    for (int i = 0; i < n; i++) {
      Joint j = joints[i];
      origins[i] = new DMatrix4x4();
      Transforms.fromPose(j.origin(), origins[i]);
      variableIndex[i] = -1;
      mimicMultiplier[i] = 1;
      if (!j.type().isMovable()) {
        continue;
      }
      if (j.mimic() == null) {
        variableIndex[i] = index.get(j.name());
      } else {
        Integer master = index.get(j.mimic().joint());
        mimicMultiplier[i] = j.mimic().multiplier();
        mimicOffset[i] = j.mimic().offset();
        if (master != null) {
          variableIndex[i] = master;
        } else {
          Joint m = robot.joints().get(j.mimic().joint());
          constant[i] = mimicMultiplier[i] * (m == null ? 0 : m.defaultPosition()) + mimicOffset[i];
        }
      }
    }
  }

  /** The chain. */
  public Chain chain() {
    return chain;
  }

  /** The independent joints, in the order of the {@code q} vectors. */
  public List<Joint> variables() {
    return variables;
  }

  /**
   * Computes the tip pose in the robot's root frame.
   *
   * @param q positions of {@link #variables()} (radians or metres)
   * @param out receives the transform from the tip frame to the root frame
   */
  public void tipPose(double[] q, DMatrix4x4 out) {
    Transforms.copy(base, a);
    for (int i = 0; i < joints.length; i++) {
      Transforms.composeRigid(a, origins[i], b);
      Joint j = joints[i];
      if (j.type().isMovable()) {
        double p =
            variableIndex[i] >= 0
                ? mimicMultiplier[i] * q[variableIndex[i]] + mimicOffset[i]
                : constant[i];
        Transforms.jointMotion(j.type(), j.axis(), p, motion);
        Transforms.composeRigid(b, motion, a);
      } else {
        Transforms.copy(b, a);
      }
    }
    Transforms.copy(a, out);
  }

  /**
   * Computes the tip position in the robot's root frame.
   *
   * @param q positions of {@link #variables()} (radians or metres)
   * @param out receives x, y, z in metres
   */
  public void tipPosition(double[] q, double[] out) {
    tipPose(q, b);
    out[0] = b.a14;
    out[1] = b.a24;
    out[2] = b.a34;
  }
}
