package dev.flotilla.cockpit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshots as JSON for programs ({@code --json}) and the dashboard: the records' fields in
 * snake-less camelCase as declared, states as their lower-case labels, unknown values as null.
 */
public final class SnapshotJson {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private SnapshotJson() {}

  /**
   * @param value a snapshot, a part of one, or a verdict
   * @return its JSON text
   */
  public static String of(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot render " + value.getClass().getSimpleName()
          + " as JSON: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * @param s a snapshot
   * @return {@code {"planVersion":…, "robots":[…]}}: the fleet table's content
   */
  public static String fleet(FleetSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planVersion", s.planVersion());
    m.put("robots", s.robots());
    return of(m);
  }

  /**
   * @param s a snapshot
   * @return {@code {"planVersion":…, "tasks":[…]}}
   */
  public static String tasks(FleetSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planVersion", s.planVersion());
    m.put("tasks", s.tasks());
    return of(m);
  }

  /**
   * @param s a snapshot
   * @return {@code {"planVersion":…, "expectedUtility":…, "plan":{robot:[steps]}}}
   */
  public static String plan(FleetSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("planVersion", s.planVersion());
    m.put("expectedUtility", s.expectedUtility());
    m.put("plan", s.plan());
    return of(m);
  }
}
