package dev.flotilla.resume;

import java.util.Set;
import java.util.TreeSet;

/** Capability names derived from the mobility and manipulation sections (seed 002, A.1). */
final class Capabilities {

  private Capabilities() {}

  /** navigate, change_floors, fly, walk, manipulate, grasp and carry, as they apply. */
  static Set<String> derived(Mobility m, Manipulation manip) {
    Set<String> caps = new TreeSet<>();
    MobilityClass c = m.mobilityClass();
    if (c.isMobile()) {
      caps.add("navigate");
    }
    if (m.canChangeFloors()) {
      caps.add("change_floors");
    }
    if (c == MobilityClass.AERIAL) {
      caps.add("fly");
    }
    if (c == MobilityClass.LEGGED) {
      caps.add("walk");
    }
    if (!manip.arms().isEmpty()) {
      caps.add("manipulate");
    }
    if (manip.hasGripper()) {
      caps.add("grasp");
    }
    if (c.isMobile() && m.payloadKg() > 0) {
      caps.add("carry");
    }
    return caps;
  }
}
