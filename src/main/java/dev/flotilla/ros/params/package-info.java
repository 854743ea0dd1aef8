/**
 * ROS 2 parameter files (ros__parameters per node name) read with errors that name the file and
 * key, and YAML tree merging for overlays.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros.params;
