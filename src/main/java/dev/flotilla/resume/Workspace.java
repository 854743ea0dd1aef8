package dev.flotilla.resume;

import dev.flotilla.model.Point3;

/**
 * Bounding volumes of the sampled end-effector positions, in the base frame: origin on the ground
 * directly below the mobile base link, axes of the base link (x forward, z up), metres.
 *
 * @param sphereCentre centre of a sphere containing every sample (the box centre)
 * @param sphereRadiusM radius of that sphere
 * @param boxMin lower corner of the axis-aligned bounding box
 * @param boxMax upper corner of the axis-aligned bounding box
 */
public record Workspace(Point3 sphereCentre, double sphereRadiusM, Point3 boxMin, Point3 boxMax) {}
