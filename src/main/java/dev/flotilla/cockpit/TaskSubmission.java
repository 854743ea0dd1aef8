package dev.flotilla.cockpit;

import dev.flotilla.ltl.syntax.LtlParser;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.NodeClock.Stamps;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A task as an operator writes it, before it becomes a {@code TaskRequest}: checked here with the
 * planner's own rules (and an LTL formula's syntax, with its column), so bad input is refused
 * before anything is sent. The planner checks again (regions, co-safety, the fleet's agents).
 *
 * @param id task id (1-128 letters, digits, '_', '.', '-')
 * @param kind multi-robot (seed 001) or LTL (seed 003)
 * @param formula LTL: the sc-LTL formula; empty otherwise
 * @param region multi-robot: a named region of the fleet, or empty to use {@code x}, {@code y}
 * @param x multi-robot: the site in map, metres (ignored with a region)
 * @param y multi-robot: the site in map, metres
 * @param robots multi-robot: robots needed at once, 1..1000
 * @param utility base utility r_j, &gt; 0
 * @param decay time-decay rate mu_j in 1/s, &gt;= 0
 * @param duration seconds of work once every robot is there, &gt;= 0
 * @param deadline absolute deadline on the fleet's clock in seconds, 0 for none
 * @param priority priority weight, &gt;= 0
 * @param needs capabilities every assigned robot must have
 */
public record TaskSubmission(String id, Kind kind, String formula, String region, double x,
    double y, int robots, double utility, double decay, double duration, double deadline,
    double priority, List<String> needs) {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");
  private static final int MAX_FORMULA = 4096;

  /** The two task families Flotilla plans. */
  public enum Kind {
    /** Seed 001: N robots at one site at the same time. */
    MULTI_ROBOT,
    /** Seed 003: an sc-LTL formula over action_region propositions. */
    LTL
  }

  public TaskSubmission {
    needs = List.copyOf(needs);
  }

  /**
   * @param id task id
   * @param x site x in map, metres
   * @param y site y in map, metres
   * @return a one-robot task with the defaults: utility 100, decay 0.01/s, 10 s of work
   */
  public static TaskSubmission at(String id, double x, double y) {
    return new TaskSubmission(id, Kind.MULTI_ROBOT, "", "", x, y, 1, 100, 0.01, 10, 0, 0,
        List.of());
  }

  /**
   * @param id task id
   * @param region a named region of the fleet
   * @return a one-robot task at that region with the defaults of {@link #at}
   */
  public static TaskSubmission inRegion(String id, String region) {
    return new TaskSubmission(id, Kind.MULTI_ROBOT, "", region, 0, 0, 1, 100, 0.01, 10, 0, 0,
        List.of());
  }

  /**
   * @param id task id
   * @param formula the sc-LTL formula
   * @return an LTL task
   */
  public static TaskSubmission ltl(String id, String formula) {
    return new TaskSubmission(id, Kind.LTL, formula, "", 0, 0, 1, 100, 0, 0, 0, 0, List.of());
  }

  /** @return a fresh task id, {@code task-} and eight hex digits */
  public static String newId() {
    return "task-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * @param newId the id
   * @return this task with that id
   */
  public TaskSubmission withId(String newId) {
    return new TaskSubmission(newId, kind, formula, region, x, y, robots, utility, decay,
        duration, deadline, priority, needs);
  }

  /**
   * @param n robots needed at once
   * @param r base utility
   * @param mu decay rate
   * @param d duration
   * @param dl absolute deadline, 0 for none
   * @param p priority
   * @param caps capabilities needed
   * @return this task with those terms
   */
  public TaskSubmission withTerms(int n, double r, double mu, double d, double dl, double p,
      List<String> caps) {
    return new TaskSubmission(id, kind, formula, region, x, y, n, r, mu, d, dl, p, caps);
  }

  /**
   * The first problem found, as a sentence naming the field (the planner's rules, plus the
   * formula's syntax); nothing when the task may be sent.
   *
   * @return the problem, or empty
   */
  public Optional<String> problem() {
    if (id == null || !ID.matcher(id).matches()) {
      return Optional.of("task id '" + id + "' must be 1-128 letters, digits, '_', '.' or '-'.");
    }
    if (kind == Kind.LTL) {
      if (formula == null || formula.isBlank()) {
        return Optional.of("the LTL formula is empty.");
      }
      if (formula.length() > MAX_FORMULA) {
        return Optional.of("the LTL formula has " + formula.length() + " characters; at most "
            + MAX_FORMULA + " are accepted.");
      }
      try {
        LtlParser.parse(formula);
      } catch (IllegalArgumentException e) {
        // LtlSyntaxException: its message names the column.
        return Optional.of("formula: " + e.getMessage());
      }
      return Optional.empty();
    }
    if (region.isEmpty() && (!Double.isFinite(x) || !Double.isFinite(y))) {
      return Optional.of("the site (" + x + ", " + y + ") has a non-finite coordinate.");
    }
    if (robots < 1 || robots > 1000) {
      return Optional.of("robots must be within 1..1000, got " + robots + ".");
    }
    if (!Double.isFinite(utility) || utility <= 0) {
      return Optional.of("utility must be a finite number > 0, got " + utility + ".");
    }
    if (!Double.isFinite(decay) || decay < 0) {
      return Optional.of("decay must be a finite number >= 0, got " + decay + ".");
    }
    if (!Double.isFinite(duration) || duration < 0) {
      return Optional.of("duration must be a finite number >= 0, got " + duration + ".");
    }
    if (!Double.isFinite(deadline) || deadline < 0) {
      return Optional.of("deadline must be a finite time >= 0, got " + deadline + ".");
    }
    if (!Double.isFinite(priority) || priority < 0) {
      return Optional.of("priority must be a finite number >= 0, got " + priority + ".");
    }
    for (String c : needs) {
      if (c.isBlank()) {
        return Optional.of("a needed capability is empty.");
      }
    }
    return Optional.empty();
  }

  /** @return the request as the planner receives it (unsigned; the bus signs it) */
  public TaskRequest toMessage() {
    if (kind == Kind.LTL) {
      return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_LTL).ltlFormula(formula)
          .build();
    }
    return TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT).region(region)
        .location(new Point(region.isEmpty() ? x : 0, region.isEmpty() ? y : 0, 0))
        .requiredRobots(robots).baseUtility(utility).decayRate(decay).duration(duration)
        .deadline(Stamps.time(deadline)).priority(priority).requiredCapabilities(needs).build();
  }
}
