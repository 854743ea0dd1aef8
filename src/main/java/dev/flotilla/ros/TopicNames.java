package dev.flotilla.ros;

import java.util.regex.Pattern;

/**
 * Flotilla's topics (relative names, resolved against the node namespace as rclcpp does) and name
 * resolution. See the README's topic table for QoS and direction.
 */
public final class TopicNames {
  private TopicNames() {}

  /** Robots → synchronizer: liveness. */
  public static final String HEARTBEAT = "flotilla/heartbeat";
  /** Operators → planner: task requests. */
  public static final String TASKS = "flotilla/tasks";
  /** Planner → allocator: validated tasks (transient-local, so a restarted allocator has them). */
  public static final String ACCEPTED_TASKS = "flotilla/accepted_tasks";
  /** Allocator → all: the current plan (reliable, transient-local, depth 1). */
  public static final String ALLOCATION = "flotilla/allocation";
  /** Allocator → all: what changed between plan versions. */
  public static final String REASSIGNMENT = "flotilla/reassignment";
  /** Any node or robot → all: fleet events. */
  public static final String EVENTS = "flotilla/events";
  /** Allocator → operators: robot resumes as JSON strings (transient-local). */
  public static final String RESUMES = "flotilla/resumes";
  /** Allocator → RViz: the plan as visualization_msgs/MarkerArray (map frame). */
  public static final String MARKERS = "flotilla/markers";
  /** Synchronizer → robots: go/wait per step. */
  public static final String SYNC = "flotilla/sync";
  /**
   * Allocator ↔ allocator: each instance's lease (a {@code flotilla_msgs/Heartbeat}) for the
   * hot-standby protocol.
   */
  public static final String ALLOCATOR_LEASE = "flotilla/allocator_lease";
  /**
   * Planner → allocator, robots: the current LTL plan (seed 003) as a {@code flotilla_msgs/
   * Allocation} with one {@code RobotPlan} per robot with LTL work (reliable, transient-local,
   * depth 1).
   */
  public static final String LTL_PLAN = "flotilla/ltl_plan";
  /**
   * Planner → synchronizer: the same LTL plan with its R-poset, as a JSON {@code std_msgs/String}
   * (reliable, transient-local, depth 1), so a synchronizer in another process can synchronize it.
   */
  public static final String LTL_PLAN_DETAIL = "flotilla/ltl_plan_detail";
  /** Operators → planner: {@code OperatorCommand}s (cancel a task, pause or resume a robot). */
  public static final String COMMANDS = "flotilla/commands";
  /** Planner → allocator: the operator commands the planner validated. */
  public static final String ACCEPTED_COMMANDS = "flotilla/accepted_commands";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /**
   * Resolves a relative topic name against a namespace.
   *
   * @param namespace node namespace, {@code /} or {@code /a/b}
   * @param name relative ({@code flotilla/heartbeat}) or absolute ({@code /clock}) topic name
   * @return the absolute name
   */
  public static String resolve(String namespace, String name) {
    if (name.startsWith("/")) {
      return name;
    }
    String ns = namespace.endsWith("/") ? namespace : namespace + "/";
    return (ns.startsWith("/") ? ns : "/" + ns) + name;
  }

  /**
   * @param namespace node namespace
   * @param robotId robot id, which is also its namespace
   * @return the robot's odometry topic, e.g. {@code /tb3_1/odom}
   */
  public static String odometry(String namespace, String robotId) {
    return resolve(namespace, robotId + "/odom");
  }

  /**
   * @param namespace node namespace
   * @param robotId robot id
   * @return the robot's description topic, e.g. {@code /tb3_1/robot_description}
   */
  public static String robotDescription(String namespace, String robotId) {
    return resolve(namespace, robotId + "/robot_description");
  }

  /**
   * @param namespace a namespace given by a user
   * @return whether it is {@code /} or a sequence of valid ROS 2 name tokens after slashes
   */
  public static boolean isValidNamespace(String namespace) {
    if (namespace.equals("/")) {
      return true;
    }
    if (!namespace.startsWith("/") || namespace.endsWith("/")) {
      return false;
    }
    for (String token : namespace.substring(1).split("/")) {
      if (!NAME.matcher(token).matches()) {
        return false;
      }
    }
    return true;
  }

  /**
   * @param robotId a robot id from a parameter file or a message
   * @return whether it can serve as a ROS 2 namespace token
   */
  public static boolean isValidRobotId(String robotId) {
    return NAME.matcher(robotId).matches();
  }
}
