package dev.flotilla.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.cockpit.TaskSubmission;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The submit form's JSON as a {@link TaskSubmission}: {@code {"kind":"multi_robot"|"ltl",
 * "id", "x", "y", "region", "robots", "utility", "decay", "duration", "deadline", "priority",
 * "needs":[…], "formula"}}, every field optional except the site or formula; omitted terms take
 * the CLI's defaults ({@link TaskSubmission#at}). Unknown fields and wrong types are refused with
 * a sentence naming the field; the task's own rules are checked by the cockpit.
 */
final class SubmissionJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("kind", "id", "x", "y", "region", "robots",
      "utility", "decay", "duration", "deadline", "priority", "needs", "formula");
  private static final int MAX_NEEDS = 64;

  private SubmissionJson() {}

  /**
   * @param body the request body
   * @return the submission (id generated when omitted or empty)
   * @throws BadRequest naming what is wrong
   */
  static TaskSubmission parse(String body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw notJson(e);
    }
    if (root == null || !root.isObject()) {
      throw new BadRequest("The request body must be a JSON object.");
    }
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!FIELDS.contains(f)) {
        throw new BadRequest("Unknown field '" + f + "'; known: " + String.join(", ",
            FIELDS.stream().sorted().toList()) + ".");
      }
    }
    String id = text(root, "id", "");
    if (id.isEmpty()) {
      id = TaskSubmission.newId();
    }
    String kind = text(root, "kind", "multi_robot");
    if (kind.equals("ltl")) {
      return TaskSubmission.ltl(id, text(root, "formula", ""));
    }
    if (!kind.equals("multi_robot")) {
      throw new BadRequest("Field 'kind' must be multi_robot or ltl, got '" + kind + "'.");
    }
    String region = text(root, "region", "");
    if (region.isEmpty() && (!root.has("x") || !root.has("y"))) {
      throw new BadRequest("A multi-robot task needs a site: fields 'x' and 'y', or 'region'.");
    }
    TaskSubmission base = region.isEmpty()
        ? TaskSubmission.at(id, number(root, "x", 0), number(root, "y", 0))
        : TaskSubmission.inRegion(id, region);
    double robots = number(root, "robots", base.robots());
    if (robots != Math.rint(robots) || Math.abs(robots) > 1e6) {
      throw new BadRequest("Field 'robots' must be a whole number, got " + robots + ".");
    }
    return base.withTerms((int) robots, number(root, "utility", base.utility()),
        number(root, "decay", base.decay()), number(root, "duration", base.duration()),
        number(root, "deadline", base.deadline()), number(root, "priority", base.priority()),
        needs(root));
  }

  /**
   * @param e the parser's complaint
   * @return a sentence with its line and column, without the parser's internals
   */
  static BadRequest notJson(JsonProcessingException e) {
    String what = e.getOriginalMessage().split("[\\n(]", 2)[0].strip();
    if (what.endsWith(":")) {
      what = what.substring(0, what.length() - 1);
    }
    var at = e.getLocation();
    return new BadRequest("The request body is not valid JSON" + (at == null ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": " + what + ".");
  }

  private static String text(JsonNode root, String field, String otherwise) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull()) {
      return otherwise;
    }
    if (!n.isTextual()) {
      throw new BadRequest("Field '" + field + "' must be a string.");
    }
    return n.asText().strip();
  }

  private static double number(JsonNode root, String field, double otherwise) {
    JsonNode n = root.get(field);
    if (n == null || n.isNull() || n.isTextual() && n.asText().isBlank()) {
      return otherwise;
    }
    if (n.isNumber()) {
      return n.asDouble();
    }
    if (n.isTextual()) {
      // Form fields arrive as text.
      try {
        return Double.parseDouble(n.asText().strip());
      } catch (NumberFormatException e) {
        // Falls through to the sentence below.
      }
    }
    throw new BadRequest("Field '" + field + "' must be a number, got " + n + ".");
  }

  private static List<String> needs(JsonNode root) {
    JsonNode n = root.get("needs");
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isTextual()) {
      for (String c : n.asText().split("[,\\s]+")) {
        if (!c.isEmpty()) {
          out.add(c);
        }
      }
    } else if (n.isArray()) {
      for (JsonNode c : n) {
        if (!c.isTextual()) {
          throw new BadRequest("Field 'needs' must list capability names as strings.");
        }
        out.add(c.asText());
      }
    } else {
      throw new BadRequest("Field 'needs' must be a list of capability names.");
    }
    if (out.size() > MAX_NEEDS) {
      throw new BadRequest("Field 'needs' lists " + out.size() + " capabilities; at most "
          + MAX_NEEDS + " are accepted.");
    }
    return out;
  }
}
