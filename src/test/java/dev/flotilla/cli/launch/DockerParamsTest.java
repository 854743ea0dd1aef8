package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.params.RosParamsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Docker session's parameters and launch line are valid, though Docker cannot run here. */
class DockerParamsTest {
  static final Path ROOT = Path.of(System.getProperty("flotilla.root", ".")).toAbsolutePath()
      .normalize();

  @Test
  void gazeboParamsAreAcceptedByEveryNodeAndAgent() {
    RosParamsFile file = RosParamsFile.load(ROOT.resolve("docker/gazebo.yaml"));
    for (String node : List.of("synchronizer", "allocator", "planner")) {
      NodeHost.NodeSpec spec = NodeHost.spec(node, file, "/");
      assertTrue(spec.useSimTime(), node);
    }
    for (String robot : List.of("r1", "r2", "r3")) {
      assertTrue(NodeHost.agentSpec(file, "/", robot).useSimTime(), robot);
    }
  }

  @Test
  void composeLaunchLineResolves() {
    List<LaunchProcess> ps = new LaunchFileLoader(ROOT, Map.<String, String>of()::get, ROOT, 1)
        .load(ROOT.resolve("launch/agents.launch.xml"),
            Map.of("params_file", ROOT.resolve("docker/gazebo.yaml").toString(),
                "domain_id", "42"));
    assertEquals(6, ps.size());
    assertEquals(List.of(ROOT.resolve("docker/gazebo.yaml")),
        ps.get(5).overlay().orElseThrow().from());
  }
}
