package dev.flotilla.urdf;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF4;

/**
 * Allocation-free forward kinematics of one {@link Chain}, for sampling thousands of
 * configurations: the fixed origins are precomputed as EJML 4×4 matrices and a full evaluation
 * multiplies a few rigid transforms (3×4 products) per joint, O(n) for an n-joint chain.
 *
 * <p>Searches such as the resume's coordinate ascent change one coordinate at a time; evaluating
 * each of their O(n) trials from scratch made a search O(n²) and a hostile 1400-joint
 * {@code robot_description} cost the allocator 47 s (issue #16). So each full evaluation keeps
 * the products above and below every joint, and a call whose {@code q} differs from the last full
 * one in a single coordinate (driving a single joint) costs O(1): above · joint · below. Not
 * thread-safe, as before.
 *
 * <p>A coordinate sweep that keeps its improvements (the arm refinement of issue #13: nudge joint
 * 0, keep the better value, nudge joint 1, …) moves two coordinates away from the last full
 * evaluation after its first accepted move, so it says so explicitly: {@link #beginSweep} makes
 * one full evaluation, and {@link #tipPositionVarying} extends the products above the varied
 * joint with the accepted values as the sweep advances, reusing the same cached products below
 * it. Both paths share one set of products; a sweep that moved the configuration marks them stale
 * so the next {@link #tipPose} evaluates in full.
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
  private final DMatrix4x4 tip = new DMatrix4x4();
  /** {@code above[i]}: base · joints 0..i-1 at {@link #cachedQ}; {@code above[n]} is the tip. */
  private final DMatrix4x4[] above;
  /** {@code below[i]}: joints i..n-1 at {@link #cachedQ}; {@code below[n]} is the identity. */
  private final DMatrix4x4[] below;
  /** Scratch: each joint's origin · motion during a full evaluation. */
  private final DMatrix4x4[] local;
  /** For each coordinate: the one chain joint it drives, or -1 (none, or several via mimic). */
  private final int[] soleJoint;
  /** The coordinates that drive several chain joints (a mimic's master and its followers). */
  private final int[] shared;
  /** The configuration {@link #above} and {@link #below} hold; null before the first call. */
  private double[] cachedQ;
  /**
   * During a sweep, the joints whose {@link #above} product already uses the sweep's current
   * configuration ({@code above[0..sweepValid]}); -1 outside a sweep.
   */
  private int sweepValid = -1;
  /** True when a sweep has changed {@link #above} away from {@link #cachedQ}. */
  private boolean stale;

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
    this.above = new DMatrix4x4[n + 1];
    this.below = new DMatrix4x4[n + 1];
    this.local = new DMatrix4x4[n + 1];
    for (int i = 0; i <= n; i++) {
      above[i] = new DMatrix4x4();
      below[i] = new DMatrix4x4();
      local[i] = new DMatrix4x4();
    }
    this.soleJoint = new int[variables.size()];
    Arrays.fill(soleJoint, -1);
    int[] drives = new int[variables.size()];
    for (int i = 0; i < n; i++) {
      if (variableIndex[i] >= 0) {
        drives[variableIndex[i]]++;
        soleJoint[variableIndex[i]] = i;
      }
    }
    for (int v = 0; v < drives.length; v++) {
      if (drives[v] != 1) {
        soleJoint[v] = -1;
      }
    }
    this.shared = IntStream.range(0, drives.length)
        .filter(v -> drives[v] > 1).toArray();
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
    int changed = cachedQ == null || stale ? -2 : changedCoordinate(q);
    int n = joints.length;
    if (changed == -1) {
      Transforms.copy(above[n], out);
      return;
    }
    if (changed >= 0 && soleJoint[changed] >= 0) {
      int i = soleJoint[changed];
      localTransform(i, q, a);
      Transforms.composeRigid(above[i], a, b);
      Transforms.composeRigid(b, below[i + 1], out);
      return;
    }
    evaluateAll(q);
    Transforms.copy(above[n], out);
  }

  /**
   * @return -1 when {@code q} equals the cached configuration, the index of the only coordinate
   *     that differs, or -2 when several differ
   */
  private int changedCoordinate(double[] q) {
    if (q.length != cachedQ.length) {
      return -2;
    }
    int changed = -1;
    for (int v = 0; v < q.length; v++) {
      if (Double.doubleToLongBits(q[v]) != Double.doubleToLongBits(cachedQ[v])) {
        if (changed >= 0) {
          return -2;
        }
        changed = v;
      }
    }
    return changed;
  }

  /** Full evaluation at {@code q}, refreshing the products above and below every joint. */
  private void evaluateAll(double[] q) {
    int n = joints.length;
    Transforms.copy(base, above[0]);
    for (int i = 0; i < n; i++) {
      localTransform(i, q, local[i]);
      Transforms.composeRigid(above[i], local[i], above[i + 1]);
    }
    CommonOps_DDF4.setIdentity(below[n]);
    for (int i = n - 1; i >= 0; i--) {
      Transforms.composeRigid(local[i], below[i + 1], below[i]);
    }
    if (cachedQ == null || cachedQ.length != q.length) {
      cachedQ = new double[q.length];
    }
    System.arraycopy(q, 0, cachedQ, 0, q.length);
    stale = false;
    sweepValid = -1;
  }

  /**
   * Starts a coordinate sweep at configuration {@code q}: afterwards {@link #tipPositionVarying}
   * evaluates a change of one coordinate in O(1) instead of O(n), which keeps coordinate ascent
   * over an n-joint chain O(n) per sweep instead of O(n²), even when it keeps its moves. O(n).
   *
   * @param q positions of {@link #variables()}
   */
  public void beginSweep(double[] q) {
    evaluateAll(q);
    sweepValid = 0;
  }

  /**
   * Tip position when variable {@code v} takes {@code value} and the others keep the values of
   * {@code q}; {@code q} is left as it was. Within a sweep, only coordinates before {@code v} may
   * have changed since {@link #beginSweep} (the moves the sweep kept), and the sweep visits
   * variables in increasing order. A coordinate driving several joints (mimic) is evaluated from
   * scratch, O(n), and once the sweep has kept a move of such a coordinate the rest of the sweep
   * is too, since the products below later joints include it. Outside a sweep the answer comes
   * from {@link #tipPose} (O(1) when {@code q} differs from its last full evaluation only here).
   *
   * @param q current positions of {@link #variables()}
   * @param v index of the varying variable
   * @param value its trial value
   * @param out receives x, y, z in metres
   */
  public void tipPositionVarying(double[] q, int v, double value, double[] out) {
    int i = soleJoint[v];
    if (sweepValid < 0 || (i >= 0 && i < sweepValid)) {
      // Outside a sweep, or visited out of order: the products above i may hold other values.
      sweepValid = -1;
      double old = q[v];
      q[v] = value;
      tipPosition(q, out);
      q[v] = old;
      return;
    }
    if (i < 0 || sharedMoved(q)) {
      double old = q[v];
      q[v] = value;
      poseFromScratch(q, tip);
      q[v] = old;
    } else {
      while (sweepValid < i) {
        int k = sweepValid;
        int u = variableIndex[k];
        if (u >= 0 && Double.doubleToLongBits(q[u]) != Double.doubleToLongBits(cachedQ[u])) {
          stale = true;
        }
        localTransform(k, q, local[k]);
        Transforms.composeRigid(above[k], local[k], above[k + 1]);
        sweepValid++;
      }
      Transforms.jointMotion(joints[i].type(), joints[i].axis(),
          mimicMultiplier[i] * value + mimicOffset[i], motion);
      Transforms.composeRigid(origins[i], motion, a);
      Transforms.composeRigid(above[i], a, b);
      Transforms.composeRigid(b, below[i + 1], tip);
    }
    out[0] = tip.a14;
    out[1] = tip.a24;
    out[2] = tip.a34;
  }

  /** True when a coordinate driving several joints differs from the cached products' value. */
  private boolean sharedMoved(double[] q) {
    for (int u : shared) {
      if (Double.doubleToLongBits(q[u]) != Double.doubleToLongBits(cachedQ[u])) {
        return true;
      }
    }
    return false;
  }

  /** The tip pose at {@code q} joint by joint, leaving the cached products untouched. O(n). */
  private void poseFromScratch(double[] q, DMatrix4x4 out) {
    Transforms.copy(base, a);
    for (int i = 0; i < joints.length; i++) {
      localTransform(i, q, b);
      Transforms.composeRigid(a, b, out);
      Transforms.copy(out, a);
    }
    Transforms.copy(a, out);
  }

  /** True when every variable drives exactly one chain joint (sweeps are O(1) per trial). */
  public boolean sweepable() {
    for (int c : soleJoint) {
      if (c < 0) {
        return false;
      }
    }
    return true;
  }

  /** Joint {@code i}'s origin and motion at {@code q}, into {@code out} (uses {@link #motion}). */
  private void localTransform(int i, double[] q, DMatrix4x4 out) {
    Joint j = joints[i];
    if (j.type().isMovable()) {
      double p =
          variableIndex[i] >= 0
              ? mimicMultiplier[i] * q[variableIndex[i]] + mimicOffset[i]
              : constant[i];
      Transforms.jointMotion(j.type(), j.axis(), p, motion);
      Transforms.composeRigid(origins[i], motion, out);
    } else {
      Transforms.copy(origins[i], out);
    }
  }

  /**
   * Computes the tip position in the robot's root frame.
   *
   * @param q positions of {@link #variables()} (radians or metres)
   * @param out receives x, y, z in metres
   */
  public void tipPosition(double[] q, double[] out) {
    tipPose(q, tip);
    out[0] = tip.a14;
    out[1] = tip.a24;
    out[2] = tip.a34;
  }
}
