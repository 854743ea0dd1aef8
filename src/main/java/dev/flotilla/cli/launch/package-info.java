/**
 * {@code flotilla launch}'s engine: reads ROS 2 XML launch files (with substitutions, includes and
 * parameter overlays) into the processes they start, and supervises those processes.
 *
 * <p>Part of the cli layer: it may depend on {@code dev.flotilla.xml} and
 * {@code dev.flotilla.ros.params}; only {@code dev.flotilla.cli} uses it.
 */
package dev.flotilla.cli.launch;
