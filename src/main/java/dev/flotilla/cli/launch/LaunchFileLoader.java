package dev.flotilla.cli.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Evaluates a ROS 2 XML launch file, for the subset Flotilla's files use, into the processes it
 * starts: {@code launch}, {@code arg}, {@code let}, {@code node} (package
 * {@code flotilla_bringup}, executables planner, allocator, synchronizer, agent, sim) with nested
 * {@code param}, {@code group}, {@code push-ros-namespace}, {@code include} with nested
 * {@code arg}, {@code executable}. Anything else is a {@link LaunchException} naming file, line
 * and element. Linear in the size of the files.
 */
public final class LaunchFileLoader {
  /** Executables of the {@code flotilla_bringup} package and the Flotilla command each runs. */
  public static final Set<String> NODE_EXECUTABLES =
      Set.of("planner", "allocator", "synchronizer", "agent", "sim");
  private static final int MAX_INCLUDE_DEPTH = 16;

  private final Path packageShare;
  private final Function<String, String> env;
  private final Path workingDir;
  private final long pid;
  private final List<LaunchProcess> processes = new ArrayList<>();
  private final Set<String> declared = new LinkedHashSet<>();

  /**
   * @param packageShare what {@code $(find-pkg-share flotilla_bringup)} resolves to
   * @param env environment lookup (null when unset)
   * @param workingDir directory relative paths are resolved against, as {@code ros2 launch}
   *     resolves them against its working directory
   * @param pid distinguishes this run's parameter overlays from another run's
   */
  public LaunchFileLoader(Path packageShare, Function<String, String> env, Path workingDir,
      long pid) {
    this.packageShare = packageShare;
    this.env = env;
    this.workingDir = workingDir;
    this.pid = pid;
  }

  /**
   * The Flotilla home standing in for the bringup package's share directory:
   * {@code $FLOTILLA_HOME}, else the nearest ancestor of the launch file's directory that has a
   * {@code params/} folder, else the launch file's directory.
   */
  public static Path defaultPackageShare(Path launchFile, Function<String, String> env) {
    String home = env.apply("FLOTILLA_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home).toAbsolutePath().normalize();
    }
    Path dir = launchFile.toAbsolutePath().normalize().getParent();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("params"))) {
        return d;
      }
    }
    return dir;
  }

  /**
   * @param file the top-level launch file
   * @param arguments command-line {@code name:=value} assignments
   * @return the processes to start, in file order
   * @throws LaunchException for anything outside the subset or a missing argument
   */
  public List<LaunchProcess> load(Path file, Map<String, String> arguments) {
    Scope top = new Scope(new LinkedHashMap<>(arguments), "/");
    include(resolvePath(file.toString()), top, 0);
    for (String name : arguments.keySet()) {
      if (!declared.contains(name)) {
        throw new LaunchException(file + ": launch argument '" + name + "' is not declared by "
            + "the file or its includes (declared: " + String.join(", ", declared) + ").");
      }
    }
    return List.copyOf(processes);
  }

  private void include(Path file, Scope scope, int depth) {
    if (!Files.isRegularFile(file)) {
      throw new LaunchException(file + ": launch file not found.");
    }
    LaunchElement root = LaunchElement.read(file);
    if (!root.tag().equals("launch")) {
      throw root.error("the root element must be <launch>.");
    }
    root.onlyAttributes(Set.of("version"));
    evaluateChildren(root, scope, depth);
  }

  private void evaluateChildren(LaunchElement parent, Scope scope, int depth) {
    for (LaunchElement e : parent.children()) {
      switch (e.tag()) {
        case "arg" -> declareArgument(e, scope);
        case "let" -> {
          e.onlyAttributes(Set.of("name", "value"));
          scope.vars.put(e.required("name"), subst(scope, e, e.required("value")));
        }
        case "node" -> node(e, scope);
        case "executable" -> executable(e, scope);
        case "group" -> group(e, scope, depth);
        case "push-ros-namespace" -> {
          e.onlyAttributes(Set.of("namespace"));
          scope.namespace = join(scope.namespace, subst(scope, e, e.required("namespace")));
        }
        case "include" -> includeElement(e, scope, depth);
        case "param" -> throw e.error("<param> is supported only inside <node>.");
        default -> throw e.error("element outside Flotilla's launch subset (supported: arg, "
            + "let, node, param, group, push-ros-namespace, include, executable).");
      }
    }
  }

  private void declareArgument(LaunchElement e, Scope scope) {
    e.onlyAttributes(Set.of("name", "default", "description"));
    noChildren(e);
    String name = e.required("name");
    declared.add(name);
    if (scope.vars.containsKey(name)) {
      return;
    }
    String def = e.attr("default");
    if (def == null) {
      throw e.error("launch argument '" + name + "' has no default; give it as " + name
          + ":=VALUE.");
    }
    scope.vars.put(name, subst(scope, e, def));
  }

  private void group(LaunchElement e, Scope scope, int depth) {
    e.onlyAttributes(Set.of("scoped"));
    String scoped = e.attr("scoped") == null ? "true" : subst(scope, e, e.attr("scoped"));
    if (!scoped.equals("true") && !scoped.equals("false")) {
      throw e.error("scoped must be true or false, got '" + scoped + "'.");
    }
    if (scoped.equals("true")) {
      evaluateChildren(e, scope.copy(), depth);
    } else {
      evaluateChildren(e, scope, depth);
    }
  }

  private void includeElement(LaunchElement e, Scope scope, int depth) {
    e.onlyAttributes(Set.of("file"));
    if (depth + 1 > MAX_INCLUDE_DEPTH) {
      throw e.error("includes nest deeper than " + MAX_INCLUDE_DEPTH + " (a cycle?).");
    }
    Scope child = scope.copy();
    for (LaunchElement a : e.children()) {
      if (!a.tag().equals("arg")) {
        throw a.error("only <arg name value> may appear inside <include>.");
      }
      a.onlyAttributes(Set.of("name", "value"));
      child.vars.put(a.required("name"), subst(scope, a, a.required("value")));
    }
    include(resolvePath(subst(scope, e, e.required("file"))), child, depth + 1);
  }

  private void node(LaunchElement e, Scope scope) {
    e.onlyAttributes(Set.of("pkg", "exec", "name", "namespace", "output", "args"));
    String pkg = subst(scope, e, e.required("pkg"));
    if (!pkg.equals(Substitutions.BRINGUP)) {
      throw e.error("package '" + pkg + "' is unknown without ROS 2; only "
          + Substitutions.BRINGUP + " nodes can run.");
    }
    String exec = subst(scope, e, e.required("exec"));
    if (!NODE_EXECUTABLES.contains(exec)) {
      throw e.error("executable '" + exec + "' is not one of flotilla_bringup's "
          + NODE_EXECUTABLES.stream().sorted().toList() + ".");
    }
    String name = e.attr("name") == null ? exec : subst(scope, e, e.attr("name"));
    if (!exec.equals("agent") && !name.equals(exec)) {
      throw e.error("renaming node '" + exec + "' to '" + name + "' is not supported: Flotilla "
          + "nodes read their parameters under their own name.");
    }
    checkOutput(e, scope);
    String ns = e.attr("namespace") == null ? scope.namespace
        : join(scope.namespace, subst(scope, e, e.attr("namespace")));
    List<Path> from = new ArrayList<>();
    Map<String, String> inline = new LinkedHashMap<>();
    for (LaunchElement p : e.children()) {
      if (!p.tag().equals("param")) {
        throw p.error("only <param> may appear inside <node>.");
      }
      p.onlyAttributes(Set.of("name", "value", "from"));
      if (p.attr("from") != null) {
        if (p.attr("name") != null || p.attr("value") != null) {
          throw p.error("use either from= or name= and value=, not both.");
        }
        Path f = resolvePath(subst(scope, p, p.attr("from")));
        if (!Files.isRegularFile(f)) {
          throw p.error("parameter file " + f + " does not exist.");
        }
        from.add(f);
      } else {
        inline.put(subst(scope, p, p.required("name")), subst(scope, p, p.required("value")));
      }
    }
    List<String> argv = new ArrayList<>(switch (exec) {
      case "agent", "sim" -> List.of("flotilla", exec);
      default -> List.of("flotilla", "node", exec);
    });
    Optional<ParamsOverlay> overlay = Optional.empty();
    if (!inline.isEmpty()) {
      String nodeName = exec.equals("agent") ? "agent" : exec;
      String key = (ns.equals("/") ? "" : ns) + "/" + nodeName;
      Path target = from.isEmpty()
          ? Path.of(System.getProperty("java.io.tmpdir"), "flotilla-" + name + "-launch-" + pid
              + ".yaml")
          : from.get(0).resolveSibling("." + stem(from.get(0)) + "." + name + ".launch-" + pid
              + ".yaml");
      overlay = Optional.of(new ParamsOverlay(List.copyOf(from), key, Map.copyOf(inline),
          target));
      argv.addAll(List.of("--params", target.toString()));
    } else if (from.size() == 1) {
      argv.addAll(List.of("--params", from.get(0).toString()));
    } else if (from.size() > 1) {
      Path target = from.get(0).resolveSibling("." + stem(from.get(0)) + "." + name + ".launch-"
          + pid + ".yaml");
      overlay = Optional.of(new ParamsOverlay(List.copyOf(from), "/" + exec, Map.of(), target));
      argv.addAll(List.of("--params", target.toString()));
    }
    argv.addAll(List.of("--namespace", ns));
    if (e.attr("args") != null) {
      argv.addAll(CommandWords.split(subst(scope, e, e.attr("args")), e));
    }
    processes.add(new LaunchProcess(name, List.copyOf(argv), overlay, e.file(), e.line()));
  }

  private void executable(LaunchElement e, Scope scope) {
    e.onlyAttributes(Set.of("cmd", "name", "output"));
    noChildren(e);
    checkOutput(e, scope);
    List<String> argv = CommandWords.split(subst(scope, e, e.required("cmd")), e);
    if (argv.isEmpty()) {
      throw e.error("cmd is empty.");
    }
    String name = e.attr("name") == null ? Path.of(argv.get(0)).getFileName().toString()
        : subst(scope, e, e.attr("name"));
    processes.add(new LaunchProcess(name, argv, Optional.empty(), e.file(), e.line()));
  }

  private void checkOutput(LaunchElement e, Scope scope) {
    if (e.attr("output") != null) {
      String out = subst(scope, e, e.attr("output"));
      if (!Set.of("screen", "log", "both").contains(out)) {
        throw e.error("output must be screen, log or both, got '" + out + "'.");
      }
    }
  }

  private static void noChildren(LaunchElement e) {
    if (!e.children().isEmpty()) {
      LaunchElement c = e.children().get(0);
      throw c.error("<" + e.tag() + "> takes no child elements in Flotilla's launch subset.");
    }
  }

  private String subst(Scope scope, LaunchElement e, String text) {
    return new Substitutions(scope.vars, env, packageShare).resolve(text, e);
  }

  private Path resolvePath(String path) {
    Path p = Path.of(path);
    return (p.isAbsolute() ? p : workingDir.resolve(p)).normalize();
  }

  private static String stem(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }

  /** ROS 2 namespace composition: an absolute namespace replaces, a relative one appends. */
  static String join(String base, String ns) {
    String combined = ns.startsWith("/") ? ns : base + "/" + ns;
    String normalised = ("/" + combined).replaceAll("/+", "/");
    return normalised.length() > 1 && normalised.endsWith("/")
        ? normalised.substring(0, normalised.length() - 1) : normalised;
  }

  /** Launch configurations and the pushed namespace; groups work on a copy. */
  private static final class Scope {
    final Map<String, String> vars;
    String namespace;

    Scope(Map<String, String> vars, String namespace) {
      this.vars = vars;
      this.namespace = namespace;
    }

    Scope copy() {
      return new Scope(new LinkedHashMap<>(vars), namespace);
    }
  }
}
