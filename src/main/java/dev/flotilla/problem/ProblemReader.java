package dev.flotilla.problem;

import dev.flotilla.alloc.api.UtilityMode;
import dev.flotilla.alloc.api.UtilityParams;
import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.fleet.AllocationSettings;
import dev.flotilla.fleet.FleetRoster;
import dev.flotilla.fleet.ltl.LtlFleet;
import dev.flotilla.fleet.ltl.LtlSettings;
import dev.flotilla.fleet.ltl.LtlTaskPlanner;
import dev.flotilla.model.Point3;
import dev.flotilla.model.RobotSpec;
import dev.flotilla.model.TaskSpec;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.FleetParams;
import dev.flotilla.node.ltl.LtlParams;
import dev.flotilla.plan.BranchAndBoundPlanner;
import dev.flotilla.plan.SimulatedAnnealingReplanner;
import dev.flotilla.plan.io.ScenarioException;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.plan.model.CaseSpec;
import dev.flotilla.plan.model.OnlineTaskSpec;
import dev.flotilla.plan.model.Scenario;
import dev.flotilla.plan.model.Weights;
import dev.flotilla.resume.ResumeBudget;
import dev.flotilla.resume.ResumeJson;
import dev.flotilla.resume.ResumeParams;
import dev.flotilla.resume.Resumes;
import dev.flotilla.resume.RobotResume;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfLimits;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a problem file (format: {@code docs/problem.md}, schema
 * {@code docs/problem.schema.json}). Parameters carry the nodes' names and ranges; absent ones
 * take the nodes' defaults, read from the nodes' own parameter readers. The first bad value stops
 * the reading with one sentence naming the file, the line and the field; an LTL formula that
 * cannot be planned also names its column. The file, the URDFs, the resumes and the scenario are
 * each read only up to a size limit, and the numbers of robots and tasks are bounded.
 */
public final class ProblemReader {
  /** Largest problem, scenario, URDF or resume file read, bytes. */
  static final long MAX_FILE_BYTES = 4L << 20;
  static final int MAX_ROBOTS = 1000;
  static final int MAX_TASKS = 10_000;
  static final int MAX_LTL_TASKS = 100;
  private static final int MAX_FORMULA = 4096;
  private static final int MAX_TEXT = 1024;
  private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_.\\-]{1,128}");

  private final Path file;
  private final String source;

  private ProblemReader(Path file) {
    this.file = file;
    this.source = file.toString();
  }

  /**
   * @param file the problem file
   * @return the validated problem
   * @throws ProblemException naming the file, line and field of the first problem
   */
  public static Problem read(Path file) {
    return new ProblemReader(file).read();
  }

  private Problem read() {
    String text = readText(file, "the problem file", source);
    Section top = new Section(source, YamlNode.parse(source, text));
    Section params = top.section("parameters");
    AllocationSettings defaultsAlloc = AllocatorParams.read(ParamReader.empty("allocator"))
        .settings();
    Map<String, Point3> regions = regions(top);
    List<RobotSpec> robots = new ArrayList<>();
    Map<String, RobotResume> resumes = new LinkedHashMap<>();
    robots(top, robots, resumes);
    if (robots.isEmpty()) {
      throw top.error(top.section("robots").node(), "must list at least one robot.");
    }
    AllocationSettings allocation = allocation(params, defaultsAlloc, robots);
    Scenario scenario = scenario(top);
    LtlSettings ltl = ltl(params, scenario, robots);
    List<Problem.Arrival<TaskSpec>> tasks = tasks(top, regions);
    List<Problem.Arrival<Problem.LtlTask>> ltlTasks = ltlTasks(top, ltl, robots);
    if (tasks.isEmpty() && ltlTasks.isEmpty()) {
      throw top.error(top.node(), "has no tasks: give multi-robot `tasks` or `ltl_tasks`.");
    }
    params.finish();
    top.finish();
    return new Problem(source, robots, resumes, tasks, ltlTasks, allocation, ltl);
  }

  private Map<String, Point3> regions(Section top) {
    Map<String, Point3> out = new LinkedHashMap<>();
    for (Map.Entry<String, Section> e : top.children("regions", MAX_TASKS).entrySet()) {
      out.put(e.getKey(), point(e.getValue()));
      e.getValue().finish();
    }
    return out;
  }

  private static Point3 point(Section s) {
    double big = 1e6;
    return new Point3(s.number("x", 0, -big, big), s.number("y", 0, -big, big),
        s.number("z", 0, -big, big));
  }

  private void robots(Section top, List<RobotSpec> robots, Map<String, RobotResume> resumes) {
    for (Map.Entry<String, Section> e : top.children("robots", MAX_ROBOTS).entrySet()) {
      String id = e.getKey();
      Section r = e.getValue();
      if (!TopicNames.isValidRobotId(id)) {
        throw r.error(r.node(), "is not a valid robot id: letters, digits and underscores, not "
            + "starting with a digit (robot ids are ROS 2 namespaces).");
      }
      Path urdf = r.has("urdf") ? file(r, "urdf") : null;
      Path resume = r.has("resume") ? file(r, "resume") : null;
      if (urdf != null && resume != null) {
        throw r.error(r.field("resume"), "and urdf are both given; give one of them.");
      }
      RobotSpec spec = new RobotSpec(id, point(r), r.number("yaw", 0, -2 * Math.PI, 2 * Math.PI),
          r.number("max_speed", FleetParams.DEFAULT_MAX_SPEED, 1e-3, 100),
          r.number("max_acceleration", FleetParams.DEFAULT_MAX_ACCELERATION, 1e-3, 100),
          r.number("reliability", 0, 0, 1), r.number("cost_rate", 0, 0, 1e6),
          new LinkedHashSet<>(r.strings("capabilities", 100)), urdf,
          r.string("agent_type", "", Set.of(), MAX_TEXT), false);
      if (urdf != null) {
        resumes.put(id, fromUrdf(r, id, urdf));
      } else if (resume != null) {
        resumes.put(id, fromResume(r, id, resume));
      }
      r.finish();
      robots.add(spec);
    }
  }

  private Path file(Section s, String key) {
    String value = s.string(key, "", Set.of(), MAX_TEXT);
    Path path;
    try {
      path = Path.of(value);
    } catch (InvalidPathException e) {
      throw s.error(s.field(key), "is not a valid path (" + e.getReason() + ").");
    }
    Path folder = file.toAbsolutePath().getParent();
    Path resolved = path.isAbsolute() || folder == null ? path : folder.resolve(path);
    if (!Files.isRegularFile(resolved)) {
      throw s.error(s.field(key), "names '" + value + "', which is not a readable "
          + "file.");
    }
    return resolved;
  }

  private static String readText(Path path, String what, String source) {
    if (Files.isDirectory(path)) {
      throw new ProblemException(source + ": " + what + " " + path + " is a directory, not a "
          + "file.");
    }
    if (!Files.isRegularFile(path)) {
      throw new ProblemException(source + ": " + what + " " + path + " does not exist.");
    }
    try {
      long size = Files.size(path);
      if (size > MAX_FILE_BYTES) {
        throw new ProblemException(source + ": " + what + " has " + size + " bytes; at most "
            + MAX_FILE_BYTES + " are read.");
      }
      return Files.readString(path);
    } catch (CharacterCodingException e) {
      throw new ProblemException(source + ": " + what + " " + path + " is not UTF-8 text.", e);
    } catch (IOException e) {
      throw new ProblemException(source + ": cannot read " + what + " (" + e.getMessage()
          + ").", e);
    }
  }

  private RobotResume fromUrdf(Section r, String id, Path urdf) {
    String xml = readText(urdf, "the URDF " + urdf, source);
    try {
      return Resumes.resumeFromUrdf(id, xml, urdf.toString(), ResumeParams.defaults(),
          UrdfLimits.defaults(), ResumeBudget.DEFAULT);
    } catch (UrdfException | IllegalArgumentException e) {
      throw r.error(r.field("urdf"), "names a file that is not a usable URDF: "
          + withoutStop(e.getMessage()) + ".");
    }
  }

  private RobotResume fromResume(Section r, String id, Path json) {
    RobotResume resume;
    try {
      resume = ResumeJson.fromJson(readText(json, "the resume " + json, source));
    } catch (IllegalArgumentException e) {
      throw r.error(r.field("resume"), "names a file that is not a robot resume "
          + "(write one with `flotilla resume FILE.urdf`): " + withoutStop(e.getMessage())
          + ".");
    }
    if (resume == null || !id.equals(resume.robotId())) {
      throw r.error(r.field("resume"), "names the resume of robot '"
          + (resume == null ? "" : resume.robotId()) + "', not of " + id + ".");
    }
    return resume;
  }

  private static String withoutStop(String s) {
    String t = s == null ? "" : s.strip();
    return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
  }

  /** The allocator's parameters, named and ranged as {@link AllocatorParams} reads them. */
  private static AllocationSettings allocation(Section p, AllocationSettings d,
      List<RobotSpec> robots) {
    String algorithm = p.string("algorithm", d.eventTriggered() ? "potential_game" : "greedy",
        Set.of("greedy", "potential_game"), MAX_TEXT);
    UtilityParams u = d.utility();
    String mode = p.string("utility", u.mode() == UtilityMode.EXPECTED_UTILITY
        ? "expected_utility" : "quality_minus_cost",
        Set.of("expected_utility", "quality_minus_cost"), MAX_TEXT);
    UtilityParams utility = new UtilityParams(p.number("alpha", u.alpha(), 0, 1e6),
        p.number("beta", u.beta(), 0, 1e6), p.number("sigma_f", u.sigmaF(), 0, 1e6),
        p.number("delta", u.delta(), 1e-9, 1e9), mode.equals("expected_utility")
            ? UtilityMode.EXPECTED_UTILITY : UtilityMode.QUALITY_MINUS_COST);
    double threshold = p.number("rebalance_threshold", d.rebalanceThreshold(), 0, 1);
    double tolerance = p.number("deviation_tolerance", d.deviationTolerance(), 0, 1e6);
    String policy = p.string("replan_policy",
        d.replanPolicy() == EventTriggeredRebalancer.Policy.EVENT_TRIGGERED ? "event_triggered"
            : "always_global", Set.of("event_triggered", "always_global"), MAX_TEXT);
    Map<String, Map<String, Double>> lambda = new LinkedHashMap<>();
    Set<String> ids = new LinkedHashSet<>();
    robots.forEach(r -> ids.add(r.id()));
    for (Map.Entry<String, Section> row : p.children("lambda", MAX_ROBOTS).entrySet()) {
      if (!ids.contains(row.getKey())) {
        throw row.getValue().error(row.getValue().node(), "is not a robot of the problem "
            + ids + ".");
      }
      Map<String, Double> values = new LinkedHashMap<>();
      Section s = row.getValue();
      for (String task : s.node().isMap() ? s.node().map().keySet() : Set.<String>of()) {
        values.put(task, s.number(task, 1, 0, 1));
      }
      lambda.put(row.getKey(), Map.copyOf(values));
    }
    return new AllocationSettings(new FleetRoster(robots), algorithm.equals("potential_game"),
        utility, threshold, tolerance, policy.equals("event_triggered")
            ? EventTriggeredRebalancer.Policy.EVENT_TRIGGERED
            : EventTriggeredRebalancer.Policy.ALWAYS_GLOBAL, lambda);
  }

  private Scenario scenario(Section top) {
    if (!top.has("scenario")) {
      return null;
    }
    Path path = file(top, "scenario");
    try {
      return ScenarioLoader.parse(readText(path, "the scenario " + path, source),
          path.toString());
    } catch (ScenarioException e) {
      throw top.error(top.field("scenario"), "names a scenario that cannot be used: "
          + withoutStop(e.getMessage()) + ".");
    }
  }

  /** The planner's LTL parameters, named and ranged as {@link LtlParams} reads them. */
  private static LtlSettings ltl(Section p, Scenario scenario, List<RobotSpec> robots) {
    LtlSettings d = LtlParams.read(ParamReader.empty("planner"),
        new FleetParams(List.of(), Map.of(), false)).settings();
    Weights weights = new Weights(p.number("ltl_alpha", d.weights().alpha(), 0, 1e6),
        p.number("ltl_beta", d.weights().beta(), 0, 1e6),
        p.number("ltl_gamma", d.weights().gamma(), 0, 1e6));
    long nodes = p.integer("ltl_offline_nodes", d.offline().nodeBudget() == Long.MAX_VALUE ? 0
        : d.offline().nodeBudget(), 0, Long.MAX_VALUE);
    var offline = new BranchAndBoundPlanner.Config(
        p.number("ltl_offline_budget", d.offline().timeBudgetS(), 1e-3, 3600),
        nodes == 0 ? Long.MAX_VALUE : nodes, d.offline().breakSymmetry());
    var online = new SimulatedAnnealingReplanner.Config(
        p.number("ltl_online_budget", d.online().timeBudgetS(), 1e-3, 3600),
        p.number("ltl_online_temperature", d.online().initialTemperature(), 1e-6, 10),
        (int) p.integer("ltl_online_min_iterations", d.online().minIterations(), 0, 10_000_000),
        p.integer("ltl_online_seed", d.online().seed(), Long.MIN_VALUE, Long.MAX_VALUE));
    String caseName = p.string("ltl_case", "", Set.of(), MAX_TEXT);
    if (scenario == null) {
      if (!caseName.isEmpty()) {
        throw p.error(p.field("ltl_case"), "needs a `scenario` file.");
      }
      return null;
    }
    for (RobotSpec r : robots) {
      if (!r.agentType().isEmpty() && !scenario.agentTypes().containsKey(r.agentType())) {
        throw new ProblemException(p.source() + ": robots." + r.id() + ".agent_type is '"
            + r.agentType() + "', which is not an agent type of the scenario "
            + scenario.agentTypes().keySet() + ".");
      }
    }
    Map<String, Map<String, Map<String, Integer>>> resources = new LinkedHashMap<>();
    if (!caseName.isEmpty()) {
      CaseSpec spec = scenario.cases().get(caseName);
      if (spec == null) {
        throw p.error(p.field("ltl_case"), "is '" + caseName + "', which is not a case "
            + "of the scenario " + scenario.cases().keySet() + ".");
      }
      for (OnlineTaskSpec o : spec.online()) {
        resources.putIfAbsent(LtlSettings.normalize(o.formula()), o.newResources());
      }
    }
    // The window only gathers formulas arriving together; offline they all arrive at once.
    return new LtlSettings(scenario, weights, 1.0, offline, online, resources);
  }

  private List<Problem.Arrival<TaskSpec>> tasks(Section top, Map<String, Point3> regions) {
    List<Problem.Arrival<TaskSpec>> out = new ArrayList<>();
    for (Map.Entry<String, Section> e : top.children("tasks", MAX_TASKS).entrySet()) {
      Section t = e.getValue();
      checkId(t, e.getKey());
      String region = t.string("region", "", Set.of(), MAX_TEXT);
      Point3 at;
      if (!region.isEmpty()) {
        at = regions.get(region);
        if (at == null) {
          throw t.error(t.field("region"), "is '" + region + "', which is not one of "
              + "the problem's regions " + regions.keySet() + ".");
        }
        if (t.has("x") || t.has("y") || t.has("z")) {
          throw t.error(t.node(), "gives both a region and x/y/z; give one of them.");
        }
      } else {
        at = point(t);
      }
      TaskSpec spec = new TaskSpec(e.getKey(), region, at,
          (int) t.integer("required_robots", 1, 1, 1000),
          t.number("base_utility", 100, 1e-9, 1e9), t.number("decay_rate", 0.01, 0, 1e3),
          t.number("duration", 1, 0, 1e6), t.number("deadline", 0, 0, 1e9),
          t.number("priority", 0, 0, 1e6), t.strings("capabilities", 100));
      out.add(new Problem.Arrival<>(t.number("at", 0, 0, 1e6), spec));
      t.finish();
    }
    return out;
  }

  private static void checkId(Section s, String id) {
    if (!TASK_ID.matcher(id).matches()) {
      throw s.error(s.node(), "is not a valid task id: 1-128 letters, digits, '_', '.' or '-'.");
    }
  }

  private List<Problem.Arrival<Problem.LtlTask>> ltlTasks(Section top, LtlSettings ltl,
      List<RobotSpec> robots) {
    Map<String, Section> entries = top.children("ltl_tasks", MAX_LTL_TASKS);
    if (entries.isEmpty()) {
      return List.of();
    }
    if (ltl == null) {
      throw top.error(top.field("ltl_tasks"), "needs a `scenario` file (seed 003's "
          + "environment, actions and agent types) to plan LTL formulas over.");
    }
    LtlTaskPlanner checker = new LtlTaskPlanner(ltl, new LtlFleet(ltl.scenario(), robots));
    List<Problem.Arrival<Problem.LtlTask>> out = new ArrayList<>();
    for (Map.Entry<String, Section> e : entries.entrySet()) {
      Section t = e.getValue();
      checkId(t, e.getKey());
      if (!t.has("formula")) {
        throw t.error(t.node(), "has no formula.");
      }
      String formula = t.string("formula", "", Set.of(), MAX_FORMULA);
      Optional<String> problem = checker.check(formula);
      if (problem.isPresent()) {
        throw t.error(t.field("formula"), "cannot be planned: "
            + withoutStop(problem.get()) + ".");
      }
      out.add(new Problem.Arrival<>(t.number("at", 0, 0, 1e6),
          new Problem.LtlTask(e.getKey(), formula)));
      t.finish();
    }
    return out;
  }
}
