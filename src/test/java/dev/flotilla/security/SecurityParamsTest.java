package dev.flotilla.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SecurityParamsTest {
  static ParamReader reader(String security) {
    return RosParamsFile.parse("p.yaml", """
        /**:
          ros__parameters:
            robots:
              r1: {x: 0.0}
              r2: {x: 1.0}
        %s
        """.formatted(security.indent(4))).forNode("/", "allocator");
  }

  @Test
  void absentMeansOffWithTheDefaultRoster() {
    SecurityParams p = SecurityParams.read(reader(""));
    assertEquals(SecurityMode.OFF, p.mode());
    assertTrue(p.roster().allows("allocator", Right.ALLOCATIONS));
    assertTrue(p.roster().allows("r1", Right.HEARTBEATS), "the fleet's robots by default");
    assertFalse(p.roster().allows("r1", Right.ALLOCATIONS));
  }

  @Test
  void anExplicitRosterReplacesTheNodesAndItsKeysAreConsumed() {
    ParamReader r = reader("""
        security:
          mode: enforce
          keys_dir: /tmp/k
          roster:
            allocator: [allocations, reassignments]
            planner: [accepted_tasks]
          robots: [r2]
        """);
    SecurityParams p = SecurityParams.read(r);
    assertEquals(SecurityMode.ENFORCE, p.mode());
    assertEquals(Set.of(Right.ALLOCATIONS, Right.REASSIGNMENTS),
        p.roster().members().get("allocator"));
    assertFalse(p.roster().contains("operator"));
    assertFalse(p.roster().contains("r1"));
    assertTrue(p.roster().isRobot("r2"));
    assertEquals(List.of("allocator", "planner", "r2"), p.identities());
    r.children("robots").forEach(id -> r.number("robots." + id + ".x", 0, -1, 1));
    r.finish(); // nothing under security is left unknown
  }

  @Test
  void badValuesNameTheFileAndKey() {
    ParamsException e = assertThrows(ParamsException.class, () -> SecurityParams.read(reader("""
        security:
          mode: enforce
          keys_dir: k
          roster:
            allocator: [allocashuns]
        """)));
    assertTrue(e.getMessage().startsWith("p.yaml: security.roster.allocator names 'allocashuns'"),
        e.getMessage());
    e = assertThrows(ParamsException.class,
        () -> SecurityParams.read(reader("security: {mode: enforce}")));
    assertTrue(e.getMessage().contains("security.keys_dir"), e.getMessage());
    e = assertThrows(ParamsException.class,
        () -> SecurityParams.read(reader("security: {mode: paranoid}")));
    assertTrue(e.getMessage().contains("allocator.security.mode"), e.getMessage());
  }
}
