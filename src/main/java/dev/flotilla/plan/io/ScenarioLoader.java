package dev.flotilla.plan.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.flotilla.model.Point3;
import dev.flotilla.plan.model.ActionSpec;
import dev.flotilla.plan.model.AgentType;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.Environment;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Region;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Loads a planning scenario (environment of Definition 4, agent models of Definition 5, formulas
 * and cases of seed 003) from YAML; see {@code params/scenarios/trackfield.yaml} for the format.
 * Every error names the file and the field path, e.g. {@code trackfield.yaml: actions.gw.duration:
 * expected a number}.
 */
public final class ScenarioLoader {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final String file;

  private ScenarioLoader(String file) {
    this.file = file;
  }

  /**
   * Loads a scenario file.
   *
   * @param path the YAML file
   * @return the scenario
   * @throws ScenarioException when the file is unreadable or malformed
   */
  public static Scenario load(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new ScenarioException(path + ": cannot read the file (" + e.getMessage() + ").", e);
    }
    return parse(text, path.toString());
  }

  /**
   * Parses scenario text.
   *
   * @param yaml the YAML text
   * @param fileName name used in error messages
   * @return the scenario
   * @throws ScenarioException when the text is malformed
   */
  public static Scenario parse(String yaml, String fileName) {
    JsonNode root;
    try {
      root = YAML.readTree(yaml);
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw new ScenarioException(
          fileName + ": not valid YAML" + where + " (" + e.getOriginalMessage() + ").", e);
    }
    return new ScenarioLoader(fileName).scenario(root);
  }

  private ScenarioException error(String field, String problem) {
    return new ScenarioException(file + ": " + field + ": " + problem + ".");
  }

  private JsonNode object(JsonNode parent, String name, String path) {
    JsonNode n = parent == null ? null : parent.get(name);
    if (n == null || !n.isObject()) {
      throw error(path, "expected a mapping");
    }
    return n;
  }

  private String text(JsonNode parent, String name, String path) {
    JsonNode n = parent.get(name);
    if (n == null || !n.isValueNode() || n.asText().isBlank()) {
      throw error(path, "expected a non-empty text value");
    }
    return n.asText();
  }

  private double number(JsonNode parent, String name, String path) {
    JsonNode n = parent.get(name);
    if (n == null || !n.isNumber()) {
      throw error(path, "expected a number");
    }
    return n.asDouble();
  }

  private List<String> texts(JsonNode n, String path) {
    if (n == null || !n.isArray()) {
      throw error(path, "expected a list");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      if (!n.get(i).isValueNode()) {
        throw error(path + "[" + i + "]", "expected a text value");
      }
      out.add(n.get(i).asText());
    }
    return out;
  }

  private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode n) {
    return n::fields;
  }

  private Scenario scenario(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw error("(top level)", "expected a mapping");
    }
    String name = root.has("name") ? root.get("name").asText() : file;
    List<Region> regions = new ArrayList<>();
    Map<String, Map<String, Integer>> stocks = resources(root);
    JsonNode regionsNode = object(root, "regions", "regions");
    for (Map.Entry<String, JsonNode> e : fields(regionsNode)) {
      String path = "regions." + e.getKey();
      if (!e.getValue().isObject()) {
        throw error(path, "expected a mapping with x and y");
      }
      Point3 p =
          Point3.of(number(e.getValue(), "x", path + ".x"), number(e.getValue(), "y", path + ".y"));
      regions.add(new Region(e.getKey(), p, stocks.getOrDefault(e.getKey(), Map.of())));
    }
    Set<String> regionNames = new LinkedHashSet<>();
    regions.forEach(r -> regionNames.add(r.name()));
    for (String r : stocks.keySet()) {
      if (!regionNames.contains(r)) {
        throw error("resources." + r, "unknown region " + r);
      }
    }
    List<String[]> edges = edges(root.get("transitions"), regionNames);
    Map<String, Double> costs = new HashMap<>();
    if (root.has("resourceCosts")) {
      for (Map.Entry<String, JsonNode> e : fields(object(root, "resourceCosts", "resourceCosts"))) {
        if (!e.getValue().isNumber() || e.getValue().asDouble() < 0) {
          throw error("resourceCosts." + e.getKey(), "expected a number >= 0");
        }
        costs.put(e.getKey(), e.getValue().asDouble());
      }
    }
    Environment env = new Environment(regions, edges, costs);
    Map<String, ActionSpec> actions = actions(object(root, "actions", "actions"), regionNames);
    Map<String, AgentType> types =
        agentTypes(object(root, "agentTypes", "agentTypes"), actions, regionNames);
    Map<String, String> formulas = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(object(root, "formulas", "formulas"))) {
      if (!e.getValue().isTextual() || e.getValue().asText().isBlank()) {
        throw error("formulas." + e.getKey(), "expected the formula as text");
      }
      formulas.put(e.getKey(), e.getValue().asText());
    }
    Map<String, CaseSpec> cases = new LinkedHashMap<>();
    if (root.has("cases")) {
      for (Map.Entry<String, JsonNode> e : fields(object(root, "cases", "cases"))) {
        cases.put(e.getKey(), caseSpec(e.getKey(), e.getValue(), types, formulas, regionNames));
      }
    }
    return new Scenario(name, env, actions, types, formulas, cases);
  }

  private Map<String, Map<String, Integer>> resources(JsonNode root) {
    Map<String, Map<String, Integer>> out = new HashMap<>();
    if (!root.has("resources")) {
      return out;
    }
    for (Map.Entry<String, JsonNode> e : fields(object(root, "resources", "resources"))) {
      out.put(e.getKey(), counts(e.getValue(), "resources." + e.getKey()));
    }
    return out;
  }

  private Map<String, Integer> counts(JsonNode n, String path) {
    if (!n.isObject()) {
      throw error(path, "expected a mapping of resource kind to units");
    }
    Map<String, Integer> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> r : fields(n)) {
      if (!r.getValue().canConvertToInt()
          || !r.getValue().isIntegralNumber()
          || r.getValue().asInt() < 0) {
        throw error(path + "." + r.getKey(), "expected a whole number of units >= 0");
      }
      out.put(r.getKey(), r.getValue().asInt());
    }
    return out;
  }

  private List<String[]> edges(JsonNode n, Set<String> regions) {
    if (n == null || (n.isTextual() && n.asText().equals("complete"))) {
      return null;
    }
    if (!n.isArray()) {
      throw error("transitions", "expected 'complete' or a list of [from, to] pairs");
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      List<String> pair = texts(n.get(i), "transitions[" + i + "]");
      if (pair.size() != 2) {
        throw error("transitions[" + i + "]", "expected a [from, to] pair");
      }
      for (String r : pair) {
        if (!regions.contains(r)) {
          throw error("transitions[" + i + "]", "unknown region " + r);
        }
      }
      out.add(pair.toArray(new String[0]));
    }
    return out;
  }

  private Map<String, ActionSpec> actions(JsonNode n, Set<String> regions) {
    Map<String, ActionSpec> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(n)) {
      String path = "actions." + e.getKey();
      JsonNode a = e.getValue();
      if (!a.isObject()) {
        throw error(path, "expected a mapping with name and duration");
      }
      if (e.getKey().contains("_")) {
        throw error(path, "an action label cannot contain '_' (propositions are label_region)");
      }
      double duration = number(a, "duration", path + ".duration");
      if (!(duration > 0)) {
        throw error(path + ".duration", "expected a positive number of seconds");
      }
      Optional<String> consumes =
          a.has("consumes")
              ? Optional.of(text(a, "consumes", path + ".consumes"))
              : Optional.empty();
      Set<String> sites = new LinkedHashSet<>();
      if (a.has("sites")) {
        for (String s : texts(a.get("sites"), path + ".sites")) {
          if (!regions.contains(s)) {
            throw error(path + ".sites", "unknown region " + s);
          }
          sites.add(s);
        }
      }
      String label = a.has("name") ? a.get("name").asText() : e.getKey();
      out.put(e.getKey(), new ActionSpec(e.getKey(), label, duration, consumes, sites));
    }
    return out;
  }

  private Map<String, AgentType> agentTypes(
      JsonNode n, Map<String, ActionSpec> actions, Set<String> regions) {
    Map<String, AgentType> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(n)) {
      String path = "agentTypes." + e.getKey();
      JsonNode t = e.getValue();
      if (!t.isObject()) {
        throw error(path, "expected a mapping");
      }
      String label = text(t, "label", path + ".label");
      double speed = number(t, "speed", path + ".speed");
      if (!(speed > 0)) {
        throw error(path + ".speed", "expected a positive speed in m/s");
      }
      List<String> start = texts(t.get("start"), path + ".start");
      if (start.isEmpty()) {
        throw error(path + ".start", "expected at least one start region");
      }
      for (String s : start) {
        if (!regions.contains(s)) {
          throw error(path + ".start", "unknown region " + s);
        }
      }
      String initial = text(t, "initial", path + ".initial");
      JsonNode tr = t.get("transitions");
      if (tr == null || !tr.isArray() || tr.isEmpty()) {
        throw error(path + ".transitions", "expected a non-empty list of [from, action, to]");
      }
      List<AgentType.Transition> transitions = new ArrayList<>();
      for (int i = 0; i < tr.size(); i++) {
        String tp = path + ".transitions[" + i + "]";
        List<String> triple = texts(tr.get(i), tp);
        if (triple.size() != 3) {
          throw error(tp, "expected [from, action, to]");
        }
        if (!actions.containsKey(triple.get(1))) {
          throw error(tp, "unknown action " + triple.get(1));
        }
        transitions.add(new AgentType.Transition(triple.get(0), triple.get(1), triple.get(2)));
      }
      out.put(e.getKey(), new AgentType(e.getKey(), label, speed, initial, transitions, start));
    }
    return out;
  }

  private CaseSpec caseSpec(
      String name,
      JsonNode c,
      Map<String, AgentType> types,
      Map<String, String> formulas,
      Set<String> regions) {
    String path = "cases." + name;
    if (!c.isObject()) {
      throw error(path, "expected a mapping");
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : fields(object(c, "agents", path + ".agents"))) {
      if (!types.containsKey(e.getKey())) {
        throw error(path + ".agents." + e.getKey(), "unknown agent type " + e.getKey());
      }
      if (!e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
        throw error(path + ".agents." + e.getKey(), "expected a whole number >= 0");
      }
      counts.put(e.getKey(), e.getValue().asInt());
    }
    JsonNode w = object(c, "weights", path + ".weights");
    Weights weights =
        new Weights(
            number(w, "alpha", path + ".weights.alpha"),
            number(w, "beta", path + ".weights.beta"),
            number(w, "gamma", path + ".weights.gamma"));
    List<String> offline = texts(c.get("offline"), path + ".offline");
    List<String> offlineText = new ArrayList<>();
    for (String id : offline) {
      if (!formulas.containsKey(id)) {
        throw error(path + ".offline", "unknown formula " + id);
      }
      offlineText.add(formulas.get(id));
    }
    List<OnlineTaskSpec> online = new ArrayList<>();
    JsonNode on = c.get("online");
    if (on != null) {
      if (!on.isArray()) {
        throw error(path + ".online", "expected a list");
      }
      for (int i = 0; i < on.size(); i++) {
        online.add(online(on.get(i), path + ".online[" + i + "]", formulas, regions));
      }
    }
    return new CaseSpec(name, counts, weights, offline, offlineText, online);
  }

  private OnlineTaskSpec online(
      JsonNode o, String path, Map<String, String> formulas, Set<String> regions) {
    if (!o.isObject()) {
      throw error(path, "expected a mapping with at, formula and bind");
    }
    double at = number(o, "at", path + ".at");
    String id = text(o, "formula", path + ".formula");
    String formula = formulas.get(id);
    if (formula == null) {
      throw error(path + ".formula", "unknown formula " + id);
    }
    if (o.has("bind")) {
      for (Map.Entry<String, JsonNode> b : fields(object(o, "bind", path + ".bind"))) {
        if (!regions.contains(b.getValue().asText())) {
          throw error(path + ".bind." + b.getKey(), "unknown region " + b.getValue().asText());
        }
        formula = formula.replace("$" + b.getKey(), b.getValue().asText());
      }
    }
    if (formula.contains("$")) {
      throw error(path + ".bind", "placeholders left unbound in \"" + formula + "\"");
    }
    Map<String, Map<String, Integer>> extra = new HashMap<>();
    if (o.has("resources")) {
      Iterator<Map.Entry<String, JsonNode>> it =
          object(o, "resources", path + ".resources").fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> r = it.next();
        if (!regions.contains(r.getKey())) {
          throw error(path + ".resources." + r.getKey(), "unknown region " + r.getKey());
        }
        extra.put(r.getKey(), counts(r.getValue(), path + ".resources." + r.getKey()));
      }
    }
    return new OnlineTaskSpec(at, id, formula, extra);
  }
}
