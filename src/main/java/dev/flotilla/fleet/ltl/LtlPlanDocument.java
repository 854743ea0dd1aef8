package dev.flotilla.fleet.ltl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.plan.Plan;
import dev.flotilla.plan.task.TaskSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything a synchronizer in another process needs to run the {@code SyncEngine} of seed 003
 * §4.2 on the planner's current LTL plan, sent as JSON on {@code flotilla/ltl_plan_detail}: the
 * scenario text, resources added online, which robot plays which agent, the R-poset (subtasks,
 * order, conflicts) and the plan itself, with the task id of every subtask. Nothing has to be
 * recomputed (planning is time-budgeted, so re-running it would not give the same plan).
 *
 * @param planVersion version, equal to the {@code plan_version} of the matching
 *     {@code flotilla/ltl_plan} message
 * @param epoch node time that plan time 0 stands for, seconds
 * @param scenarioYaml text of the scenario file
 * @param addedResources resources added by online formulas (region to kind to units)
 * @param agents the planning agents, ids 0..N-1, with their robots
 * @param tasks the R-poset the plan executes
 * @param plan the plan
 * @param taskIds task id per subtask id
 */
public record LtlPlanDocument(long planVersion, double epoch, String scenarioYaml,
    Map<String, Map<String, Integer>> addedResources, List<AgentRef> agents, TaskSpec tasks,
    Plan plan, Map<Integer, String> taskIds) {

  /**
   * One planning agent.
   *
   * @param id agent id
   * @param name readable name, e.g. {@code volunteer-2}
   * @param type agent type name
   * @param start start region
   * @param robotId the robot that plays it
   */
  public record AgentRef(int id, String name, String type, String start, String robotId) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** Copies the collections. */
  public LtlPlanDocument {
    addedResources = Map.copyOf(addedResources);
    agents = List.copyOf(agents);
    taskIds = Map.copyOf(taskIds);
  }

  /** @return the document as JSON */
  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An LTL plan document could not be written as JSON.", e);
    }
  }

  /**
   * @param json a document written by {@link #toJson()}
   * @return the document
   * @throws IllegalArgumentException with a plain sentence when the text is no valid document
   */
  public static LtlPlanDocument fromJson(String json) {
    try {
      LtlPlanDocument d = JSON.readValue(json, LtlPlanDocument.class);
      if (d.tasks() == null || d.plan() == null || d.scenarioYaml() == null) {
        throw new IllegalArgumentException("The LTL plan document lacks tasks, plan or scenario.");
      }
      if (d.plan().agents().size() != d.agents().size()) {
        throw new IllegalArgumentException("The LTL plan document has " + d.agents().size()
            + " agents but plans for " + d.plan().agents().size() + ".");
      }
      return d;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The LTL plan document is not valid: "
          + e.getOriginalMessage(), e);
    }
  }
}
