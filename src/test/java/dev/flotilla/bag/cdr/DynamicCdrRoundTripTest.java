package dev.flotilla.bag.cdr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.json.MessageJson;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrWriter;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Seeded random messages of every bundled common type and every flotilla_msgs type survive
 * encode → decode → encode in both byte orders, and the dynamic encoder agrees with a message
 * written field by field with the CDR primitives.
 */
class DynamicCdrRoundTripTest {

  static MessageDefinitions registry() throws IOException {
    Path msg = Path.of(System.getProperty("flotilla.root", "."), "msg");
    return MessageDefinitions.bundled().withPackage("flotilla_msgs", msg);
  }

  @TestFactory
  Stream<DynamicTest> everyKnownTypeRoundTrips() throws IOException {
    MessageDefinitions defs = registry();
    List<String> types = new ArrayList<>(defs.types());
    assertTrue(types.stream().filter(t -> t.startsWith("flotilla_msgs/")).count() >= 10,
        "flotilla_msgs definitions missing");
    return types.stream().map(type -> DynamicTest.dynamicTest(type, () -> {
      MessageTypes ts = defs.typesFor(type);
      // The schema text we would store in a bag parses back to the same types.
      MessageTypes fromSchema = MessageTypes.fromSchema(type, defs.schemaText(type), null);
      assertEquals(ts.all().keySet(), fromSchema.all().keySet());
      for (ByteOrder order : List.of(ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN)) {
        DynamicCdrEncoder enc = new DynamicCdrEncoder(fromSchema, type, order);
        DynamicCdrDecoder dec = new DynamicCdrDecoder(fromSchema, type);
        RandomMessages gen = new RandomMessages(ts, type.hashCode());
        for (int i = 0; i < 20; i++) {
          Map<String, Object> m = gen.message(type);
          byte[] bytes = enc.encode(m);
          Map<String, Object> back = dec.decode(bytes);
          assertEquals(MessageJson.toJson(m), MessageJson.toJson(back));
          assertArrayEquals(bytes, enc.encode(back));
        }
      }
    }));
  }

  @Test
  void heartbeatMatchesHandWrittenCdr() throws IOException {
    MessageTypes ts = registry().typesFor("flotilla_msgs/msg/Heartbeat");
    CdrWriter w = new CdrWriter();
    w.writeString("tb3_1");
    w.writeInt64(42);
    w.writeInt32(1_700_000_000);
    w.writeInt32(5);
    w.writeInt8((byte) 2);
    w.writeString("task-7");
    w.writeInt32(-1);
    w.writeInt64(3);
    w.writeFloat32(0.75f);
    w.writeFloat32(1.0f);
    w.writeString("tb3_1"); // auth: sender_id, sequence, scheme, signature
    w.writeInt64(9);
    w.writeInt8((byte) 2);
    w.writeInt32(2);
    w.writeInt8((byte) 0xab);
    w.writeInt8((byte) 0xcd);
    Map<String, Object> hb = new DynamicCdrDecoder(ts, "flotilla_msgs/msg/Heartbeat")
        .decode(w.toByteArray());
    assertEquals("tb3_1", hb.get("robot_id"));
    assertEquals(42L, hb.get("sequence_number"));
    assertEquals(Map.of("sec", 1_700_000_000, "nanosec", 5L), hb.get("stamp"));
    assertEquals(2, hb.get("state"));
    assertEquals(-1, hb.get("current_step"));
    assertEquals(0.75f, hb.get("battery"));
    assertEquals("tb3_1", ((Map<?, ?>) hb.get("auth")).get("sender_id"));
    assertEquals(9L, ((Map<?, ?>) hb.get("auth")).get("sequence"));
    assertArrayEquals(w.toByteArray(), new DynamicCdrEncoder(ts, "flotilla_msgs/msg/Heartbeat",
        ByteOrder.LITTLE_ENDIAN).encode(hb));
  }

  @Test
  void missingFieldsTakeDefinitionDefaults() {
    MessageTypes ts = MessageDefinitions.bundled().typesFor("geometry_msgs/msg/Pose");
    byte[] b = new DynamicCdrEncoder(ts, "geometry_msgs/msg/Pose", ByteOrder.LITTLE_ENDIAN)
        .encode(Map.of());
    Map<String, Object> pose = new DynamicCdrDecoder(ts, "geometry_msgs/msg/Pose").decode(b);
    assertEquals(1.0, ((Map<?, ?>) pose.get("orientation")).get("w"));
  }

  @Test
  void wrongValuesAreRejectedNamingTheField() {
    MessageTypes ts = MessageDefinitions.bundled().typesFor("std_msgs/msg/Header");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new DynamicCdrEncoder(ts, "std_msgs/msg/Header", ByteOrder.LITTLE_ENDIAN)
            .encode(Map.of("stamp", Map.of("sec", "noon"))));
    assertTrue(e.getMessage().contains("std_msgs/msg/Header.stamp.sec"), e.getMessage());
  }

  @Test
  void truncatedPayloadFailsWithItsOffset() {
    MessageTypes ts = MessageDefinitions.bundled().typesFor("geometry_msgs/msg/Point");
    byte[] b = new DynamicCdrEncoder(ts, "geometry_msgs/msg/Point", ByteOrder.LITTLE_ENDIAN)
        .encode(Map.of("x", 1.0, "y", 2.0, "z", 3.0));
    byte[] cut = Arrays.copyOf(b, b.length - 4);
    CdrException e = assertThrows(CdrException.class,
        () -> new DynamicCdrDecoder(ts, "geometry_msgs/msg/Point").decode(cut));
    assertEquals(20, e.offset());
  }
}
