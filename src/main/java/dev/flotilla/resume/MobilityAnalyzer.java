package dev.flotilla.resume;

import dev.flotilla.urdf.Joint;
import dev.flotilla.urdf.JointType;
import dev.flotilla.urdf.KinematicTree;
import dev.flotilla.urdf.LinkNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Classifies how a robot moves from every signal its URDF offers, weighed (issue #13; EMOS,
 * seed 002, appendix A.1 for the classes). Strongest first: kinematic structure and geometry
 * ({@link LegFinder}, {@link WheelFinder}, {@link RotorFinder}), declared behaviour
 * ({@link DeclaredMotion}), then names of links. Rules, applied in order (docs/resume.md):
 *
 * <ol>
 *   <li>At least three vertical spinning rotors → aerial.
 *   <li>At least two legs → legged (wheels ending legs are reported, the robot still walks).
 *   <li>Rows of road wheels on both sides → tracked.
 *   <li>At least two ground wheels → wheeled: all steered → holonomic, some steered → Ackermann,
 *       none → differential unless a plugin declares holonomic or Ackermann motion (the absence
 *       of steering joints does not contradict mecanum wheels).
 *   <li>Otherwise a declared class (plugins), counts from names where the joints show none.
 *   <li>Otherwise names alone (wheel-, track-, rotor-named links): low confidence.
 *   <li>A floating root with none of these is a free flyer (aerial, medium); else static.
 * </ol>
 *
 * A signal that disagrees with the decision is listed in the evidence; a disagreeing plugin
 * lowers the confidence, disagreeing names alone do not. O(L · depth).
 */
final class MobilityAnalyzer {

  private static final Set<String> TRACK_WORDS =
      Set.of("track", "tracks", "crawler", "sprocket", "idler", "bogie");

  private final BodyGeometry body;
  private final LegFinder.Legs legs;
  private final WheelFinder.Wheels wheels;
  private final RotorFinder.Rotors rotors;

  MobilityAnalyzer(BodyGeometry body, LegFinder.Legs legs, WheelFinder.Wheels wheels,
      RotorFinder.Rotors rotors) {
    this.body = body;
    this.legs = legs;
    this.wheels = wheels;
    this.rotors = rotors;
  }

  /** Counts of what was found, the resulting class and why. */
  record Structure(MobilityClass mobilityClass, int wheels, boolean steerable, int legs,
      int rotors, Evidence evidence) {}

  Structure analyse() {
    List<String> facts = new ArrayList<>();
    List<DeclaredMotion.Declared> declared = DeclaredMotion.all(body.robot());
    int nWheels = wheels.wheels().size();
    int nSteered = wheels.steered().size();
    int nRotors = rotors.spinning().size();
    MobilityClass c = null;
    Confidence conf = Confidence.HIGH;
    boolean fromStructure = true;
    int countWheels = nWheels;
    int countRotors = nRotors;
    if (nRotors >= 3) {
      c = MobilityClass.AERIAL;
      facts.add(nRotors + " vertical spinning joints above the ground with nothing below "
          + "(rotors)");
    } else if (legs.count() >= 2) {
      c = MobilityClass.LEGGED;
      if (legs.atDefaultPose()) {
        facts.add(legs.count() + " chains from the body through a hip down to a foot touching "
            + "the ground (feet " + String.join(", ", legs.feet()) + ")");
      } else {
        facts.add(legs.count() + " mirrored chains of two or more horizontal-axis joints that "
            + "can reach the ground, folded up at the default pose (feet "
            + String.join(", ", legs.feet()) + ")");
        conf = conf.min(Confidence.MEDIUM);
      }
      if (legWheels() > 0) {
        facts.add(legWheels() + " wheels end legs (wheel-legged)");
      }
    } else if (wheels.trackRows() > 0) {
      c = MobilityClass.TRACKED;
      countWheels = 0;
      facts.add("two rows of " + wheels.trackRows() + "+ road wheels on the ground (tracks)");
    } else if (nWheels >= 2) {
      facts.add(nWheels + " spinning horizontal-axis joints whose links touch the ground and "
          + "turn about their centre of mass (wheels)");
      if (nSteered == nWheels) {
        c = MobilityClass.WHEELED_HOLONOMIC;
        facts.add("every wheel hangs below a vertical steering joint (casters)");
      } else if (nSteered > 0) {
        c = MobilityClass.WHEELED_ACKERMANN;
        facts.add(nSteered + " of " + nWheels + " wheels steered by vertical hinges (car-like)");
      } else {
        c = MobilityClass.WHEELED_DIFFERENTIAL;
        facts.add("no steering joint above the wheels");
        for (DeclaredMotion.Declared d : declared) {
          if (d.mobilityClass() == MobilityClass.WHEELED_HOLONOMIC
              || d.mobilityClass() == MobilityClass.WHEELED_ACKERMANN) {
            c = d.mobilityClass();
            facts.add(d.fact() + " declares " + c.json() + " (wheels without steering joints"
                + " do not contradict it)");
            break;
          }
        }
      }
    } else {
      fromStructure = false;
    }
    if (fromStructure) {
      for (DeclaredMotion.Declared d : declared) {
        boolean wheelLegs = c == MobilityClass.LEGGED && legWheels() > 0
            && d.mobilityClass() != MobilityClass.AERIAL;
        boolean steeredDiff = (c == MobilityClass.WHEELED_HOLONOMIC
            || c == MobilityClass.WHEELED_ACKERMANN)
            && d.mobilityClass() == MobilityClass.WHEELED_DIFFERENTIAL;
        if (d.mobilityClass() == c || wheelLegs) {
          facts.add(d.fact() + " agrees");
        } else if (steeredDiff) {
          facts.add(d.fact() + " declares differential drive; the steering joints refine it");
        } else {
          facts.add(d.fact() + " declares " + d.mobilityClass().json()
              + "; structure outranks it");
          conf = conf.min(Confidence.MEDIUM);
        }
      }
    } else if (!declared.isEmpty()) {
      DeclaredMotion.Declared d = declared.get(0);
      c = d.mobilityClass();
      facts.add(d.fact() + " (declared behaviour; the joints do not show the motion)");
      for (DeclaredMotion.Declared other : declared) {
        if (other.mobilityClass() != c) {
          facts.add(other.fact() + " declares " + other.mobilityClass().json()
              + "; conflicting plugins");
          conf = Confidence.LOW;
        }
      }
      if (c == MobilityClass.AERIAL) {
        countRotors = Math.max(nRotors, rotors.named().size());
        if (countRotors > nRotors) {
          facts.add("rotors counted from link names: " + String.join(", ", rotors.named()));
          conf = conf.min(Confidence.MEDIUM);
        }
      } else if (c != MobilityClass.TRACKED && nWheels < 2) {
        countWheels = wheels.namedFixed().size();
        if (countWheels > 0) {
          facts.add("wheels counted from names of links on fixed joints touching the ground: "
              + String.join(", ", wheels.namedFixed()));
          conf = conf.min(Confidence.MEDIUM);
        }
      }
    } else {
      c = fromNames(facts);
      if (c != null) {
        conf = Confidence.LOW;
        if (c == MobilityClass.AERIAL) {
          countRotors = rotors.named().size();
        } else if (c != MobilityClass.TRACKED) {
          countWheels = wheels.namedFixed().size();
        }
      }
    }
    if (c == null) {
      if (floatingRoot()) {
        c = MobilityClass.AERIAL;
        conf = Confidence.MEDIUM;
        facts.add("floating root joint and nothing that rolls or walks: a free flyer");
      } else {
        c = MobilityClass.STATIC;
        facts.add("no wheels, legs, rotors, tracks, locomotion plugin or floating base");
      }
    }
    if (c != MobilityClass.AERIAL && !rotors.named().isEmpty()) {
      facts.add("link names *rotor*/*prop* (" + rotors.named().size() + ") ignored: "
          + "names are weaker than " + (fromStructure ? "structure" : "the rule above"));
    }
    if (c != MobilityClass.AERIAL) {
      countRotors = 0;
    }
    if (c == MobilityClass.AERIAL || c == MobilityClass.STATIC) {
      countWheels = 0;
    } else if (c == MobilityClass.LEGGED) {
      countWheels = legWheels();
    }
    int countLegs = c == MobilityClass.LEGGED ? legs.count() : 0;
    boolean steer = nSteered > 0 && countWheels > 0;
    return new Structure(c, countWheels, steer, countLegs, countRotors,
        new Evidence(facts, conf));
  }

  /** Names alone: tracks, then rotors (with a floating or grounded-free base), then wheels. */
  private MobilityClass fromNames(List<String> facts) {
    KinematicTree tree = body.robot().tree();
    List<String> trackLinks = new ArrayList<>();
    for (String l : tree.linksTopDown()) {
      if (LinkNames.hasAny(l, TRACK_WORDS)) {
        trackLinks.add(l);
      }
    }
    if (!trackLinks.isEmpty()) {
      facts.add("link names *track*/*crawler*: " + String.join(", ", trackLinks)
          + " (names only)");
      return MobilityClass.TRACKED;
    }
    if (rotors.named().size() >= 3) {
      facts.add("link names *rotor*/*prop*: " + String.join(", ", rotors.named())
          + " (names only)");
      return MobilityClass.AERIAL;
    }
    if (wheels.namedFixed().size() >= 2) {
      facts.add("wheel-named links on fixed joints touching the ground: "
          + String.join(", ", wheels.namedFixed()) + " (names only)");
      Set<String> words = new HashSet<>();
      wheels.namedFixed().forEach(l -> words.addAll(LinkNames.words(l)));
      boolean omni = words.contains("omni") || words.contains("mecanum");
      return omni ? MobilityClass.WHEELED_HOLONOMIC : MobilityClass.WHEELED_DIFFERENTIAL;
    }
    return null;
  }

  /** Wheels that are the feet of legs: the wheel link itself is the leaf on the ground. */
  private int legWheels() {
    KinematicTree tree = body.robot().tree();
    return (int) wheels.wheels().stream()
        .filter(j -> legs.legLinks().contains(j.child()) && tree.childJoints(j.child()).isEmpty())
        .count();
  }

  private boolean floatingRoot() {
    KinematicTree tree = body.robot().tree();
    for (Joint j : tree.childJoints(tree.root())) {
      if (j.type() == JointType.FLOATING || j.type() == JointType.PLANAR) {
        return true;
      }
    }
    return false;
  }
}
