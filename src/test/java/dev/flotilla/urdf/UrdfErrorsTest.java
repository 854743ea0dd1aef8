package dev.flotilla.urdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each bad URDF names the source, the line and the element at fault. */
class UrdfErrorsTest {

  private static UrdfException parseFails(String xml) {
    return assertThrows(UrdfException.class, () -> UrdfParser.parse(xml, "bad.urdf"));
  }

  private static void assertMentions(UrdfException e, String... parts) {
    assertTrue(e.getMessage().startsWith("bad.urdf:" + e.line() + ": "), e.getMessage());
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "'" + p + "' missing in: " + e.getMessage());
    }
  }

  @Test
  void malformedXmlNamesLineAndOpenElement() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a">
                <visual>
              </link>
            </robot>
            """);
    assertEquals(4, e.line());
    assertEquals("visual", e.element());
    assertMentions(e, "malformed XML", "<visual>");
  }

  @Test
  void missingChildLink() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <joint name="j" type="fixed">
                <parent link="a"/><child link="ghost"/>
              </joint>
            </robot>
            """);
    assertEquals(3, e.line());
    assertMentions(e, "<joint name=\"j\">", "child link \"ghost\" does not exist");
  }

  @Test
  void missingParentLink() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <joint name="j" type="fixed">
                <parent link="nowhere"/><child link="a"/>
              </joint>
            </robot>
            """);
    assertEquals(3, e.line());
    assertMentions(e, "<joint name=\"j\">", "parent link \"nowhere\" does not exist");
  }

  @Test
  void cycleNamesTheJointThatClosesIt() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="root"/>
              <link name="a"/>
              <link name="b"/>
              <joint name="r_a" type="fixed"><parent link="root"/><child link="a"/></joint>
              <joint name="a_b" type="fixed"><parent link="a"/><child link="b"/></joint>
              <joint name="b_root" type="fixed"><parent link="b"/><child link="root"/></joint>
            </robot>
            """);
    assertEquals(7, e.line());
    assertMentions(e, "<joint name=\"b_root\">", "cycle");
  }

  @Test
  void secondParentIsRejected() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <link name="b"/>
              <link name="c"/>
              <joint name="a_c" type="fixed"><parent link="a"/><child link="c"/></joint>
              <joint name="b_c" type="fixed"><parent link="b"/><child link="c"/></joint>
            </robot>
            """);
    assertEquals(6, e.line());
    assertMentions(e, "<joint name=\"b_c\">", "already has parent joint \"a_c\"");
  }

  @Test
  void twoRootsNameTheSecondRootLink() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <link name="b"/>
              <link name="c"/>
              <joint name="a_b" type="fixed"><parent link="a"/><child link="b"/></joint>
            </robot>
            """);
    assertEquals(4, e.line());
    assertMentions(e, "<link name=\"c\">", "2 root links [a, c]");
  }

  @Test
  void lowerAboveUpperNamesTheLimit() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <link name="b"/>
              <joint name="elbow" type="revolute">
                <parent link="a"/><child link="b"/>
                <limit lower="2.0" upper="1.0" effort="1" velocity="1"/>
              </joint>
            </robot>
            """);
    assertEquals(6, e.line());
    assertMentions(e, "<limit>", "lower limit 2.0 > upper limit 1.0", "\"elbow\"");
  }

  @Test
  void nonNumericAttributeIsNamed() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <link name="b"/>
              <joint name="j" type="fixed">
                <origin xyz="0 0 ${height}" rpy="0 0 0"/>
                <parent link="a"/><child link="b"/>
              </joint>
            </robot>
            """);
    assertEquals(5, e.line());
    assertMentions(e, "<origin>", "xyz=\"0 0 ${height}\"");
  }

  @Test
  void nonNumericLimitIsNamed() {
    UrdfException e =
        parseFails(
            """
            <robot name="r">
              <link name="a"/>
              <link name="b"/>
              <joint name="j" type="prismatic">
                <parent link="a"/><child link="b"/>
                <limit lower="zero" upper="1" effort="1" velocity="1"/>
              </joint>
            </robot>
            """);
    assertEquals(6, e.line());
    assertMentions(e, "<limit>", "lower=\"zero\" is not a number");
  }

  @Test
  void unknownJointTypeAndWrongRootAreNamed() {
    UrdfException type =
        parseFails(
            """
            <robot name="r">
              <link name="a"/><link name="b"/>
              <joint name="j" type="hinge"><parent link="a"/><child link="b"/></joint>
            </robot>
            """);
    assertMentions(type, "<joint name=\"j\">", "unknown joint type \"hinge\"");
    UrdfException root = parseFails("<sdf version=\"1.6\"/>");
    assertMentions(root, "the root element must be <robot>");
  }
}
