/**
 * The ROS-free application layer: the allocator's session, the LTL planner and synchronizer
 * sessions and a robot's plan follower, whose inputs and outputs are {@code dev.flotilla.model}
 * types and algorithm types. The nodes in {@code dev.flotilla.node} translate messages to and
 * from them.
 *
 * <p>May depend on {@code model} and the algorithm packages ({@code alloc}, {@code plan},
 * {@code ltl}, {@code resume}, {@code liveness}, …); never on {@code msgs}, {@code ros},
 * {@code node}, {@code cli}, {@code security}, {@code sim} or {@code bench} (checked by
 * {@code ArchitectureTest}).
 */
package dev.flotilla.fleet;
