package dev.flotilla.ros.action;

/** {@code action_msgs/msg/GoalStatus} status codes, as the action server reports them. */
public enum GoalStatus {
  UNKNOWN(0), ACCEPTED(1), EXECUTING(2), CANCELING(3), SUCCEEDED(4), CANCELED(5), ABORTED(6);

  private final int code;

  GoalStatus(int code) {
    this.code = code;
  }

  /** @return the wire code */
  public int code() {
    return code;
  }

  /** @return whether the goal is over (succeeded, canceled or aborted) */
  public boolean terminal() {
    return this == SUCCEEDED || this == CANCELED || this == ABORTED;
  }

  /**
   * @param code a wire code
   * @return its status, or null when the code is not one of action_msgs' seven
   */
  public static GoalStatus of(int code) {
    for (GoalStatus s : values()) {
      if (s.code == code) {
        return s;
      }
    }
    return null;
  }
}
