package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.msgs.nav_msgs.Odometry;
import dev.flotilla.msgs.std_msgs.Header;
import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import us.ihmc.pubsub.common.SerializedPayload;

/** The raw-bytes DDS type: names as rmw gives them, bytes passed through unchanged. */
class RawTopicTypeTest {

  @Test
  void ddsNamesFollowRosidl() {
    assertEquals("std_msgs::msg::dds_::String_", RawTopicType.ddsName("std_msgs/msg/String"));
    assertEquals("nav_msgs::msg::dds_::Odometry_", RawTopicType.ddsName("nav_msgs/Odometry"));
    assertEquals("nav_msgs/msg/Odometry", RawTopicType.fullRosName("nav_msgs/Odometry"));
    // The generated bindings use the same DDS names, so raw and typed endpoints match.
    assertEquals(Odometry.TYPE.ddsName(), RawTopicType.ddsName(Odometry.TYPE.rosName()));
    assertEquals(Odometry.TYPE.ddsName(),
        new RawTopicType("nav_msgs/msg/Odometry", 1024).getName());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "String", "std_msgs/msg/", "std_msgs/srv/String",
      "std_msgs/msg/string", "std_msgs::msg::String", "/std_msgs/msg/String", "a/b/c/D"})
  void malformedTypeNamesAreRejectedNamingTheValue(String name) {
    assertFalse(RawTopicType.isValidRosName(name));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RawTopicType(name, 1024));
    assertTrue(e.getMessage().contains("'" + name + "'"), e.getMessage());
  }

  @Test
  void bytesRoundTripThroughThePayloadAndDecodeAsTheTypedMessage() throws IOException {
    Odometry odom = Odometry.builder().header(new Header(NodeClock.Stamps.time(12.5), "odom"))
        .childFrameId("r1/base_link").build();
    odom = odom.toBuilder().pose(odom.pose().toBuilder().pose(odom.pose().pose().toBuilder()
        .position(new Point(1.5, -2.0, 0.25)).build()).build()).build();
    byte[] cdr = Odometry.TYPE.encode(odom);
    RawTopicType type = new RawTopicType("nav_msgs/msg/Odometry", 4096);
    RawTopicType.Sample in = type.createData();
    RawTopicType.Sample out = type.createData();
    in.data = cdr;
    SerializedPayload payload = new SerializedPayload(type.getTypeSize());
    type.serialize(in, payload);
    assertEquals(SerializedPayload.CDR_LE, payload.getEncapsulation());
    assertEquals(cdr.length, payload.getLength());
    receivedByIhmc(payload);
    type.deserialize(payload, out);
    assertArrayEquals(cdr, out.data());
    assertEquals(odom, Odometry.TYPE.decode(out.data()));
  }

  @Test
  void bigEndianPayloadsKeepTheirEncapsulation() throws IOException {
    CdrWriter w = new CdrWriter(ByteOrder.BIG_ENDIAN, 64);
    w.writeString("hello");
    byte[] cdr = w.toByteArray();
    RawTopicType type = new RawTopicType("std_msgs/msg/String", 64);
    RawTopicType.Sample in = type.createData();
    in.data = cdr;
    SerializedPayload payload = new SerializedPayload(type.getTypeSize());
    type.serialize(in, payload);
    assertEquals(SerializedPayload.CDR_BE, payload.getEncapsulation());
    receivedByIhmc(payload);
    RawTopicType.Sample out = type.createData();
    type.deserialize(payload, out);
    assertArrayEquals(cdr, out.data());
    assertEquals("hello", dev.flotilla.msgs.std_msgs.String.TYPE.decode(out.data()).data());
  }

  /**
   * What ihmc-pub-sub 0.19's subscriber does to a received payload before deserializing it: the
   * length grows by 4 (an encapsulation header it assumes is not counted), stale bytes follow.
   */
  private static void receivedByIhmc(SerializedPayload payload) {
    int n = payload.getLength();
    payload.getData().limit(n + 4);
    payload.getData().put(n, new byte[] {0x6c, 0x6c, 0x6f, 0x20});
    payload.setLength(n + 4);
  }

  @Test
  void aReceivedLengthOutsideTheReservationIsAnError() {
    RawTopicType type = new RawTopicType("std_msgs/msg/String", 16);
    SerializedPayload payload = new SerializedPayload(type.getTypeSize());
    payload.setLength(type.getTypeSize());
    assertThrows(IOException.class, () -> type.deserialize(payload, type.createData()));
    payload.setLength(6);
    assertThrows(IOException.class, () -> type.deserialize(payload, type.createData()));
  }

  @Test
  void oversizedAndHeaderlessSamplesAreRefused() {
    RawTopicType type = new RawTopicType("std_msgs/msg/String", 16);
    RawTopicType.Sample big = type.createData();
    big.data = new byte[17];
    big.data[1] = 1;
    IOException e = assertThrows(IOException.class,
        () -> type.serialize(big, new SerializedPayload(type.getTypeSize())));
    assertTrue(e.getMessage().contains("17 bytes"), e.getMessage());
    RawTopicType.Sample tiny = type.createData();
    tiny.data = new byte[2];
    assertThrows(IOException.class, () -> type.serialize(tiny, new SerializedPayload(16)));
    assertThrows(IllegalArgumentException.class, () -> new RawTopicType("std_msgs/msg/String",
        3));
  }
}
