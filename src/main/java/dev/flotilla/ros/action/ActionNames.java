package dev.flotilla.ros.action;

/**
 * DDS topic and type names of an action's endpoints, as rmw_cyclonedds and rmw_fastrtps derive
 * them: services {@code rq/<action>/_action/<service>Request} and
 * {@code rr/<action>/_action/<service>Reply}, topics {@code rt/<action>/_action/<topic>}; types
 * {@code <pkg>::action::dds_::<Action>_<Service>_Request_} (cancel: {@code action_msgs::srv}),
 * status {@code action_msgs::msg::dds_::GoalStatusArray_}.
 */
public final class ActionNames {
  private ActionNames() {}

  /**
   * @param action absolute action name, e.g. {@code /r1/navigate_to_pose}
   * @param service {@code send_goal}, {@code get_result} or {@code cancel_goal}
   * @return the request topic, e.g. {@code rq/r1/navigate_to_pose/_action/send_goalRequest}
   */
  public static String requestTopic(String action, String service) {
    return "rq" + action + "/_action/" + service + "Request";
  }

  /** @return the reply topic, e.g. {@code rr/r1/navigate_to_pose/_action/send_goalReply} */
  public static String replyTopic(String action, String service) {
    return "rr" + action + "/_action/" + service + "Reply";
  }

  /** @return a topic of the action, e.g. {@code rt/r1/navigate_to_pose/_action/status} */
  public static String topic(String action, String topic) {
    return "rt" + action + "/_action/" + topic;
  }

  /**
   * @param pkg the action's package, e.g. {@code nav2_msgs}
   * @param action the action type, e.g. {@code NavigateToPose}
   * @param part e.g. {@code SendGoal_Request}
   * @return e.g. {@code nav2_msgs::action::dds_::NavigateToPose_SendGoal_Request_}
   */
  public static String actionType(String pkg, String action, String part) {
    return pkg + "::action::dds_::" + action + "_" + part + "_";
  }

  /** {@code action_msgs/srv/CancelGoal} request. */
  public static final String CANCEL_REQUEST = "action_msgs::srv::dds_::CancelGoal_Request_";
  /** {@code action_msgs/srv/CancelGoal} response. */
  public static final String CANCEL_RESPONSE = "action_msgs::srv::dds_::CancelGoal_Response_";
  /** {@code action_msgs/msg/GoalStatusArray}. */
  public static final String STATUS_ARRAY = "action_msgs::msg::dds_::GoalStatusArray_";
}
