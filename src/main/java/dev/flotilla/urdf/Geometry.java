package dev.flotilla.urdf;

/** The shape of a visual or collision element; meshes are kept by URI, never loaded. */
public sealed interface Geometry {

  /**
   * A box centred on its frame.
   *
   * @param sizeX metres along x
   * @param sizeY metres along y
   * @param sizeZ metres along z
   */
  record Box(double sizeX, double sizeY, double sizeZ) implements Geometry {}

  /**
   * A cylinder centred on its frame, axis along z.
   *
   * @param radius metres
   * @param length metres along z
   */
  record Cylinder(double radius, double length) implements Geometry {}

  /**
   * A sphere centred on its frame.
   *
   * @param radius metres
   */
  record Sphere(double radius) implements Geometry {}

  /**
   * A mesh, e.g. {@code package://fetch_description/meshes/base_link.dae}; not resolved.
   *
   * @param uri the filename attribute as written
   */
  record Mesh(String uri) implements Geometry {}
}
