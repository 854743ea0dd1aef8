package dev.flotilla.urdf;

/**
 * A visual or collision element of a link.
 *
 * @param origin pose of the geometry in the link frame
 * @param geometry the shape
 */
public record Shape(Pose origin, Geometry geometry) {}
