/**
 * The fleet's shared vocabulary as immutable records in SI units (seconds as {@code double},
 * metres, radians; positions in the {@code map} frame unless a field says otherwise): points and
 * poses, robots, tasks, plans and their changes, synchronization orders.
 *
 * <p>Depends on nothing but the JDK; every other package may use it.
 */
package dev.flotilla.model;
