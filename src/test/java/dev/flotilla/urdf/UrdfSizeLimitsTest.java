package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue #16: a hostile {@code robot_description} (a 1400-joint chain kept the allocator busy for
 * 47 s, a 60 000-link file for minutes) is refused quickly with a sentence naming the limit.
 * Timings are printed, never asserted.
 */
class UrdfSizeLimitsTest {

  /** A chain of {@code n} revolute joints, written with the root last (the hard order). */
  static String chain(int n) {
    StringBuilder sb = new StringBuilder("<robot name=\"chain\">\n");
    for (int i = n; i >= 0; i--) {
      sb.append("<link name=\"l").append(i).append("\">")
          .append("<inertial><mass value=\"1\"/></inertial></link>\n");
    }
    for (int i = 0; i < n; i++) {
      sb.append("<joint name=\"j").append(i).append("\" type=\"revolute\"><parent link=\"l")
          .append(i).append("\"/><child link=\"l").append(i + 1).append("\"/>")
          .append("<origin xyz=\"0 0 0.1\"/><axis xyz=\"0 1 0\"/>")
          .append("<limit lower=\"-1\" upper=\"1\" effort=\"1\" velocity=\"1\"/></joint>\n");
    }
    return sb.append("</robot>\n").toString();
  }

  private static UrdfException refused(String xml, String part) {
    long t = System.nanoTime();
    UrdfException e = assertThrows(UrdfException.class, () -> UrdfParser.parse(xml, "big.urdf"));
    System.out.printf("UrdfSizeLimitsTest: %d chars refused in %.1f ms: %s%n", xml.length(),
        (System.nanoTime() - t) / 1e6, e.getMessage());
    assertTrue(e.getMessage().startsWith("big.urdf"), e.getMessage());
    assertTrue(e.getMessage().contains(part), e.getMessage());
    return e;
  }

  @Test
  void chainDeeperThanTheLimitIsRefused() {
    refused(chain(UrdfLimits.MAX_DEPTH + 1), "joints deep");
  }

  @Test
  void chainOf1400JointsIsRefused() {
    refused(chain(1400), "more than " + UrdfLimits.MAX_LINKS + " links");
  }

  @Test
  void fileOf60000LinksIsRefused() {
    refused(chain(60_000), "characters");
  }

  @Test
  void tooManyJointsInAShallowTreeIsRefused() {
    StringBuilder sb = new StringBuilder("<robot name=\"star\">\n<link name=\"root\"/>\n");
    for (int i = 0; i <= UrdfLimits.MAX_JOINTS; i++) {
      sb.append("<joint name=\"j").append(i).append("\" type=\"fixed\"><parent link=\"root\"/>")
          .append("<child link=\"c").append(i).append("\"/></joint>\n");
    }
    refused(sb.append("</robot>\n").toString(), "joints");
  }

  @Test
  void oversizedTextIsRefusedBeforeParsing() {
    refused("<robot name=\"r\"><link name=\"a\"/><!--" + "x".repeat(UrdfLimits.MAX_CHARS)
        + "--></robot>", "characters");
  }

  @Test
  void chainAtTheDepthLimitStillParses() {
    long t = System.nanoTime();
    UrdfRobot r = UrdfParser.parse(chain(UrdfLimits.MAX_DEPTH), "ok.urdf");
    System.out.printf("UrdfSizeLimitsTest: %d-joint chain parsed in %.1f ms%n",
        r.joints().size(), (System.nanoTime() - t) / 1e6);
  }
}
