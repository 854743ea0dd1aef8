package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.std_msgs.Header;
import org.junit.jupiter.api.Test;
import us.ihmc.pubsub.attributes.PublisherAttributes;
import us.ihmc.pubsub.attributes.SubscriberAttributes;

/** The USER_DATA Flotilla's endpoints advertise, formatted as Jazzy's rmw formats it. */
class TypeHashUserDataTest {
  /** std_msgs/msg/Header's hash as rosidl generated it for Jazzy. */
  static final String HEADER_HASH =
      "RIHS01_f49fb3ae2cf070f793645ff749683ac6b06203e41c891e17701b1cb597ce6a01";

  @Test
  void typedAndRawEndpointsGetRosidlsHash() {
    assertEquals(HEADER_HASH, TypeHashUserData.hash(Header.TYPE));
    assertEquals(HEADER_HASH, TypeHashUserData.hash("std_msgs/Header"));
    // A raw endpoint of one of our own types (bag record of /flotilla/allocation) has it too.
    assertEquals(TypeHashUserData.hash(Allocation.TYPE),
        TypeHashUserData.hash("flotilla_msgs/msg/Allocation"));
    assertTrue(TypeHashUserData.hash(Allocation.TYPE).startsWith("RIHS01_"));
  }

  @Test
  void textIsRmwsKeyValueEntry() {
    assertEquals("typehash=" + HEADER_HASH + ";", TypeHashUserData.text(HEADER_HASH));
    assertEquals("", TypeHashUserData.text(""));
  }

  @Test
  void xmlOctetsAreDottedHexAsFastDdsParsesThem() {
    assertEquals("74.79.3d.3b", TypeHashUserData.xmlOctets("ty=;"));
  }

  @Test
  void unknownOrUnhashableTypesAdvertiseNothing() {
    assertEquals("", TypeHashUserData.hash("no_such_pkg/msg/Nothing"));
    MessageType<String> broken = new MessageType<>("bad_pkg/msg/Broken",
        "bad_pkg::msg::dds_::Broken_", "no_such_pkg/Missing field\n", 64, r -> "", (w, v) -> { });
    assertEquals("", TypeHashUserData.hash(broken));
    PublisherAttributes writer = PublisherAttributes.create();
    TypeHashUserData.apply(writer, "");
    assertNull(writer.getProfile().getQos() == null ? null
        : writer.getProfile().getQos().getUserData());
  }

  @Test
  void writerAndReaderProfilesCarryTheUserData() throws Exception {
    PublisherAttributes writer = PublisherAttributes.create();
    TypeHashUserData.apply(writer, HEADER_HASH);
    assertEquals(TypeHashUserData.xmlOctets("typehash=" + HEADER_HASH + ";"),
        writer.getProfile().getQos().getUserData().getValue().get(0));
    SubscriberAttributes reader = SubscriberAttributes.create();
    TypeHashUserData.apply(reader, HEADER_HASH);
    String xml = reader.marshall("p");
    assertNotNull(xml);
    assertTrue(xml.contains(TypeHashUserData.xmlOctets("typehash=")), xml);
  }
}
