package dev.flotilla.node;

import dev.flotilla.fleet.AllocationSession;
import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.journal.StateJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The allocator's crash-recovery journal ({@code state_dir}): what it writes before it publishes,
 * and how a restarted allocator replays it into its {@link AllocationSession}. Requests and plans
 * are kept as CDR bytes, exactly as on the wire.
 */
final class AllocatorJournal {
  private final StateJournal journal;

  private AllocatorJournal(StateJournal journal) {
    this.journal = journal;
  }

  /**
   * @param stateDir the journal's directory
   * @param nodeName the node's name (the database file's name)
   * @return the opened journal
   */
  static AllocatorJournal open(Path stateDir, String nodeName) {
    return new AllocatorJournal(StateJournal.open(stateDir, nodeName));
  }

  /**
   * Plan times count from the first start, so task decay survives a restart.
   *
   * @param now node-clock time in seconds
   * @return the journaled epoch, or {@code now} (then journaled) on the first start
   */
  double epoch(double now) {
    double epoch = journal.number("epoch").orElse(now);
    if (journal.number("epoch").isEmpty()) {
      journal.put("epoch", Double.toString(now));
    }
    return epoch;
  }

  /** @return the database file */
  Path file() {
    return journal.file();
  }

  /** @return whether the journal holds no state of an earlier run */
  boolean fresh() {
    return journal.fresh();
  }

  /**
   * Replays the journal into the (passive) session: robots, accepted tasks not yet done, failed
   * pairs, the planner's LTL plan and the last published plan, whose version ours will exceed.
   *
   * @param session the passive session
   * @param discoverRobots whether robots that are not configured may join
   * @param now node-clock time in seconds
   * @param ltlPlan takes the journaled LTL plan
   * @param adopt takes the last published plan
   * @param log where the summary goes
   * @return whether there was state to restore
   */
  boolean restore(AllocationSession session, boolean discoverRobots, double now,
      Consumer<Allocation> ltlPlan, Consumer<Allocation> adopt, Logger log) {
    // Even a journal with no state may hold a version high-water mark (kept by a recovery).
    session.versionAtLeast(journal.maxVersion());
    if (journal.fresh()) {
      return false;
    }
    for (StateJournal.Task t : journal.tasks()) {
      if (t.state() == StateJournal.TaskState.ACCEPTED) {
        session.taskAdded(PlanMessages.task(TaskRequest.TYPE.decode(t.request())),
            t.receivedAt());
      }
    }
    for (StateJournal.Robot r : journal.robots().values()) {
      if (!session.knows(r.robotId()) && !discoverRobots) {
        continue;
      }
      session.robotAvailable(r.robotId(), now, false);
      if (!r.alive()) {
        session.robotFailed(r.robotId(), now);
      }
      Point3 position = r.position();
      if (position != null) {
        session.setPosition(r.robotId(), position, now);
      }
    }
    // Operators' pauses first: a paused robot restored below stays out of the pool.
    pausedRobots().forEach(id -> session.robotPaused(id, now));
    cancelledTasks().forEach(id -> session.taskCancelled(id, now));
    for (String pair : journal.failedPairs()) {
      int bar = pair.indexOf('|');
      session.taskFailed(pair.substring(0, bar), pair.substring(bar + 1), now);
    }
    journal.blob("ltl_plan").ifPresent(b -> ltlPlan.accept(Allocation.TYPE.decode(b)));
    journal.latestPlan().ifPresent(b -> adopt.accept(Allocation.TYPE.decode(b)));
    session.versionAtLeast(journal.maxVersion());
    log.info("restored from " + journal.file() + ": " + journal.tasks().stream()
        .filter(t -> t.state() == StateJournal.TaskState.ACCEPTED).count() + " open tasks, "
        + journal.robots().size() + " robots, last plan version " + session.version());
    return true;
  }

  /**
   * Journals an accepted task unless it is known.
   *
   * @param t the task
   * @param now node-clock time in seconds
   * @return false when the task was completed before (a copy from the planner's history after
   *     our restart): it must never be done again
   */
  boolean taskAccepted(TaskRequest t, double now) {
    var state = journal.taskState(t.taskId());
    if (state.isPresent() && state.get() == StateJournal.TaskState.DONE) {
      return false;
    }
    if (state.isEmpty()) {
      journal.taskReceived(t.taskId(), TaskRequest.TYPE.encode(t), now,
          StateJournal.TaskState.ACCEPTED);
    }
    return true;
  }

  /**
   * Durable before anyone can see a plan without it: the task is never planned again, even when
   * its acceptance arrives after this completion (no order across topics).
   */
  void taskDone(String taskId, double now) {
    if (journal.taskState(taskId).isEmpty()) {
      journal.taskReceived(taskId, new byte[0], now, StateJournal.TaskState.DONE);
    } else {
      journal.taskState(taskId, StateJournal.TaskState.DONE, now);
    }
  }

  /** Meta key: ids of tasks operators cancelled, one per line (issue 14). */
  private static final String CANCELLED = "cancelled_tasks";
  /** Meta key: ids of robots operators paused, one per line. */
  private static final String PAUSED = "paused_robots";

  /**
   * Durable before the plan without it is published: the task is never planned again after a
   * restart (it is journaled as done, and listed as cancelled so a repeat says why).
   */
  void taskCancelled(String taskId, double now) {
    journal.batch(() -> {
      taskDone(taskId, now);
      List<String> ids = new ArrayList<>(cancelledTasks());
      if (!ids.contains(taskId)) {
        ids.add(taskId);
      }
      journal.put(CANCELLED, String.join("\n", ids));
    });
  }

  /** @return tasks cancelled by operators, in order */
  List<String> cancelledTasks() {
    return lines(CANCELLED);
  }

  /** @param robots robots paused now, replacing the journaled set */
  void pausedRobots(Set<String> robots) {
    journal.put(PAUSED, String.join("\n", robots));
  }

  /** @return robots paused by operators */
  List<String> pausedRobots() {
    return lines(PAUSED);
  }

  private List<String> lines(String key) {
    return journal.meta(key).map(v -> v.isEmpty() ? List.<String>of()
        : List.of(v.split("\n"))).orElse(List.of());
  }

  void failedPair(String robotId, String taskId) {
    journal.failedPair(robotId, taskId);
  }

  /** Keeps the planner's LTL plan when it is newer than the one journaled. */
  void ltlPlan(Allocation plan) {
    if (plan.planVersion() > journal.meta("ltl_version").map(Long::parseLong).orElse(0L)) {
      journal.batch(() -> {
        journal.putBlob("ltl_plan", Allocation.TYPE.encode(plan));
        journal.put("ltl_version", Long.toString(plan.planVersion()));
      });
    }
  }

  /** Commits a plan before it is published, with the robots' liveness and positions. */
  void published(Allocation allocation, AllocationSession session, double now) {
    Set<String> alive = session.alive();
    journal.batch(() -> {
      journal.planPublished(allocation.planVersion(), allocation.cause(), now,
          Allocation.TYPE.encode(allocation));
      session.positions().forEach((id, p) -> {
        if (alive.contains(id) || session.failed().contains(id)) {
          journal.robot(new StateJournal.Robot(id, alive.contains(id), p));
        }
      });
    });
  }

  /** Notes a plan version seen elsewhere, so a restart issues versions above it. */
  void versionSeen(long version) {
    if (version > journal.maxVersion()) {
      journal.versionSeen(version);
    }
  }
}
