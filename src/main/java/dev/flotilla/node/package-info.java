/**
 * The ROS 2 nodes (planner, allocator, synchronizer) with their parameter records, the host
 * that runs them, topics and QoS, input validation, and the translation between messages and the
 * fleet layer's model types ({@link dev.flotilla.node.PlanMessages},
 * {@link dev.flotilla.node.SyncMessages}). Decisions live in {@code dev.flotilla.fleet}.
 *
 * <p>May depend on {@code fleet}, {@code model}, the algorithm packages, {@code msgs},
 * {@code ros} and {@code security}; never on {@code sim}, {@code bench} or {@code cli}.
 */
package dev.flotilla.node;
