package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Issue #16: physically impossible URDF numbers (which reached a 9.22e14 m reach) are refused
 * with the line and a sentence; every real URDF still parses.
 */
class UrdfPlausibilityTest {

  /** A two-link robot whose link {@code b} and joint {@code j} carry the given fragments. */
  private static String robot(String inertial, String jointBody) {
    return "<robot name=\"r\">\n"
        + "  <link name=\"a\"/>\n"
        + "  <link name=\"b\">" + inertial + "</link>\n"
        + "  <joint name=\"j\" type=\"revolute\">\n"
        + "    <parent link=\"a\"/><child link=\"b\"/>\n"
        + "    " + jointBody + "\n"
        + "  </joint>\n"
        + "</robot>\n";
  }

  private static final String GOOD_JOINT = "<origin xyz=\"0 0 0.1\"/><axis xyz=\"0 0 1\"/>"
      + "<limit lower=\"-1\" upper=\"1\" effort=\"10\" velocity=\"1\"/>";

  private static UrdfException refused(String xml, String... parts) {
    UrdfException e = assertThrows(UrdfException.class, () -> UrdfParser.parse(xml, "bad.urdf"));
    assertTrue(e.line() > 0, e.getMessage());
    assertTrue(e.getMessage().startsWith("bad.urdf:" + e.line() + ": "), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void negativeMassIsRefused() {
    refused(robot("<inertial><mass value=\"-3\"/></inertial>", GOOD_JOINT), "<mass>", "-3");
  }

  @Test
  void hugeMassIsRefused() {
    refused(robot("<inertial><mass value=\"1e308\"/></inertial>", GOOD_JOINT), "1e308");
  }

  @Test
  void zeroMassOfAVirtualLinkIsAccepted() {
    UrdfRobot r = UrdfParser.parse(robot("<inertial><mass value=\"0\"/></inertial>", GOOD_JOINT),
        "ok.urdf");
    assertEquals(0.0, r.links().get("b").massKg());
  }

  @Test
  void negativeInertiaDiagonalIsRefused() {
    refused(robot("<inertial><mass value=\"1\"/><inertia ixx=\"-1\" iyy=\"1\" izz=\"1\" "
        + "ixy=\"0\" ixz=\"0\" iyz=\"0\"/></inertial>", GOOD_JOINT), "<inertia>", "ixx");
  }

  @Test
  void hugeOffsetIsRefusedWithItsLine() {
    UrdfException e = refused(robot("", "<origin xyz=\"1e300 0 0\"/><axis xyz=\"0 0 1\"/>"),
        "<origin>", "1e300");
    assertEquals(6, e.line());
  }

  @Test
  void zeroLengthAxisOfAMovableJointIsRefused() {
    refused(robot("", "<axis xyz=\"0 0 0\"/>"), "<axis>", "zero vector");
  }

  @Test
  void zeroAxisOfAFixedJointIsStillAccepted() {
    String xml = robot("", "<axis xyz=\"0 0 0\"/>").replace("revolute", "fixed");
    assertDoesNotThrow(() -> UrdfParser.parse(xml, "ok.urdf"));
  }

  @Test
  void negativeVelocityLimitIsRefused() {
    refused(robot("", "<limit lower=\"-1\" upper=\"1\" effort=\"1\" velocity=\"-2\"/>"),
        "<limit>", "velocity");
  }

  @Test
  void nanAndInfinityAreRefusedEverywhere() {
    refused(robot("<inertial><mass value=\"NaN\"/></inertial>", GOOD_JOINT), "NaN");
    refused(robot("", "<origin xyz=\"0 0 Infinity\"/>"), "Infinity");
    refused(robot("", "<limit lower=\"-Infinity\" upper=\"1\" velocity=\"1\"/>"), "Infinity");
    refused(robot("<inertial><mass value=\"1\"/><inertia ixx=\"NaN\"/></inertial>", GOOD_JOINT),
        "NaN");
  }

  @Test
  void negativeGeometryIsRefused() {
    refused(robot("<visual><geometry><sphere radius=\"-1\"/></geometry></visual>", GOOD_JOINT),
        "<sphere>", "radius");
  }

  /** Every real URDF the project uses keeps parsing under the bounds. */
  @TestFactory
  List<DynamicTest> everyRealUrdfStillParses() {
    List<Path> files = new ArrayList<>();
    files.addAll(urdfs(SharedUrdfs.dir()));
    files.addAll(urdfs(SharedUrdfs.dir().resolve("extra")));
    files.addAll(urdfs(Path.of(System.getProperty("flotilla.root", "."), "urdf")));
    assertTrue(files.size() > 40, "real URDFs found: " + files.size());
    // minitaur_pybullet.urdf, which declares <?xml version="0.0"?>, included: the parser reads
    // that declaration as 1.0 (issue #13).
    return files.stream()
        .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(),
            () -> assertDoesNotThrow(() -> UrdfParser.parse(p), p.toString())))
        .toList();
  }

  private static List<Path> urdfs(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".urdf")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
