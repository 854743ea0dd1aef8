package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LaunchFileLoaderTest {
  static final Path ROOT = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath()
      .normalize();
  static final Map<String, String> ENV = Map.of("ROS_DOMAIN_ID", "12", "HOME_X", "/x");

  @TempDir Path dir;

  private List<LaunchProcess> load(Path file, Map<String, String> args) {
    return new LaunchFileLoader(ROOT, ENV::get, dir, 42).load(file, args);
  }

  private Path write(String name, String body) throws Exception {
    return Files.writeString(dir.resolve(name), "<launch>\n" + body + "\n</launch>\n");
  }

  private LaunchException error(String body, Map<String, String> args) throws Exception {
    Path f = write("bad.launch.xml", body);
    return assertThrows(LaunchException.class, () -> load(f, args));
  }

  @Test
  void fleetLaunchStartsTheThreeNodesWithTheRepositoryParams() {
    List<LaunchProcess> ps = load(ROOT.resolve("launch/fleet.launch.xml"), Map.of());
    assertEquals(List.of("synchronizer", "allocator", "planner"),
        ps.stream().map(LaunchProcess::name).toList());
    LaunchProcess sync = ps.get(0);
    Path overlay = ROOT.resolve("params/.fleet.synchronizer.launch-42.yaml");
    assertEquals(List.of("flotilla", "node", "synchronizer", "--params", overlay.toString(),
        "--namespace", "/", "--domain-id", "12"), sync.argv());
    ParamsOverlay o = sync.overlay().orElseThrow();
    assertEquals(List.of(ROOT.resolve("params/fleet.yaml")), o.from());
    assertEquals(Map.of("use_sim_time", "false"), o.inline());
    assertEquals("/synchronizer", o.nodeKey());
  }

  @Test
  void commandLineArgumentsOverrideDefaults() {
    List<LaunchProcess> ps = load(ROOT.resolve("launch/fleet.launch.xml"),
        Map.of("domain_id", "195", "namespace", "/fleet_a", "use_sim_time", "true"));
    for (LaunchProcess p : ps) {
      assertEquals("195", p.argv().get(p.argv().size() - 1));
      assertEquals("/fleet_a", p.argv().get(p.argv().indexOf("--namespace") + 1));
      ParamsOverlay o = p.overlay().orElseThrow();
      assertEquals("/fleet_a/" + p.name(), o.nodeKey());
      assertEquals("true", o.inline().get("use_sim_time"));
    }
  }

  @Test
  void simLaunchAddsFlotillasSimulatorToTheAgents() {
    List<LaunchProcess> ps = load(ROOT.resolve("launch/sim.launch.xml"),
        Map.of("domain_id", "7", "speed", "5.0"));
    assertEquals(List.of("synchronizer", "allocator", "planner", "r1_agent", "r2_agent",
        "r3_agent", "sim"), ps.stream().map(LaunchProcess::name).toList());
    LaunchProcess sim = ps.get(6);
    assertEquals(List.of("flotilla", "sim"), sim.argv().subList(0, 2));
    assertTrue(sim.commandLine().endsWith("--domain-id 7"), sim.commandLine());
    assertEquals("/sim", sim.overlay().orElseThrow().nodeKey());
    assertEquals("5.0", sim.overlay().orElseThrow().inline().get("speed"));
    for (LaunchProcess p : ps.subList(0, 6)) {
      assertEquals("true", p.overlay().orElseThrow().inline().get("use_sim_time"), p.name());
    }
  }

  @Test
  void agentsLaunchIncludesTheFleetAndAddsOneAgentPerRobot() {
    List<LaunchProcess> ps = load(ROOT.resolve("launch/agents.launch.xml"),
        Map.of("domain_id", "7", "use_sim_time", "true"));
    assertEquals(List.of("synchronizer", "allocator", "planner", "r1_agent", "r2_agent",
        "r3_agent"), ps.stream().map(LaunchProcess::name).toList());
    for (LaunchProcess p : ps) {
      assertEquals("true", p.overlay().orElseThrow().inline().get("use_sim_time"), p.name());
      assertTrue(p.commandLine().endsWith("--domain-id 7"), p.commandLine());
    }
    assertEquals(List.of("flotilla", "agent"), ps.get(3).argv().subList(0, 2));
    assertTrue(ps.get(3).commandLine().contains("--robot r1"));
    assertEquals("/agent", ps.get(3).overlay().orElseThrow().nodeKey());
  }

  @Test
  void undeclaredCommandLineArgumentIsAnError() {
    LaunchException e = assertThrows(LaunchException.class,
        () -> load(ROOT.resolve("launch/fleet.launch.xml"), Map.of("domian_id", "3")));
    assertTrue(e.getMessage().contains("'domian_id' is not declared"), e.getMessage());
    assertTrue(e.getMessage().contains("domain_id"), e.getMessage());
  }

  @Test
  void executableCommandIsSplitLikeAShell() throws Exception {
    Path f = write("x.launch.xml", """
          <let name="who" value="a b"/>
          <executable cmd="echo 'one two' &quot;$(var who)&quot; three" name="greeter"
              output="screen"/>
          <executable cmd="flotilla node planner"/>""");
    List<LaunchProcess> ps = load(f, Map.of());
    assertEquals(List.of("echo", "one two", "a b", "three"), ps.get(0).argv());
    assertEquals("greeter", ps.get(0).name());
    assertEquals("flotilla", ps.get(1).name());
    assertEquals("echo 'one two' 'a b' three", ps.get(0).commandLine());
  }

  @Test
  void groupsScopeVariablesAndNamespaces() throws Exception {
    Path f = write("g.launch.xml", """
          <let name="v" value="outer"/>
          <group>
            <push-ros-namespace namespace="team"/>
            <let name="v" value="inner"/>
            <node pkg="flotilla_bringup" exec="planner" args="--tag $(var v)"/>
            <group>
              <push-ros-namespace namespace="sub"/>
              <node pkg="flotilla_bringup" exec="allocator"/>
              <node pkg="flotilla_bringup" exec="synchronizer" namespace="/abs"/>
            </group>
          </group>
          <group scoped="false">
            <let name="v" value="leaked"/>
          </group>
          <executable cmd="echo $(var v)"/>""");
    List<LaunchProcess> ps = load(f, Map.of());
    assertEquals(List.of("flotilla", "node", "planner", "--namespace", "/team", "--tag",
        "inner"), ps.get(0).argv());
    assertTrue(ps.get(1).commandLine().contains("--namespace /team/sub"));
    assertTrue(ps.get(2).commandLine().contains("--namespace /abs"));
    assertEquals(List.of("echo", "leaked"), ps.get(3).argv());
  }

  @Test
  void includeSeesItsArgsButDoesNotLeakBack() throws Exception {
    Files.writeString(dir.resolve("child.launch.xml"), """
        <launch>
          <arg name="x" default="child-default"/>
          <let name="y" value="from-child"/>
          <executable cmd="echo $(var x)"/>
        </launch>""");
    Path f = write("parent.launch.xml", """
          <let name="y" value="parent"/>
          <include file="child.launch.xml"><arg name="x" value="given"/></include>
          <include file="child.launch.xml"/>
          <executable cmd="echo $(var y)"/>""");
    List<LaunchProcess> ps = load(f, Map.of());
    assertEquals(List.of("echo", "given"), ps.get(0).argv());
    assertEquals(List.of("echo", "child-default"), ps.get(1).argv());
    assertEquals(List.of("echo", "parent"), ps.get(2).argv());
  }

  @Test
  void nodeWithOneParamFileAndNoInlineParamsUsesTheFileDirectly() throws Exception {
    Path params = Files.writeString(dir.resolve("p.yaml"), "/**:\n  ros__parameters: {}\n");
    Path f = write("n.launch.xml", """
          <node pkg="flotilla_bringup" exec="allocator"><param from="p.yaml"/></node>""");
    LaunchProcess p = load(f, Map.of()).get(0);
    assertEquals(List.of("flotilla", "node", "allocator", "--params", params.toString(),
        "--namespace", "/"), p.argv());
    assertTrue(p.overlay().isEmpty());
  }

  @Test
  void namespacesComposeAsInRos2() {
    assertEquals("/a/b", LaunchFileLoader.join("/a", "b"));
    assertEquals("/c", LaunchFileLoader.join("/a", "/c"));
    assertEquals("/", LaunchFileLoader.join("/", "/"));
    assertEquals("/a", LaunchFileLoader.join("/", "a/"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown element | <set_env name='A' value='1'/> | "
          + "2 | <set_env> | outside Flotilla's launch subset",
      "unknown attribute | <executable cmd='ls' if='true'/> | "
          + "2 | <executable> | attribute 'if' is outside",
      "param outside node | <param name='a' value='1'/> | 2 | <param> | only inside <node>",
      "foreign package | <node pkg='nav2_bringup' exec='x'/> | "
          + "2 | <node> | package 'nav2_bringup' is unknown",
      "unknown executable | <node pkg='flotilla_bringup' exec='mapper'/> | "
          + "2 | <node> | executable 'mapper'",
      "renamed node | <node pkg='flotilla_bringup' exec='planner' name='p2'/> | "
          + "2 | <node> | renaming node",
      "argument without default | <arg name='needed'/> | 2 | <arg> | needed:=VALUE",
      "eval substitution | <let name='a' value='$(eval 1+1)'/> | "
          + "2 | <let> | $(eval …) is outside",
      "undefined variable | <executable cmd='echo $(var nope)'/> | "
          + "2 | <executable> | $(var nope) names no",
      "env without default | <executable cmd='echo $(env FLOTILLA_UNSET_X)'/> | "
          + "2 | <executable> | is not set and has no default",
      "other package share | <let name='a' value='$(find-pkg-share nav2_bringup)'/> | "
          + "2 | <let> | only flotilla_bringup",
      "unclosed substitution | <let name='a' value='$(var a'/> | 2 | <let> | unclosed substitution",
      "unbalanced quote | <executable cmd=\"echo 'a\"/> | 2 | <executable> | unbalanced ' quote",
      "bad output | <executable cmd='ls' output='syslog'/> | "
          + "2 | <executable> | output must be screen",
      "child of executable | <executable cmd='ls'><env name='A' value='1'/></executable> | "
          + "2 | <env> | takes no child",
      "non-arg in include | <include file='x.launch.xml'><let name='a' value='1'/></include> | "
          + "2 | <let> | only <arg name value>",
      "missing include | <include file='missing.launch.xml'/> | "
          + "0 | missing.launch.xml | launch file not found",
      "missing param file | "
          + "<node pkg='flotilla_bringup' exec='planner'><param from='nope.yaml'/></node> | "
          + "2 | <param> | nope.yaml does not exist",
      "param from and value | "
          + "<node pkg='flotilla_bringup' exec='planner'>"
          + "<param from='a' name='b' value='c'/></node> | "
          + "2 | <param> | either from=",
      "missing attribute | <let name='a'/> | 2 | <let> | attribute 'value' is required",
      "bad scoped | <group scoped='maybe'/> | 2 | <group> | scoped must be true or false",
      "not well formed | <let name='a' value='b'> | 3 | bad.launch.xml | not well-formed XML",
  })
  void everyErrorNamesFileLineAndElement(String what, String body, int line, String element,
      String message) throws Exception {
    LaunchException e = error(body, Map.of());
    String m = e.getMessage();
    if (line > 0) {
      assertTrue(m.startsWith(dir.resolve("bad.launch.xml") + ":" + line + ": "), m);
    }
    assertTrue(m.contains(element), m);
    assertTrue(m.contains(message), m);
  }

  @Test
  void rootMustBeLaunch() throws Exception {
    Path f = Files.writeString(dir.resolve("r.launch.xml"), "<?xml version='1.0'?>\n<robot/>\n");
    LaunchException e = assertThrows(LaunchException.class, () -> load(f, Map.of()));
    assertTrue(e.getMessage().startsWith(f + ":2: <robot>: the root element must be <launch>"),
        e.getMessage());
  }

  @Test
  void includeCyclesStop() throws Exception {
    Path f = write("loop.launch.xml", "<include file='loop.launch.xml'/>");
    LaunchException e = assertThrows(LaunchException.class, () -> load(f, Map.of()));
    assertTrue(e.getMessage().contains("nest deeper than 16"), e.getMessage());
  }
}
