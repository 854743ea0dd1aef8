package dev.flotilla.cli.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SubstitutionsTest {
  final LaunchElement where =
      new LaunchElement("let", Map.of(), List.of(), Path.of("f.launch.xml"), 3);
  final Substitutions subst = new Substitutions(
      Map.of("ns", "/fleet", "robot", "r1", "which", "WHO"),
      Map.of("ROS_DOMAIN_ID", "9", "WHO", "r2")::get, Path.of("/opt/flotilla"));

  @Test
  void resolvesVariables() {
    assertEquals("/fleet/r1/odom", subst.resolve("$(var ns)/$(var robot)/odom", where));
  }

  @Test
  void envUsesTheValueOrTheDefault() {
    assertEquals("9", subst.resolve("$(env ROS_DOMAIN_ID 0)", where));
    assertEquals("0", subst.resolve("$(env UNSET_FLOTILLA_VAR 0)", where));
    assertEquals("a default", subst.resolve("$(env UNSET_FLOTILLA_VAR a default)", where));
  }

  @Test
  void substitutionsNest() {
    assertEquals("r1", subst.resolve("$(env UNSET_FLOTILLA_VAR $(var robot))", where));
    assertEquals("r2", subst.resolve("$(env $(var which) 0)", where));
  }

  @Test
  void bringupShareIsTheFlotillaHome() {
    assertEquals("/opt/flotilla/params/fleet.yaml",
        subst.resolve("$(find-pkg-share flotilla_bringup)/params/fleet.yaml", where));
  }

  @Test
  void textWithoutSubstitutionsIsUnchanged() {
    assertEquals("plain (text) $ here", subst.resolve("plain (text) $ here", where));
  }
}
