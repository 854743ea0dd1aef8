/**
 * Plays bags onto a Bus with their recorded timing and records topics into bags, as ros2 bag play
 * and record do.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.bag}, {@code dev.flotilla.bag.meta},
 * {@code dev.flotilla.msgs} (with the generated bindings below it), {@code dev.flotilla.ros};
 * nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros.bagio;
