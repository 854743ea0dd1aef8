package dev.flotilla.node;

import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.ros.TopicNames;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks an {@code OperatorCommand} field by field (issue 14): the planner before it forwards one,
 * the operator's tools before they send one. Whether the task or robot exists is the planner's and
 * allocator's business; this is the message's shape.
 */
public final class OperatorCommandValidator {
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  /** Longer reasons are refused: they are logged and published in events. */
  public static final int MAX_REASON = 1024;

  private OperatorCommandValidator() {}

  /**
   * @param c the command
   * @return the first problem, as a sentence naming the field, or empty
   */
  public static Optional<String> problem(OperatorCommand c) {
    if (c.reason().length() > MAX_REASON) {
      return Optional.of("reason has " + c.reason().length() + " characters; at most "
          + MAX_REASON + " are accepted");
    }
    return switch (c.kind()) {
      case OperatorCommand.KIND_CANCEL_TASK -> TASK_ID.matcher(c.taskId()).matches()
          ? Optional.empty()
          : Optional.of("task_id '" + c.taskId() + "' must be 1-128 letters, digits, '_', '.' "
              + "or '-'");
      case OperatorCommand.KIND_PAUSE_ROBOT, OperatorCommand.KIND_RESUME_ROBOT ->
          TopicNames.isValidRobotId(c.robotId()) ? Optional.empty()
              : Optional.of("robot_id '" + c.robotId() + "' is not a valid robot id (letters, "
                  + "digits, underscores, not starting with a digit)");
      default -> Optional.of("kind " + Byte.toUnsignedInt(c.kind()) + " is not KIND_CANCEL_TASK "
          + "(0), KIND_PAUSE_ROBOT (1) or KIND_RESUME_ROBOT (2)");
    };
  }
}
