package dev.flotilla.fleet.ltl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.plan.ChainAssignment;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an {@link LtlTaskPlanner} journals so that a restarted planner gets the plan in force back
 * exactly: the planning calls that succeeded, in order, each with the assignments of the plan it
 * produced. Replaying the calls rebuilds the same problem (compilation and chain enumeration are
 * deterministic); the assignments replace the time-budgeted search, which would find another plan
 * and so repeat steps the robots already did.
 *
 * @param epoch node time that plan time 0 stands for, seconds
 * @param calls the successful planning calls, oldest first
 * @param startedChains subtask ids whose chain has started according to the synchronizer
 * @param goSeen whether a GO of the running plan was seen (else planned times stand in for them)
 * @param paused robots paused by an operator: no LTL work is planned for them (absent in records
 *     written before pausing existed: none)
 * @param reported steps robots reported reaching or finishing, as "agent/subtask/chain step"
 *     (absent in older records: none)
 * @param failed robots the synchronizer declared failed and that have not recovered: no LTL work
 *     is planned for them (absent in records written before failures moved LTL work: none)
 * @param completed the reported steps robots reported finishing, same keys: a failed robot's
 *     chain counts as done only by these (absent in older records: none)
 */
public record LtlSessionRecord(double epoch, List<Call> calls, Set<Integer> startedChains,
    boolean goSeen, Set<String> paused, Set<String> reported, Set<String> failed,
    Set<String> completed) {

  /**
   * A record without failed robots.
   *
   * @param epoch node time that plan time 0 stands for, seconds
   * @param calls the successful planning calls, oldest first
   * @param startedChains subtask ids whose chain has started
   * @param goSeen whether a GO of the running plan was seen
   * @param paused robots paused by an operator
   * @param reported steps robots reported reaching or finishing
   */
  public LtlSessionRecord(double epoch, List<Call> calls, Set<Integer> startedChains,
      boolean goSeen, Set<String> paused, Set<String> reported) {
    this(epoch, calls, startedChains, goSeen, paused, reported, Set.of(), Set.of());
  }

  /**
   * A record without paused robots.
   *
   * @param epoch node time that plan time 0 stands for, seconds
   * @param calls the successful planning calls, oldest first
   * @param startedChains subtask ids whose chain has started
   * @param goSeen whether a GO of the running plan was seen
   */
  public LtlSessionRecord(double epoch, List<Call> calls, Set<Integer> startedChains,
      boolean goSeen) {
    this(epoch, calls, startedChains, goSeen, Set.of(), Set.of());
  }

  /**
   * One successful planning call.
   *
   * @param taskIds the tasks it accepted, in acceptance order
   * @param formulas their formula texts
   * @param online false for the offline plan, true for an online formula
   * @param releaseS online: seconds after the epoch when it was planned
   * @param resources online: resources that appeared with it (region to kind to units)
   * @param started online: subtask ids treated as started (resolved, never null)
   * @param assignments the resulting plan's assignments, in order
   * @param change empty for a planning call; {@link #CANCEL} when the call cancelled the task of
   *     {@code taskIds} (no formulas), {@link #MOVE} when it moved work off paused or failed
   *     robots (no tasks, no formulas); both replay with {@code PlanningSession.replace}
   */
  public record Call(
      List<String> taskIds,
      List<String> formulas,
      boolean online,
      double releaseS,
      Map<String, Map<String, Integer>> resources,
      Set<Integer> started,
      List<ChainAssignment> assignments,
      String change) {

    /** {@link #change()} of a cancellation. */
    public static final String CANCEL = "cancel";
    /** {@link #change()} of work moved off paused or failed robots. */
    public static final String MOVE = "move";

    /**
     * A planning call.
     *
     * @param taskIds the tasks it accepted
     * @param formulas their formula texts
     * @param online whether online
     * @param releaseS online: seconds after the epoch
     * @param resources online: resources that appeared with it
     * @param started online: subtask ids treated as started
     * @param assignments the resulting plan's assignments
     */
    public Call(List<String> taskIds, List<String> formulas, boolean online, double releaseS,
        Map<String, Map<String, Integer>> resources, Set<Integer> started,
        List<ChainAssignment> assignments) {
      this(taskIds, formulas, online, releaseS, resources, started, assignments, "");
    }

    /** Copies the collections. */
    public Call {
      change = change == null ? "" : change;
      taskIds = List.copyOf(taskIds);
      formulas = List.copyOf(formulas);
      resources = Map.copyOf(resources);
      started = Set.copyOf(started);
      assignments = List.copyOf(assignments);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Copies the collections. */
  public LtlSessionRecord {
    calls = List.copyOf(calls);
    startedChains = Set.copyOf(startedChains);
    paused = paused == null ? Set.of() : Set.copyOf(paused);
    reported = reported == null ? Set.of() : Set.copyOf(reported);
    failed = failed == null ? Set.of() : Set.copyOf(failed);
    completed = completed == null ? Set.of() : Set.copyOf(completed);
  }

  /** @return the record as JSON */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An LTL session record could not be written as JSON.", e);
    }
  }

  /**
   * @param json a record written by {@link #toJson()}
   * @return the record
   * @throws IllegalArgumentException with a plain sentence when the text is no valid record
   */
  public static LtlSessionRecord fromJson(String json) {
    try {
      LtlSessionRecord r = JSON.readValue(json, LtlSessionRecord.class);
      if (r.calls().isEmpty() || r.calls().get(0).online()) {
        throw new IllegalArgumentException("The LTL session record does not start with an "
            + "offline plan.");
      }
      return r;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The LTL session record is not valid: "
          + e.getOriginalMessage(), e);
    }
  }
}
