package dev.flotilla.cockpit;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the fleet answered to one operator request.
 *
 * @param outcome accepted, rejected, or why there was no answer
 * @param subject the task or robot the request was about
 * @param reason the planner's or allocator's reason, or the cockpit's own sentence
 * @param column 1-based column of an LTL formula's syntax error, or -1
 */
public record OperatorVerdict(Outcome outcome, String subject, String reason, int column) {

  private static final Pattern COLUMN = Pattern.compile("column (\\d+)");

  /** How a request ended. */
  public enum Outcome {
    /** The planner accepted the task, or the allocator carried out the command. */
    ACCEPTED,
    /** Refused, or a no-op (a finished or unknown task), with the reason. */
    REJECTED,
    /** Refused by the cockpit itself before anything was sent (bad input). */
    INVALID,
    /** The fleet was reached and the request sent, but no verdict came within the timeout. */
    NO_ANSWER,
    /** Nothing of the fleet was heard on the domain within the timeout; nothing was sent. */
    UNREACHABLE
  }

  /**
   * @param outcome the outcome
   * @param subject task or robot id
   * @param reason the reason
   * @return the verdict, with the column taken from a reason that names one
   */
  public static OperatorVerdict of(Outcome outcome, String subject, String reason) {
    Matcher m = COLUMN.matcher(reason);
    return new OperatorVerdict(outcome, subject, reason,
        m.find() ? Integer.parseInt(m.group(1)) : -1);
  }

  /** @return whether the fleet accepted the request */
  public boolean accepted() {
    return outcome == Outcome.ACCEPTED;
  }
}
