package dev.flotilla.node.agent;

import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.action.RequestConvention;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.util.Set;

/**
 * How the agent drives Nav2 ({@code navigation: goal_pose}): by the {@code navigate_to_pose}
 * action ({@code nav2_interface: action}), whose result decides the step, or by publishing
 * {@code goal_pose} ({@code nav2_interface: goal_pose}, the default, for stacks without the action
 * and for Flotilla's own simulator), where arrival is judged from odometry. The default stays
 * {@code goal_pose} because a missing action server cannot be told from a slow one without
 * waiting; a deployment with Nav2's bt_navigator opts in.
 *
 * @param action whether the action is used
 * @param actionName the action's name relative to the robot, {@code navigate_to_pose} by default
 *     (so {@code /<robot>/navigate_to_pose} in the root namespace)
 * @param convention the server's rmw request/reply convention ({@code nav2_rmw: cyclonedds} or
 *     {@code fastrtps}); a request in the wrong one goes unanswered
 * @param serverTimeout seconds to wait for the server and its send_goal reply before the step
 *     fails
 */
public record Nav2Interface(boolean action, String actionName, RequestConvention convention,
    double serverTimeout) {

  /** Nav2 driven through goal_pose. */
  public static final Nav2Interface GOAL_POSE =
      new Nav2Interface(false, "navigate_to_pose", RequestConvention.CYCLONEDDS, 10);

  static Nav2Interface read(ParamReader p) {
    boolean action = p.string("nav2_interface", "goal_pose", Set.of("action", "goal_pose"))
        .equals("action");
    String name = p.string("nav2_action", "navigate_to_pose", Set.of());
    if (name.isEmpty() || name.startsWith("/") || !TopicNames.isValidNamespace("/" + name)) {
      throw new ParamsException(p.source() + ": agent.nav2_action '" + name + "' is not a "
          + "relative ROS 2 name such as navigate_to_pose.");
    }
    RequestConvention convention = RequestConvention.of(
        p.string("nav2_rmw", "cyclonedds", Set.of("cyclonedds", "fastrtps")));
    double timeout = p.number("nav2_server_timeout", 10, 0.1, 3_600);
    return new Nav2Interface(action, name, convention, timeout);
  }
}
