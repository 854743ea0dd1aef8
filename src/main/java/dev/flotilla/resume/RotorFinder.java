package dev.flotilla.resume;

import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Finds rotors (issue #13): structurally, spinning joints ({@link JointRoles#spins}) with a
 * vertical axis, above the ground, nothing movable below, off the arms and legs; by name only,
 * propeller- or rotor-named links fixed to the body (weak evidence: legged robots name their
 * motor rotors so). O(L).
 */
final class RotorFinder {

  private static final Set<String> ROTOR_WORDS =
      Set.of("rotor", "prop", "propeller", "propellor", "rotorblade");

  /**
   * What was found.
   *
   * @param spinning vertical spinning joints (structure)
   * @param named rotor-named links on fixed joints (names only)
   */
  record Rotors(List<Joint> spinning, List<String> named) {}

  private RotorFinder() {}

  static Rotors find(BodyGeometry body, Set<String> excluded) {
    KinematicTree tree = body.robot().tree();
    List<Joint> spinning = new ArrayList<>();
    List<String> named = new ArrayList<>();
    for (Joint j : body.robot().joints().values()) {
      if (excluded.contains(j.child())) {
        continue;
      }
      boolean above = body.heightOf(j.child()) > JointRoles.GROUND_TOLERANCE_M;
      if (above && JointRoles.spins(j) && !body.movableBelow(j.child())
          && Math.abs(body.axisInRoot(j)[2]) > 0.9) {
        spinning.add(j);
      } else if (!j.type().isMovable() && LinkNames.hasAny(j.child(), ROTOR_WORDS)
          && tree.pathFromRoot(j.child()).stream().noneMatch(k -> k.type().isMovable())) {
        named.add(j.child());
      }
    }
    return new Rotors(spinning, named);
  }
}
