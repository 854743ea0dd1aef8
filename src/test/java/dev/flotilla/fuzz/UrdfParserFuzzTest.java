package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.flotilla.urdf.UrdfException;
import dev.flotilla.urdf.UrdfParser;
import dev.flotilla.urdf.UrdfRobot;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link UrdfParser}: its contract is a validated robot or a {@link UrdfException} whose
 * message starts with the source and, when known, the line (never past the end of the text).
 */
class UrdfParserFuzzTest {

  private static final String SOURCE = "fuzz.urdf";

  private static final List<String> TOKENS = List.of("<", ">", "</", "/>", "<robot>", "</robot>",
      "<link name=\"x\"/>", "<joint name=\"j\" type=\"fixed\">", "</joint>", "<parent link=\"x\"/>",
      "<child link=\"x\"/>", "<gazebo reference=\"x\">", "<sensor type=\"camera\">",
      "<horizontal_fov>", "</horizontal_fov>", "<hfov>", "=\"", "\"", "'", "&amp;", "&#0;",
      "&#x10FFFF;", "&bogus;", "<![CDATA[", "]]>", "<!--", "-->", "<?xml version=\"1.0\"?>",
      "<!DOCTYPE r [<!ENTITY e \"x\">]>", "\n", "1e999", "NaN", "-0", " ");

  private static final List<Fuzz.Seed> CORPUS = corpus();

  private static List<Fuzz.Seed> corpus() {
    List<Fuzz.Seed> out = new ArrayList<>(Fuzz.corpus(UrdfParserFuzzTest.class, "urdfParser"));
    out.addAll(Fuzz.shared("urdf", ".urdf", Long.MAX_VALUE));
    return out;
  }

  /** Parses and checks the contract; returns the robot or null on an error. */
  private static UrdfRobot parse(String xml) {
    UrdfRobot[] out = new UrdfRobot[1];
    Throwable t = Fuzz.checkText(xml, e -> e instanceof UrdfException, () -> {
      out[0] = UrdfParser.parse(xml, SOURCE);
      // The derived views are part of what a caller gets back.
      out[0].tree().linksTopDown();
      out[0].tree().leaves();
    });
    if (t instanceof UrdfException e) {
      long lines = xml.lines().count() + 1;
      Fuzz.expect(xml, e.line() >= 0 && e.line() <= lines,
          () -> "line " + e.line() + " of " + lines + ": " + e.getMessage());
      String prefix = e.line() > 0 ? SOURCE + ":" + e.line() + ": " : SOURCE + ": ";
      Fuzz.expect(xml, e.getMessage().startsWith(prefix), e::getMessage);
    }
    return out[0];
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage-guided (Jazzer): replays the corpus on every build, fuzzes with JAZZER_FUZZ=1.

  @FuzzTest(maxDuration = "30s")
  void urdfParser(byte[] input) {
    parse(new String(input, StandardCharsets.UTF_8));
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random URDF documents, valid and subtly invalid.

  @Test
  void generatedUrdfsAreRobotsOrLocatedErrors() {
    Fuzz.forAll(8201, Fuzz.DEFAULT_TRIES, r -> parse(urdf(new Fuzz.Choices(r))));
  }

  private static final String[] NAMES = {"base", "arm", "hand", "cam", "ghost", "", " ", "a&b"};
  private static final String[] NUMBERS = {"0", "1", "-1.5", "2e-3", "1e999", "NaN", "-Infinity",
      "0x1p3", "", " 1 ", "abc", "1,5", "4294967296"};
  private static final String[] VECTORS = {"0 0 0", "1 2 3", " 0.1  0 -2 ", "0 0", "1 2 3 4",
      "1e999 0 0", "NaN 0 0", "a b c", "", "0\t1\n2", "1e308 1e308 1e308"};
  private static final String[] TYPES = {"fixed", "revolute", "continuous", "prismatic",
      "floating", "planar", "Fixed", ""};

  private static String urdf(Fuzz.Choices c) {
    StringBuilder sb = new StringBuilder();
    if (c.flip()) {
      sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }
    sb.append("<").append(c.of("robot", "robot", "robot", "sdf")).append(attr(c, "name", NAMES))
        .append(">\n");
    int elements = c.below(12);
    for (int i = 0; i < elements; i++) {
      switch (c.below(4)) {
        case 0, 1 -> link(c, sb);
        case 2 -> joint(c, sb);
        default -> gazebo(c, sb);
      }
    }
    sb.append("</").append("robot").append(">\n");
    return sb.toString();
  }

  private static void link(Fuzz.Choices c, StringBuilder sb) {
    sb.append("  <link").append(attr(c, "name", NAMES)).append(">\n");
    if (c.flip()) {
      sb.append("    <inertial><mass").append(attr(c, "value", NUMBERS)).append("/></inertial>\n");
    }
    int shapes = c.below(3);
    for (int i = 0; i < shapes; i++) {
      String tag = c.of("visual", "collision");
      sb.append("    <").append(tag).append(">");
      if (c.flip()) {
        sb.append("<origin").append(attr(c, "xyz", VECTORS)).append(attr(c, "rpy", VECTORS))
            .append("/>");
      }
      sb.append("<geometry>");
      switch (c.below(5)) {
        case 0 -> sb.append("<box").append(attr(c, "size", VECTORS)).append("/>");
        case 1 -> sb.append("<cylinder").append(attr(c, "radius", NUMBERS))
            .append(attr(c, "length", NUMBERS)).append("/>");
        case 2 -> sb.append("<sphere").append(attr(c, "radius", NUMBERS)).append("/>");
        case 3 -> sb.append("<mesh filename=\"package://p/m.dae\"/>");
        default -> sb.append("<capsule/>");
      }
      sb.append("</geometry></").append(tag).append(">\n");
    }
    sb.append("  </link>\n");
  }

  private static void joint(Fuzz.Choices c, StringBuilder sb) {
    sb.append("  <joint").append(attr(c, "name", NAMES)).append(attr(c, "type", TYPES))
        .append(">\n");
    if (c.below(5) != 0) {
      sb.append("    <parent").append(attr(c, "link", NAMES)).append("/>\n");
    }
    if (c.below(5) != 0) {
      sb.append("    <child").append(attr(c, "link", NAMES)).append("/>\n");
    }
    if (c.flip()) {
      sb.append("    <origin").append(attr(c, "xyz", VECTORS)).append(attr(c, "rpy", VECTORS))
          .append("/>\n");
    }
    if (c.flip()) {
      sb.append("    <axis").append(attr(c, "xyz", VECTORS)).append("/>\n");
    }
    if (c.flip()) {
      sb.append("    <limit").append(attr(c, "lower", NUMBERS)).append(attr(c, "upper", NUMBERS))
          .append(attr(c, "effort", NUMBERS)).append(attr(c, "velocity", NUMBERS))
          .append("/>\n");
    }
    if (c.below(4) == 0) {
      sb.append("    <mimic").append(attr(c, "joint", NAMES))
          .append(attr(c, "multiplier", NUMBERS)).append(attr(c, "offset", NUMBERS))
          .append("/>\n");
    }
    sb.append("  </joint>\n");
  }

  private static void gazebo(Fuzz.Choices c, StringBuilder sb) {
    sb.append("  <gazebo").append(attr(c, "reference", NAMES)).append(">\n");
    if (c.flip()) {
      sb.append("    <sensor").append(attr(c, "type", "camera", "depth", "ray", "gpu_lidar",
          "imu", "")).append(attr(c, "name", NAMES)).append(">");
      int depth = c.below(4);
      sb.append("<camera>".repeat(depth));
      sb.append("<horizontal_fov>").append(c.of(NUMBERS)).append("</horizontal_fov>");
      sb.append("</camera>".repeat(depth));
      sb.append("</sensor>\n");
    } else {
      String kind = c.of("camera", "ray", "depth", "");
      sb.append("    <sensor:").append(kind.isEmpty() ? "x" : kind).append(">");
      sb.append("<hfov>").append(c.of(NUMBERS)).append("</hfov>");
      sb.append("</sensor:").append(kind.isEmpty() ? "x" : kind).append(">\n");
    }
    sb.append("  </gazebo>\n");
  }

  /** An attribute with one of the values, or (sometimes) no attribute at all. */
  private static String attr(Fuzz.Choices c, String name, String... values) {
    if (c.below(8) == 7) {
      return "";
    }
    String v = c.of(values).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    return " " + name + "=\"" + v + "\"";
  }

  /** Deep element nesting at the places the parser walks: the sizes mutation never reaches. */
  @Test
  void deeplyNestedElementsAreRobotsOrLocatedErrors() {
    Fuzz.forAll(8202, 40, r -> parse(nesting(Fuzz.pick(r, "robot", "link", "visual", "geometry",
        "gazebo", "sensor", "camera"), Fuzz.pick(r, "a", "camera", "sensor", "link"),
        1 + r.nextInt(50_000))));
  }

  private static String nesting(String where, String tag, int n) {
    String open = "<" + tag + ">";
    String close = "</" + tag + ">";
    String inner = open.repeat(n) + "<horizontal_fov>1</horizontal_fov>" + close.repeat(n);
    return switch (where) {
      case "robot" -> "<robot name=\"r\">" + inner + "<link name=\"l\"/></robot>";
      case "link", "visual", "geometry" ->
          "<robot name=\"r\"><link name=\"l\"><visual><geometry>" + inner
              + "</geometry></visual></link></robot>";
      default -> "<robot name=\"r\"><link name=\"l\"/><gazebo reference=\"l\">"
          + "<sensor type=\"camera\">" + inner + "</sensor></gazebo></robot>";
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed corpus (ours and the real URDFs in ../shared/data/urdf).

  @Test
  void mutatedSeedsAreRobotsOrLocatedErrors() {
    Fuzz.forAll(8203, Fuzz.DEFAULT_TRIES, r -> parse(new String(Fuzz.mutate(
        Fuzz.pick(r, CORPUS).bytes(), Fuzz.mutations(r), TOKENS, CORPUS),
        StandardCharsets.UTF_8)));
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests.

  /** Found by mutation: SAX reports line -1 for a cut XML declaration; the contract says 0. */
  @Test
  void truncatedXmlDeclarationHasLineZeroNotMinusOne() {
    Throwable t = Fuzz.checkText("<?xml", e -> e instanceof UrdfException,
        () -> UrdfParser.parse("<?xml", SOURCE));
    UrdfException e = (UrdfException) t;
    org.junit.jupiter.api.Assertions.assertEquals(0, e.line());
    assertTrue(e.getMessage().startsWith(SOURCE + ": malformed XML"), e.getMessage());
  }

  /** Found by the nesting property: the sensor FOV search recursed once per element level. */
  @Test
  void deeplyNestedSensorBlockIsNotAStackOverflow() {
    int n = 10_000;
    String xml = "<robot name=\"r\"><link name=\"l\"/><gazebo reference=\"l\">"
        + "<sensor type=\"camera\">" + "<a>".repeat(n) + "<horizontal_fov>1.5</horizontal_fov>"
        + "</a>".repeat(n) + "</sensor></gazebo></robot>";
    UrdfRobot robot = parse(xml);
    org.junit.jupiter.api.Assertions.assertEquals(1.5, robot.sensors().get(0).horizontalFovRad());
  }

  @Test
  void everySeedKeepsTheContract() {
    assertTrue(CORPUS.size() >= 2);
    for (Fuzz.Seed s : CORPUS) {
      parse(new String(s.bytes(), StandardCharsets.UTF_8));
    }
  }
}
