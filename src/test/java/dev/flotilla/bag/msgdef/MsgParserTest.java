package dev.flotilla.bag.msgdef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.msgdef.FieldType.ArrayKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MsgParserTest {

  @Test
  void parsesFieldsConstantsDefaultsArraysAndBounds() {
    MsgSpec s = MsgParser.parseMsg("demo_msgs/Thing", String.join("\n",
        "# comment line",
        "uint8 STATE_IDLE=0  # trailing comment",
        "string GREETING=hello # not a comment in a string constant",
        "int32 count 7 # default",
        "float64[36] covariance",
        "string<=10 name",
        "int16[<=4] small",
        "Header header",
        "geometry_msgs/Point[] points",
        "Other local",
        "string text \"a # b\""));
    assertEquals("demo_msgs/msg/Thing", s.name());
    assertEquals(2, s.constants().size());
    assertEquals("0", s.constants().get(0).value());
    assertEquals("hello # not a comment in a string constant", s.constants().get(1).value());
    assertEquals("7", s.fields().get(0).defaultValue());
    FieldType cov = s.fields().get(1).type();
    assertEquals(ArrayKind.FIXED, cov.array());
    assertEquals(36, cov.arrayLength());
    assertEquals(10, s.fields().get(2).type().stringBound());
    assertEquals(ArrayKind.BOUNDED, s.fields().get(3).type().array());
    assertEquals("std_msgs/msg/Header", s.fields().get(4).type().baseType());
    assertEquals("geometry_msgs/msg/Point", s.fields().get(5).type().baseType());
    assertEquals(ArrayKind.UNBOUNDED, s.fields().get(5).type().array());
    assertEquals("demo_msgs/msg/Other", s.fields().get(6).type().baseType());
    assertEquals("\"a # b\"", s.fields().get(7).defaultValue());
    assertNull(s.fields().get(1).defaultValue());
  }

  @Test
  void schemaSectionsDefineDependencies() {
    String schema = "geometry_msgs/Point position\n"
        + "=".repeat(80) + "\nMSG: geometry_msgs/Point\nfloat64 x\nfloat64 y\nfloat64 z\n";
    Map<String, MsgSpec> specs = MsgParser.parseSchema("demo_msgs/msg/P", schema);
    assertEquals(2, specs.size());
    assertEquals(3, specs.get("geometry_msgs/msg/Point").fields().size());
  }

  @Test
  void serviceEventSchemasExpandToRequestResponseAndEvent() {
    Map<String, MsgSpec> specs = MsgParser.parseSchema("demo_msgs/srv/Add_Event",
        "int64 a\nint64 b\n---\nint64 sum\n");
    assertEquals(1, specs.get("demo_msgs/srv/Add_Response").fields().size());
    MsgSpec event = specs.get("demo_msgs/srv/Add_Event");
    assertEquals(ArrayKind.BOUNDED, event.fields().get(1).type().array());
    assertEquals("service_msgs/msg/ServiceEventInfo", event.fields().get(0).type().baseType());
  }

  @Test
  void errorsNameTypeLineAndColumn() {
    MsgParseException e = assertThrows(MsgParseException.class,
        () -> MsgParser.parseMsg("demo_msgs/Bad", "int32 ok\nfloat64[x] broken\n"));
    assertTrue(e.getMessage().startsWith("demo_msgs/msg/Bad:2:"), e.getMessage());
    assertThrows(MsgParseException.class, () -> MsgParser.parseMsg("demo_msgs/Bad", "lonely"));
    MsgParseException missing = assertThrows(MsgParseException.class,
        () -> MessageTypes.fromSchema("demo_msgs/X", "demo_msgs/Nowhere n\n", null));
    assertTrue(missing.getMessage().contains("demo_msgs/msg/Nowhere"), missing.getMessage());
  }

  @Test
  void schemaTextListsEveryDependencyOnce() {
    String text = MessageDefinitions.bundled().schemaText("nav_msgs/msg/Odometry");
    for (String dep : new String[] {"std_msgs/Header", "builtin_interfaces/Time",
        "geometry_msgs/PoseWithCovariance", "geometry_msgs/Pose", "geometry_msgs/Point",
        "geometry_msgs/Quaternion", "geometry_msgs/TwistWithCovariance", "geometry_msgs/Twist",
        "geometry_msgs/Vector3"}) {
      assertEquals(1, text.split("MSG: " + dep + "\n", -1).length - 1, dep);
    }
  }
}
