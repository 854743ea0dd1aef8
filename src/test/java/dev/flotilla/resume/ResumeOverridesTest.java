package dev.flotilla.resume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's {@code resume_overrides} (issue #13): parsing, validation and application. */
class ResumeOverridesTest {

  private static ResumeOverrides parse(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return ResumeOverrides.parse(m, "fleet.yaml", "robots.r1.resume_overrides");
  }

  @Test
  void replacesClassSpeedAndPayloadAndSaysSo() {
    RobotResume computed = SharedResumes.of("turtlebot3_burger.urdf");
    RobotResume r = parse("mobility_class", "wheeled_holonomic", "max_speed_mps", "0.8",
        "payload_kg", "2").apply(computed);
    assertEquals(MobilityClass.WHEELED_HOLONOMIC, r.mobility().mobilityClass());
    assertEquals(0.8, r.mobility().maxSpeedMps(), 1e-12);
    assertEquals(2.0, r.mobility().payloadKg(), 1e-12);
    assertEquals(List.of("max_speed_mps", "mobility_class", "payload_kg"), r.overridden());
    assertTrue(r.mobility().evidence().facts().get(0).startsWith("operator override"));
    assertTrue(ResumeJson.toJson(r).contains("\"overridden\""));
  }

  @Test
  void classOverrideMakesFloorsFollowAndCanBeOverriddenItself() {
    RobotResume computed = SharedResumes.of("husky.urdf");
    RobotResume legged = parse("mobility_class", "legged").apply(computed);
    assertTrue(legged.mobility().canChangeFloors());
    assertTrue(legged.capabilities().contains("change_floors"));
    RobotResume noStairs =
        parse("mobility_class", "legged", "can_change_floors", "false").apply(computed);
    assertFalse(noStairs.capabilities().contains("change_floors"));
  }

  @Test
  void armsCanOnlyBeRemoved() {
    RobotResume pr2 = SharedResumes.of("pr2.urdf");
    RobotResume one = parse("arms", "1").apply(pr2);
    assertEquals(1, one.manipulation().arms().size());
    assertEquals(1, one.manipulation().grippers());
    RobotResume none = parse("arms", "0").apply(pr2);
    assertFalse(none.capabilities().contains("grasp"));
    assertThrows(IllegalArgumentException.class, () -> parse("arms", "3").apply(pr2));
  }

  @Test
  void badKeysAndValuesNameFileAndKey() {
    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> parse("max_speed", "1"));
    assertEquals("fleet.yaml: robots.r1.resume_overrides.max_speed is not a resume override; "
        + "expected one of mobility_class, can_change_floors, max_speed_mps, "
        + "max_acceleration_mps2, payload_kg, arms.", unknown.getMessage());
    IllegalArgumentException cls =
        assertThrows(IllegalArgumentException.class, () -> parse("mobility_class", "hover"));
    assertTrue(cls.getMessage().startsWith(
        "fleet.yaml: robots.r1.resume_overrides.mobility_class must be one of"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> parse("max_speed_mps", "-1")).getMessage().contains("must lie in"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> parse("can_change_floors", "yes")).getMessage().contains("true or false"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> parse("arms", "1.5")).getMessage().contains("whole number"));
  }

  @Test
  void noOverrideReturnsTheSameResume() {
    RobotResume r = SharedResumes.of("ur5.urdf");
    assertSame(r, ResumeOverrides.NONE.apply(r));
    assertTrue(parse().isEmpty());
  }
}
