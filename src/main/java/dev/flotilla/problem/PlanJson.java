package dev.flotilla.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.flotilla.model.PlannedStep;
import dev.flotilla.model.RobotItinerary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The plan as JSON for programs ({@code flotilla plan --json}); the shape is documented in
 * {@code docs/problem.md}. Keys are snake_case, times seconds from plan time 0, positions metres
 * in the map frame.
 */
public final class PlanJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private PlanJson() {}

  /**
   * @param p the plan
   * @return the JSON text
   */
  public static String render(OfflinePlan p) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("problem", p.problem().source());
    out.put("algorithm", p.problem().allocation().eventTriggered() ? "potential_game"
        : "greedy");
    out.put("expected_utility", p.expectedUtility());
    if (p.ltlCost() != null) {
      OfflinePlan.LtlCost c = p.ltlCost();
      Map<String, Object> cost = new LinkedHashMap<>();
      cost.put("objective", c.objective());
      cost.put("makespan_s", c.makespanS());
      cost.put("resource_cost", c.resourceCost());
      cost.put("travel_m", c.travelM());
      cost.put("weights", Map.of("alpha", c.alpha(), "beta", c.beta(), "gamma", c.gamma()));
      out.put("ltl_cost", cost);
    } else {
      out.put("ltl_cost", null);
    }
    List<Object> robots = new ArrayList<>();
    for (RobotItinerary r : p.plan().itineraries()) {
      List<Object> steps = new ArrayList<>();
      for (PlannedStep s : r.steps()) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("task", s.taskId());
        step.put("step", s.stepIndex());
        step.put("action", s.action());
        step.put("region", s.region());
        step.put("x", s.goal() == null ? null : s.goal().x());
        step.put("y", s.goal() == null ? null : s.goal().y());
        step.put("start_s", s.plannedStart());
        step.put("finish_s", s.plannedFinish());
        step.put("role", s.role().name().toLowerCase(Locale.ROOT));
        step.put("partners", s.partners());
        steps.add(step);
      }
      Map<String, Object> robot = new LinkedHashMap<>();
      robot.put("robot", r.robotId());
      robot.put("steps", steps);
      robots.add(robot);
    }
    out.put("robots", robots);
    List<Object> unassigned = new ArrayList<>();
    for (OfflinePlan.Unassigned u : p.unassigned()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("task", u.taskId());
      m.put("reason", u.reason());
      unassigned.add(m);
    }
    out.put("unassigned", unassigned);
    List<Object> decisions = new ArrayList<>();
    for (OfflinePlan.Decision d : p.decisions()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("at_s", d.at());
      m.put("task", d.taskId());
      m.put("kind", d.kind());
      m.put("accepted", d.accepted());
      m.put("detail", d.detail());
      decisions.add(m);
    }
    out.put("decisions", decisions);
    try {
      return JSON.writeValueAsString(out) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The plan could not be written as JSON.", e);
    }
  }
}
