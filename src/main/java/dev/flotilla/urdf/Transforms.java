package dev.flotilla.urdf;

import org.ejml.data.DMatrix4x4;
import org.ejml.dense.fixed.CommonOps_DDF4;

/**
 * 4×4 homogeneous transforms (EJML fixed-size matrices, no allocation in the hot loops) for URDF
 * origins and joint motions. Each method is O(1).
 */
public final class Transforms {

  private Transforms() {}

  /** A new identity transform. */
  public static DMatrix4x4 identity() {
    DMatrix4x4 m = new DMatrix4x4();
    CommonOps_DDF4.setIdentity(m);
    return m;
  }

  /**
   * Writes the transform of a URDF origin: translation, then R = Rz(yaw)·Ry(pitch)·Rx(roll).
   *
   * @param p the pose (metres, radians) of a child frame in its parent frame
   * @param out receives the transform
   */
  public static void fromPose(Pose p, DMatrix4x4 out) {
    double cr = Math.cos(p.roll());
    double sr = Math.sin(p.roll());
    double cp = Math.cos(p.pitch());
    double sp = Math.sin(p.pitch());
    double cy = Math.cos(p.yaw());
    double sy = Math.sin(p.yaw());
    out.a11 = cy * cp;
    out.a12 = cy * sp * sr - sy * cr;
    out.a13 = cy * sp * cr + sy * sr;
    out.a14 = p.x();
    out.a21 = sy * cp;
    out.a22 = sy * sp * sr + cy * cr;
    out.a23 = sy * sp * cr - cy * sr;
    out.a24 = p.y();
    out.a31 = -sp;
    out.a32 = cp * sr;
    out.a33 = cp * cr;
    out.a34 = p.z();
    out.a41 = 0;
    out.a42 = 0;
    out.a43 = 0;
    out.a44 = 1;
  }

  /**
   * Writes the motion of a one-coordinate joint: a rotation by {@code q} radians about the axis
   * (revolute, continuous), a translation by {@code q} metres along it (prismatic), else identity.
   *
   * @param type joint type
   * @param axis unit axis in the joint frame
   * @param q joint position in radians or metres
   * @param out receives the transform
   */
  public static void jointMotion(JointType type, Axis axis, double q, DMatrix4x4 out) {
    CommonOps_DDF4.setIdentity(out);
    if (type == JointType.PRISMATIC) {
      out.a14 = axis.x() * q;
      out.a24 = axis.y() * q;
      out.a34 = axis.z() * q;
    } else if (type == JointType.REVOLUTE || type == JointType.CONTINUOUS) {
      double c = Math.cos(q);
      double s = Math.sin(q);
      double t = 1 - c;
      double x = axis.x();
      double y = axis.y();
      double z = axis.z();
      out.a11 = t * x * x + c;
      out.a12 = t * x * y - s * z;
      out.a13 = t * x * z + s * y;
      out.a21 = t * x * y + s * z;
      out.a22 = t * y * y + c;
      out.a23 = t * y * z - s * x;
      out.a31 = t * x * z - s * y;
      out.a32 = t * y * z + s * x;
      out.a33 = t * z * z + c;
    }
  }

  /**
   * Composes {@code out = a · b}; {@code out} must be a different object from both inputs.
   *
   * @param a left transform
   * @param b right transform
   * @param out receives the product
   */
  public static void compose(DMatrix4x4 a, DMatrix4x4 b, DMatrix4x4 out) {
    CommonOps_DDF4.mult(a, b, out);
  }

  /**
   * Composes two rigid transforms, {@code out = a · b}, skipping the constant bottom row (36
   * multiplications instead of 64); {@code out} must differ from both inputs.
   *
   * @param a left rigid transform
   * @param b right rigid transform
   * @param out receives the product
   */
  public static void composeRigid(DMatrix4x4 a, DMatrix4x4 b, DMatrix4x4 out) {
    out.a11 = a.a11 * b.a11 + a.a12 * b.a21 + a.a13 * b.a31;
    out.a12 = a.a11 * b.a12 + a.a12 * b.a22 + a.a13 * b.a32;
    out.a13 = a.a11 * b.a13 + a.a12 * b.a23 + a.a13 * b.a33;
    out.a14 = a.a11 * b.a14 + a.a12 * b.a24 + a.a13 * b.a34 + a.a14;
    out.a21 = a.a21 * b.a11 + a.a22 * b.a21 + a.a23 * b.a31;
    out.a22 = a.a21 * b.a12 + a.a22 * b.a22 + a.a23 * b.a32;
    out.a23 = a.a21 * b.a13 + a.a22 * b.a23 + a.a23 * b.a33;
    out.a24 = a.a21 * b.a14 + a.a22 * b.a24 + a.a23 * b.a34 + a.a24;
    out.a31 = a.a31 * b.a11 + a.a32 * b.a21 + a.a33 * b.a31;
    out.a32 = a.a31 * b.a12 + a.a32 * b.a22 + a.a33 * b.a32;
    out.a33 = a.a31 * b.a13 + a.a32 * b.a23 + a.a33 * b.a33;
    out.a34 = a.a31 * b.a14 + a.a32 * b.a24 + a.a33 * b.a34 + a.a34;
    out.a41 = 0;
    out.a42 = 0;
    out.a43 = 0;
    out.a44 = 1;
  }

  /**
   * Copies a transform (EJML's own copy methods differ between the versions on the classpath).
   *
   * @param src the transform to copy
   * @param dst receives the copy
   */
  public static void copy(DMatrix4x4 src, DMatrix4x4 dst) {
    dst.a11 = src.a11;
    dst.a12 = src.a12;
    dst.a13 = src.a13;
    dst.a14 = src.a14;
    dst.a21 = src.a21;
    dst.a22 = src.a22;
    dst.a23 = src.a23;
    dst.a24 = src.a24;
    dst.a31 = src.a31;
    dst.a32 = src.a32;
    dst.a33 = src.a33;
    dst.a34 = src.a34;
    dst.a41 = src.a41;
    dst.a42 = src.a42;
    dst.a43 = src.a43;
    dst.a44 = src.a44;
  }
}
