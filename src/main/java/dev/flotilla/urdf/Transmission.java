package dev.flotilla.urdf;

import java.util.List;

/**
 * A URDF {@code <transmission>}: which joints an actuator drives and through which hardware
 * interface (kept as declared behaviour, issue #13).
 *
 * @param name transmission name
 * @param joints joint names it drives
 * @param interfaces hardware interfaces declared for those joints (e.g.
 *     {@code hardware_interface/VelocityJointInterface})
 * @param line 1-based line of the element
 */
public record Transmission(String name, List<String> joints, List<String> interfaces, int line) {

  /** Defensive copies. */
  public Transmission {
    joints = List.copyOf(joints);
    interfaces = List.copyOf(interfaces);
  }
}
