/**
 * The ROS 2 transport: the Bus interface with a DDS implementation and an in-memory one for tests
 * and replay, QoS profiles, topic names, raw (untyped) topics, the node clock, ROS 2's discovery
 * variables ({@link dev.flotilla.ros.DiscoveryOptions}), a node's clean exit on SIGINT and SIGTERM
 * ({@link dev.flotilla.ros.StopSignals}) and its {@code /rosout} log
 * ({@link dev.flotilla.ros.RosoutHandler}).
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.cdr}, {@code dev.flotilla.msgs} (with
 * the generated bindings below it) and {@code dev.flotilla.ros.params} (whose exception reports a
 * bad environment variable); nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros;
