package dev.flotilla.typehash;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MsgParser;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Unit checks of the description builder, the canonical JSON and the hash. */
class TypeHashesTest {
  private static final MessageDefinitions BUNDLED = MessageDefinitions.bundled();

  private static Map<String, MsgSpec> specs(String... typeAndText) {
    Map<String, MsgSpec> m = new LinkedHashMap<>();
    for (int i = 0; i < typeAndText.length; i += 2) {
      String full = MsgParser.fullName(typeAndText[i]);
      m.put(full, MsgParser.parseMsg(full, typeAndText[i + 1]));
    }
    return m;
  }

  @Test
  void hashableJsonOfTimeIsExactlyRosidls() {
    TypeDescription d = TypeDescriptions.of("builtin_interfaces/msg/Time",
        specs("builtin_interfaces/msg/Time", "# comment\nint32 sec\nuint32 nanosec\n"));
    assertEquals("{\"type_description\": {\"type_name\": \"builtin_interfaces/msg/Time\","
        + " \"fields\": [{\"name\": \"sec\", \"type\": {\"type_id\": 6, \"capacity\": 0,"
        + " \"string_capacity\": 0, \"nested_type_name\": \"\"}}, {\"name\": \"nanosec\","
        + " \"type\": {\"type_id\": 7, \"capacity\": 0, \"string_capacity\": 0,"
        + " \"nested_type_name\": \"\"}}]}, \"referenced_type_descriptions\": []}",
        HashableJson.of(d));
  }

  /**
   * Hashes rosidl generated for ROS 2 Jazzy (its {@code share/<pkg>/msg/<Type>.json}, and the
   * expected hashes of a rosidl_generator_c {@code __description.c}), computed here from the
   * bundled .msg files.
   */
  @Test
  void bundledTypesHashAsRosidlDoes() {
    Map<String, String> known = Map.of(
        "builtin_interfaces/msg/Time",
        "RIHS01_b106235e25a4c5ed35098aa0a61a3ee9c9b18d197f398b0e4206cea9acf9c197",
        "builtin_interfaces/msg/Duration",
        "RIHS01_e8d009f659816f758b75334ee1a9ca5b5c0b859843261f14c7f937349599d93b",
        "std_msgs/msg/Header",
        "RIHS01_f49fb3ae2cf070f793645ff749683ac6b06203e41c891e17701b1cb597ce6a01",
        "std_msgs/msg/String",
        "RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18",
        "std_msgs/msg/Float64",
        "RIHS01_705ba9c3d1a09df43737eb67095534de36fd426c0587779bda2bc51fe790182a",
        "service_msgs/msg/ServiceEventInfo",
        "RIHS01_41bcbbe07a75c9b52bc96bfd5c24d7f0fc0a08c0cb7921b3373c5732345a6f45");
    for (var e : known.entrySet()) {
      assertEquals(e.getValue(), TypeHashes.of(e.getKey(), BUNDLED), e.getKey());
    }
  }

  /**
   * A service with an empty response ({@code gazebo_msgs/srv/JointRequest}): the expected hashes
   * are those in its rosidl-generated {@code joint_request__description.c}.
   */
  @Test
  void serviceEventAndEmptyResponseHashAsRosidlDoes() {
    String srv = "string joint_name   # name of the joint requested\n---\n";
    assertEquals("RIHS01_ff649fa871433a6625533e6cb997ffb4824a62d38c3051cd07066ca8b9d31cde",
        TypeHashes.ofSchema("gazebo_msgs/srv/JointRequest_Event", srv, BUNDLED::spec));
    assertEquals("RIHS01_d75a9b08ae3ca4208e46c43787da1f869f9dd560cbb141a95d27e531a3bbccc6",
        TypeHashes.ofSchema("gazebo_msgs/srv/JointRequest_Request", srv, BUNDLED::spec));
    assertEquals("RIHS01_212f87ac57b8974b01c3de86164d40d1a79231eff260d41df3780d5e02b9d8c9",
        TypeHashes.ofSchema("gazebo_msgs/srv/JointRequest_Response", srv, BUNDLED::spec));
  }

  @Test
  void emptyMessageGetsThePlaceholderField() {
    TypeDescription d = TypeDescriptions.of("std_msgs/msg/Empty", BUNDLED::spec);
    assertEquals(List.of(new FieldDescription(TypeDescriptions.EMPTY_STRUCTURE_FIELD,
        new FieldTypeDescription(FieldTypeIds.UINT8, 0, 0, ""), "")),
        d.typeDescription().fields());
  }

  @Test
  void fieldTypeIdsCapacitiesAndStringCapacities() {
    TypeDescription d = TypeDescriptions.of("p/msg/All", specs("p/msg/All", String.join("\n",
        "bool a", "byte b", "char c", "float32 d", "float64 e", "int8 f", "uint64 g",
        "string h", "wstring i", "string<=5 j", "wstring<=6 k",
        "float64[36] l", "int32[<=4] m", "uint8[] n",
        "string<=7[3] o", "string<=8[<=2] p", "string[] q", "Header r", "Sub[2] s",
        "q/Other[] t", "Sub[<=9] u", "int32 CONST=3", "string S=\"a # b\""),
        "p/msg/Sub", "int8 x 5", "std_msgs/msg/Header",
        "builtin_interfaces/Time stamp\nstring frame_id", "builtin_interfaces/msg/Time",
        "int32 sec\nuint32 nanosec", "q/msg/Other", "string<=3 y"));
    int[][] expected = {
        {15, 0, 0}, {16, 0, 0}, {3, 0, 0}, {10, 0, 0}, {11, 0, 0}, {2, 0, 0}, {9, 0, 0},
        {17, 0, 0}, {18, 0, 0}, {21, 0, 5}, {22, 0, 6},
        {59, 36, 0}, {102, 4, 0}, {147, 0, 0},
        {69, 3, 7}, {117, 2, 8}, {161, 0, 0}, {1, 0, 0}, {49, 2, 0},
        {145, 0, 0}, {97, 9, 0}};
    List<FieldDescription> fields = d.typeDescription().fields();
    assertEquals(expected.length, fields.size(), "constants are not fields");
    for (int i = 0; i < expected.length; i++) {
      FieldTypeDescription t = fields.get(i).type();
      assertArrayEquals(expected[i], new int[] {t.typeId(), t.capacity(), t.stringCapacity()},
          fields.get(i).name());
    }
    assertEquals("std_msgs/msg/Header", fields.get(17).type().nestedTypeName());
    assertEquals("q/msg/Other", fields.get(19).type().nestedTypeName());
    assertEquals(List.of("builtin_interfaces/msg/Time", "p/msg/Sub", "q/msg/Other",
        "std_msgs/msg/Header"), d.referencedTypeDescriptions().stream()
        .map(IndividualTypeDescription::typeName).toList());
  }

  @Test
  void commentsConstantsAndDefaultsDoNotChangeTheHashButFieldsDo() {
    String base = TypeHashes.of("p/msg/T", specs("p/msg/T", "int32 a\nstring b"));
    assertEquals(base, TypeHashes.of("p/msg/T", specs("p/msg/T",
        "# doc\nint32 A_CONST=7\nint32 a 42  # the answer\nstring b \"x\"\n")));
    assertNotEquals(base, TypeHashes.of("p/msg/T", specs("p/msg/T", "int32 a\nstring<=4 b")));
    assertNotEquals(base, TypeHashes.of("p/msg/T", specs("p/msg/T", "string b\nint32 a")));
    assertNotEquals(base, TypeHashes.of("p/msg/T", specs("p/msg/T", "int32 a\nstring c")));
    assertNotEquals(base, TypeHashes.of("p/msg/U", specs("p/msg/U", "int32 a\nstring b")));
  }

  @Test
  void jsonEscapesAsPythonsEnsureAscii() {
    String name = "p/msg/\u00e9\"\\\n\u0001~";
    TypeDescription d = new TypeDescription(new IndividualTypeDescription(name,
        List.of(new FieldDescription("x", new FieldTypeDescription(3, 0, 0, ""), ""))),
        List.of());
    assertTrue(HashableJson.of(d).startsWith(
        "{\"type_description\": {\"type_name\": \"p/msg/\\u00e9\\\"\\\\\\n\\u0001~\", "),
        HashableJson.of(d));
  }

  @Test
  void hashStringsParse() {
    String h = "RIHS01_df668c740482bbd48fb39d76a70dfd4bd59db1288021743503259e948f6b1a18";
    assertTrue(TypeHashes.isRihs01(h));
    assertFalse(TypeHashes.isRihs01(h.toUpperCase()));
    assertFalse(TypeHashes.isRihs01("RIHS02_" + h.substring(7)));
    assertEquals(h.substring(7), HexFormat.of().formatHex(TypeHashes.value(h)));
    assertThrows(IllegalArgumentException.class, () -> TypeHashes.value("RIHS01_00"));
  }

  @Test
  void missingTypesAreNamed() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> TypeHashes.of("p/msg/T", specs("p/msg/T", "int32 a\nq/Missing m")));
    assertEquals("Type q/msg/Missing, needed by field 'm' of p/msg/T, is not defined.",
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> TypeHashes.of("p/msg/X", Map.of()));
    assertEquals("Type p/msg/X is not defined.", e.getMessage());
  }
}
