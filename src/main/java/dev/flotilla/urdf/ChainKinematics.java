package dev.flotilla.urdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF4;

/**
 * Allocation-free forward kinematics of one {@link Chain}, for sampling thousands of
 * configurations: the fixed origins are precomputed as EJML 4×4 matrices and each call multiplies
 * two rigid transforms (3×4 products) per joint. O(n) per call for an n-joint chain; a
 * coordinate sweep ({@link #beginSweep}, {@link #tipPositionVarying}) costs O(1) per trial.
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
  /** For each variable: the one chain joint it drives, or -1 when it drives several (mimic). */
  private final int[] chainIndexOf;
  /** Sweep state: pose before each chain joint's origin, product after each chain joint. */
  private DMatrix4x4[] before;
  private DMatrix4x4[] after;
  private int sweepValid;

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
    this.chainIndexOf = new int[variables.size()];
    java.util.Arrays.fill(chainIndexOf, -2);
    for (int i = 0; i < n; i++) {
      int v = variableIndex[i];
      if (v >= 0) {
        chainIndexOf[v] = chainIndexOf[v] == -2 ? i : -1;
      }
    }
  }

  /**
   * Starts a coordinate sweep at configuration {@code q}: afterwards
   * {@link #tipPositionVarying} evaluates a change of one coordinate in O(1) instead of O(n),
   * which keeps coordinate ascent over an n-joint chain O(n) per sweep instead of O(n²). O(n).
   *
   * @param q positions of {@link #variables()}
   */
  public void beginSweep(double[] q) {
    int n = joints.length;
    if (before == null) {
      before = new DMatrix4x4[n + 1];
      after = new DMatrix4x4[n + 1];
      for (int i = 0; i <= n; i++) {
        before[i] = new DMatrix4x4();
        after[i] = new DMatrix4x4();
      }
    }
    Transforms.copy(base, before[0]);
    CommonOps_DDF4.setIdentity(after[n]);
    DMatrix4x4 local = new DMatrix4x4();
    for (int i = n - 1; i >= 0; i--) {
      localTransform(i, q, local);
      Transforms.composeRigid(local, after[i + 1], after[i]);
    }
    sweepValid = 0;
  }

  /**
   * Tip position when variable {@code v} takes {@code value} and the others keep the values of
   * {@code q}; only coordinates at or after {@code v} may have changed since
   * {@link #beginSweep}, and sweeps must visit variables in increasing order.
   *
   * @param q current positions of {@link #variables()}
   * @param v index of the varying variable
   * @param value its trial value
   * @param out receives x, y, z in metres
   */
  public void tipPositionVarying(double[] q, int v, double value, double[] out) {
    int i = chainIndexOf[v];
    if (i < 0 || before == null) {
      double old = q[v];
      q[v] = value;
      tipPosition(q, out);
      q[v] = old;
      return;
    }
    DMatrix4x4 local = new DMatrix4x4();
    while (sweepValid < i) {
      localTransform(sweepValid, q, local);
      Transforms.composeRigid(before[sweepValid], local, before[sweepValid + 1]);
      sweepValid++;
    }
    Transforms.composeRigid(before[i], origins[i], b);
    Transforms.jointMotion(joints[i].type(), joints[i].axis(),
        mimicMultiplier[i] * value + mimicOffset[i], motion);
    Transforms.composeRigid(b, motion, a);
    Transforms.composeRigid(a, after[i + 1], b);
    out[0] = b.a14;
    out[1] = b.a24;
    out[2] = b.a34;
  }

  /** True when every variable drives exactly one chain joint (sweeps are O(1) per trial). */
  public boolean sweepable() {
    for (int c : chainIndexOf) {
      if (c < 0) {
        return false;
      }
    }
    return true;
  }

  private void localTransform(int i, double[] q, DMatrix4x4 out) {
    Joint j = joints[i];
    if (!j.type().isMovable()) {
      Transforms.copy(origins[i], out);
      return;
    }
    double p = variableIndex[i] >= 0
        ? mimicMultiplier[i] * q[variableIndex[i]] + mimicOffset[i] : constant[i];
    DMatrix4x4 m = new DMatrix4x4();
    Transforms.jointMotion(j.type(), j.axis(), p, m);
    Transforms.composeRigid(origins[i], m, out);
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
