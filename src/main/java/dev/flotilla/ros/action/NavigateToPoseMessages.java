package dev.flotilla.ros.action;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.geometry_msgs.PoseStamped;
import dev.flotilla.ros.RequestHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * CDR of the {@code nav2_msgs/action/NavigateToPose} service and topic messages the client
 * sends and reads, written by hand from the rosidl definitions (the action's generated
 * {@code _SendGoal_Request} is {@code unique_identifier_msgs/UUID goal_id} then the goal, and so
 * on). Bodies only: the rmw_cyclonedds request header is {@link RequestHeader}'s. Every decoder
 * throws {@link CdrException} on bytes that do not decode, never anything else.
 */
public final class NavigateToPoseMessages {
  /** Largest number of entries read from a status array or a cancel response. */
  static final int MAX_LIST = 4096;

  private NavigateToPoseMessages() {}

  /**
   * @param goal the goal id
   * @param pose where to go
   * @param behaviorTree the behavior tree file, "" for the navigator's default
   * @return {@code NavigateToPose_SendGoal_Request}
   */
  public static byte[] sendGoalRequest(GoalId goal, PoseStamped pose, String behaviorTree) {
    CdrWriter w = new CdrWriter();
    w.writeBytes(goal.bytes());
    PoseStamped.TYPE.writer().accept(w, pose);
    w.writeString(behaviorTree);
    return w.toByteArray();
  }

  /**
   * @param goal the goal id
   * @return {@code NavigateToPose_GetResult_Request}
   */
  public static byte[] getResultRequest(GoalId goal) {
    CdrWriter w = new CdrWriter();
    w.writeBytes(goal.bytes());
    return w.toByteArray();
  }

  /**
   * @param goal the goal to cancel
   * @return {@code action_msgs/srv/CancelGoal_Request} for that goal alone (stamp zero)
   */
  public static byte[] cancelGoalRequest(GoalId goal) {
    CdrWriter w = new CdrWriter();
    w.writeBytes(goal.bytes());
    w.writeInt32(0);
    w.writeInt32(0);
    return w.toByteArray();
  }

  /**
   * {@code NavigateToPose_SendGoal_Response}.
   *
   * @param accepted whether the server took the goal
   */
  public record SendGoalResponse(boolean accepted) {}

  /** @return the decoded send_goal response */
  public static SendGoalResponse sendGoalResponse(byte[] body) {
    CdrReader r = new CdrReader(body);
    boolean accepted = r.readBool();
    r.readInt32();
    r.readInt32();
    return new SendGoalResponse(accepted);
  }

  /**
   * {@code NavigateToPose_GetResult_Response}: the status, and Jazzy's error code and message
   * when the result carries them (Humble's result is empty: code 0, message "").
   *
   * @param status the goal's final status, null when the code is not a known one
   * @param statusCode the status code as sent
   * @param errorCode Nav2's error code
   * @param errorMessage Nav2's error message
   */
  public record Result(GoalStatus status, int statusCode, int errorCode, String errorMessage) {}

  /** @return the decoded get_result response */
  public static Result result(byte[] body) {
    CdrReader r = new CdrReader(body);
    int code = r.readInt8();
    int errorCode = 0;
    String message = "";
    try {
      errorCode = r.readInt16() & 0xffff;
      message = r.readString();
    } catch (CdrException e) {
      // Humble: std_msgs/Empty result. The status alone decides.
      errorCode = 0;
      message = "";
    }
    return new Result(GoalStatus.of(code), code, errorCode, message);
  }

  /**
   * {@code action_msgs/srv/CancelGoal_Response}.
   *
   * @param returnCode 0 none, 1 rejected, 2 unknown goal id, 3 goal terminated
   * @param canceling the goals now canceling
   */
  public record CancelResponse(int returnCode, List<GoalId> canceling) {}

  /** @return the decoded cancel_goal response */
  public static CancelResponse cancelResponse(byte[] body) {
    CdrReader r = new CdrReader(body);
    int code = r.readInt8();
    int n = r.readSequenceLength(24);
    if (n > MAX_LIST) {
      throw new CdrException(r.position(), "cancel response lists " + n + " goals, over "
          + MAX_LIST);
    }
    List<GoalId> goals = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      goals.add(GoalId.of(r.readBytes(16)));
      r.readInt32();
      r.readInt32();
    }
    return new CancelResponse(code, goals);
  }

  /**
   * One entry of {@code action_msgs/msg/GoalStatusArray}.
   *
   * @param goal the goal id
   * @param status its status, null when the code is not a known one
   * @param statusCode the code as sent
   */
  public record StatusEntry(GoalId goal, GoalStatus status, int statusCode) {}

  /** @return the decoded status array */
  public static List<StatusEntry> statusArray(byte[] payload) {
    CdrReader r = new CdrReader(payload);
    int n = r.readSequenceLength(25);
    if (n > MAX_LIST) {
      throw new CdrException(r.position(), "status array of " + n + " goals, over " + MAX_LIST);
    }
    List<StatusEntry> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      GoalId id = GoalId.of(r.readBytes(16));
      r.readInt32();
      r.readInt32();
      int code = r.readInt8();
      out.add(new StatusEntry(id, GoalStatus.of(code), code));
    }
    return out;
  }
}
