/**
 * ROS 2 actions on the wire, client side: the {@code navigate_to_pose} action of Nav2
 * ({@code nav2_msgs/action/NavigateToPose}) over its three services ({@code _action/send_goal},
 * {@code _action/get_result}, {@code _action/cancel_goal}) and its {@code _action/status} topic,
 * with the DDS topic and type names rmw gives them and both request/reply conventions in use:
 * rmw_cyclonedds' request header in the payload and rmw_fastrtps' related sample identity. The
 * goal's state machine lives here too; what a goal result means for a plan step is the agent's
 * business ({@code dev.flotilla.node.agent}).
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.ros}, {@code dev.flotilla.cdr} and
 * {@code dev.flotilla.msgs}; nothing else.
 */
package dev.flotilla.ros.action;
