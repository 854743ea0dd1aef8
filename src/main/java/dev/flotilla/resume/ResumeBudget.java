package dev.flotilla.resume;

import java.time.Duration;

/**
 * A time budget for computing one resume (issue #13): checked between stages and inside the
 * sampling loops, so a pathological description is refused instead of tying up a node. The
 * caller picks the thread; this is only the deadline.
 */
public final class ResumeBudget {

  /** Default budget: 2 s, about 20 times the slowest real robot seen. */
  public static final Duration DEFAULT = Duration.ofSeconds(2);

  private final long deadlineNanos;
  private final Duration budget;

  private ResumeBudget(Duration budget) {
    this.budget = budget;
    long now = System.nanoTime();
    long n = budget.toNanos();
    this.deadlineNanos = n >= Long.MAX_VALUE / 2 ? Long.MAX_VALUE : now + n;
  }

  /**
   * A budget starting now.
   *
   * @param budget wall time allowed, positive
   * @return the budget
   */
  public static ResumeBudget of(Duration budget) {
    if (budget.isNegative() || budget.isZero()) {
      throw new IllegalArgumentException("A resume time budget must be positive, got "
          + budget + ".");
    }
    return new ResumeBudget(budget);
  }

  /** No deadline. */
  public static ResumeBudget unlimited() {
    return new ResumeBudget(Duration.ofNanos(Long.MAX_VALUE));
  }

  /**
   * Throws when the budget is spent.
   *
   * @param stage what is being done, for the message
   * @throws ResumeRefusedException when the deadline has passed
   */
  public void check(String stage) {
    if (deadlineNanos != Long.MAX_VALUE && System.nanoTime() - deadlineNanos > 0) {
      throw new ResumeRefusedException("the resume took longer than its budget of "
          + budget.toMillis() + " ms (while " + stage + "); refused");
    }
  }
}
