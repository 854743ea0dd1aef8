package dev.flotilla.ros.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.alloc.rebalance.EventTriggeredRebalancer;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.SynchronizerParams;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeParamsTest {

  @Test
  void theShippedFleetFileIsValidForEveryNode() {
    Path file = Path.of(System.getProperty("flotilla.root", "."), "params", "fleet.yaml");
    RosParamsFile params = RosParamsFile.load(file);
    AllocatorParams a = AllocatorParams.read(params.forNode("/", "allocator"));
    assertEquals("potential_game", a.algorithm());
    assertEquals(EventTriggeredRebalancer.Policy.EVENT_TRIGGERED, a.replanPolicy());
    assertEquals(3, a.fleet().robots().size());
    SynchronizerParams s = SynchronizerParams.read(params.forNode("/", "synchronizer"));
    assertEquals(1.0, s.heartbeatTimeout());
  }

  @Test
  void wildcardIsOverlaidByTheNodesOwnSectionAndNamespacedKey() {
    RosParamsFile f = RosParamsFile.parse("x.yaml", """
        /**:
          ros__parameters: {heartbeat_timeout: 5.0}
        synchronizer:
          ros__parameters: {heartbeat_timeout: 2.0}
        /fleet_a/synchronizer:
          ros__parameters: {heartbeat_timeout: 3.0}
        """);
    assertEquals(2.0, SynchronizerParams.read(f.forNode("/", "synchronizer"))
        .heartbeatTimeout());
    assertEquals(3.0, SynchronizerParams.read(f.forNode("/fleet_a", "synchronizer"))
        .heartbeatTimeout());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "rebalance_threshold: 1.5|allocator.rebalance_threshold must be within [0.0, 1.0]",
      "replan_policy: sometimes|allocator.replan_policy must be one of",
      "utility: profit|allocator.utility must be one of",
      "deviation_tolerance: -2|allocator.deviation_tolerance must be within",
      "robots: {r1: {capabilities: [arm, 3]}}|allocator.robots.r1.capabilities must hold only",
      "robots: {1bad: {x: 0}}|robots.1bad: a robot id must be a valid ROS 2 name"})
  void badAllocatorValuesNameFileAndKey(String line, String message) {
    RosParamsFile f = RosParamsFile.parse("fleet.yaml",
        "allocator:\n  ros__parameters:\n    " + line + "\n");
    ParamsException e = assertThrows(ParamsException.class,
        () -> AllocatorParams.read(f.forNode("/", "allocator")));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void notYamlNamesTheLine() {
    ParamsException e = assertThrows(ParamsException.class,
        () -> RosParamsFile.parse("broken.yaml", "allocator:\n  ros__parameters: [\n"));
    assertTrue(e.getMessage().startsWith("broken.yaml: not valid YAML at line"), e.getMessage());
  }

  @Test
  void nodeSectionWithoutRosParametersIsRejected() {
    ParamsException e = assertThrows(ParamsException.class,
        () -> RosParamsFile.parse("f.yaml", "allocator:\n  alpha: 1\n"));
    assertTrue(e.getMessage().contains("'allocator' must contain exactly one key"),
        e.getMessage());
  }
}
