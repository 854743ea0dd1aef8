package dev.flotilla.urdf;

import java.util.List;

/**
 * A URDF {@code <link>}.
 *
 * @param name unique link name
 * @param massKg mass from {@code <inertial>} in kilograms (0 when absent)
 * @param shapes visual and collision geometry in the link frame
 * @param line 1-based line of the {@code <link>} tag
 * @param centreOfMass pose of the {@code <inertial>} origin in the link frame (identity when the
 *     link has no inertial)
 */
public record Link(String name, double massKg, List<Shape> shapes, int line, Pose centreOfMass) {

  /** Defensive copy: links are shared by every kinematic computation. */
  public Link {
    shapes = List.copyOf(shapes);
  }
}
