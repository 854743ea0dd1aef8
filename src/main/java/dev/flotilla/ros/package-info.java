/**
 * The ROS 2 transport: the Bus interface with a DDS implementation and an in-memory one for tests
 * and replay, QoS profiles, topic names, raw (untyped) topics, the node clock, ROS 2's discovery
 * variables ({@link dev.flotilla.ros.DiscoveryOptions}), a node's clean exit on SIGINT and SIGTERM
 * ({@link dev.flotilla.ros.StopSignals}), its {@code /rosout} log
 * ({@link dev.flotilla.ros.RosoutHandler}), and what makes it a ROS 2 graph citizen: REP-2011 type
 * hashes in each endpoint's USER_DATA and the node's entry on {@code ros_discovery_info}.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.cdr}, {@code dev.flotilla.msgs} (with
 * the generated bindings below it), {@code dev.flotilla.ros.params} (whose exception reports a
 * bad environment variable), {@code dev.flotilla.typehash} and {@code dev.flotilla.bag.msgdef}
 * (the type hashes and the common definitions they are computed from); nothing else. Checked by
 * {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.ros;
