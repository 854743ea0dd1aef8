/**
 * A small XML reader that keeps line numbers, shared by the URDF parser and the launch-file loader;
 * part of the shared base.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.xml;
