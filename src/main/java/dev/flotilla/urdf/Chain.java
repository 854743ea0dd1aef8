package dev.flotilla.urdf;

import java.util.List;

/**
 * A serial chain of joints from a base link down to a tip link (e.g. an end effector).
 *
 * @param baseLink the link the chain starts from (usually the root)
 * @param tipLink the link the chain ends at
 * @param joints all joints from base to tip, fixed ones included, top-down
 */
public record Chain(String baseLink, String tipLink, List<Joint> joints) {

  /** Defensive copy. */
  public Chain {
    joints = List.copyOf(joints);
  }

  /** The one-coordinate joints of the chain, top-down, including mimic joints. */
  public List<Joint> movableJoints() {
    return joints.stream().filter(j -> j.type().isMovable()).toList();
  }

  /** The movable joints that have their own coordinate (not mimicking another joint). */
  public List<Joint> independentJoints() {
    return joints.stream().filter(j -> j.type().isMovable() && j.mimic() == null).toList();
  }
}
