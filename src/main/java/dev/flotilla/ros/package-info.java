/**
 * The ROS 2 transport: the Bus interface with a DDS implementation and an in-memory one for tests
 * and replay, QoS profiles, topic names, raw (untyped) topics and the node clock.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.cdr}, {@code dev.flotilla.msgs} (with
 * the generated bindings below it); nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros;
