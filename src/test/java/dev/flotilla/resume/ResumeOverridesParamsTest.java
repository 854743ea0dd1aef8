package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.params.ParamsException;
import dev.flotilla.ros.params.RosParamsFile;
import org.junit.jupiter.api.Test;

/** {@code robots.<id>.resume_overrides} read from a parameter file (the node-side wiring). */
class ResumeOverridesParamsTest {

  private static FleetParams read(String robot) {
    String yaml = "/**:\n  ros__parameters:\n    robots:\n      r1: " + robot + "\n";
    return FleetParams.read(RosParamsFile.parse("fleet.yaml", yaml).forNode("/", "alloc"));
  }

  @Test
  void overridesAreReadAndValidated() {
    FleetParams f = read("{x: 0.0, resume_overrides: {mobility_class: legged, max_speed_mps: 0.8,"
        + " can_change_floors: false, arms: 0}}");
    ResumeOverrides o = f.resumeOverrides().get("r1");
    assertEquals(MobilityClass.LEGGED, o.mobilityClass());
    assertEquals(0.8, o.maxSpeedMps(), 1e-12);
    assertEquals(Boolean.FALSE, o.canChangeFloors());
    assertEquals(0, o.arms());
  }

  @Test
  void unknownKeyOrBadValueNamesFileAndKey() {
    ParamsException unknown = assertThrows(ParamsException.class,
        () -> read("{resume_overrides: {top_speed: 1.0}}"));
    assertTrue(unknown.getMessage().contains("fleet.yaml")
        && unknown.getMessage().contains("robots.r1.resume_overrides.top_speed"),
        unknown.getMessage());
    ParamsException bad = assertThrows(ParamsException.class,
        () -> read("{resume_overrides: {mobility_class: hovercraft}}"));
    assertTrue(bad.getMessage().contains("robots.r1.resume_overrides.mobility_class"),
        bad.getMessage());
  }
}
