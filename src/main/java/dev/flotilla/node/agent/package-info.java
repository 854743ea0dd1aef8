/**
 * The robot agent node: follows this robot's steps of the allocation (through the fleet layer's
 * {@link dev.flotilla.fleet.PlanFollower}), drives the robot, obeys the synchronizer and reports
 * heartbeats and step events.
 *
 * <p>May depend on {@code node}, {@code fleet}, {@code model}, {@code control}, {@code plan},
 * {@code msgs} and {@code ros}.
 */
package dev.flotilla.node.agent;
