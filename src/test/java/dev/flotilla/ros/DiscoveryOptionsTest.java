package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ros.DiscoveryOptions.Range;
import dev.flotilla.ros.params.ParamsException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DiscoveryOptionsTest {
  private static DiscoveryOptions env(String... kv) {
    Map<String, String> map = new java.util.HashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      map.put(kv[i], kv[i + 1]);
    }
    return DiscoveryOptions.fromEnvironment(map);
  }

  private static String xml(DiscoveryOptions options) throws Exception {
    return options.profile(7).marshall("flotilla_test").replaceAll("\\s+", "");
  }

  @Test
  void subnetIsTheDefault() {
    assertEquals(new DiscoveryOptions(Range.SUBNET, List.of()), env());
    assertEquals(Range.SUBNET, env("ROS_AUTOMATIC_DISCOVERY_RANGE", "").range());
  }

  @Test
  void rangeWordsAsRcl() {
    assertEquals(Range.OFF, env("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF").range());
    assertEquals(Range.LOCALHOST, env("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST").range());
    assertEquals(Range.SUBNET, env("ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET").range());
    assertEquals(Range.SYSTEM_DEFAULT,
        env("ROS_AUTOMATIC_DISCOVERY_RANGE", "SYSTEM_DEFAULT").range());
  }

  @ParameterizedTest
  @ValueSource(strings = {"localhost", "LAN", "0", "SUBNET "})
  void unknownRangeWordNamesTheVariable(String word) {
    ParamsException e = assertThrows(ParamsException.class,
        () -> env("ROS_AUTOMATIC_DISCOVERY_RANGE", word));
    assertTrue(e.getMessage().startsWith("ROS_AUTOMATIC_DISCOVERY_RANGE must be one of"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'" + word + "'"), e.getMessage());
  }

  @Test
  void staticPeersAreSemicolonSeparated() {
    DiscoveryOptions o = env("ROS_STATIC_PEERS", "192.168.0.1; robot-1.example.com;;localhost");
    assertEquals(List.of("192.168.0.1", "robot-1.example.com", "localhost"), o.staticPeers());
    assertEquals(o.staticPeers(), o.effectivePeers());
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1:7400", "300.1.2.3", "fe80::1", "a b", "-host", "1.2.3"})
  void malformedPeerNamesTheVariable(String peer) {
    ParamsException e = assertThrows(ParamsException.class,
        () -> env("ROS_STATIC_PEERS", "127.0.0.1;" + peer));
    assertTrue(e.getMessage().startsWith("ROS_STATIC_PEERS must list host names or IPv4"),
        e.getMessage());
    assertTrue(e.getMessage().contains("'" + peer + "'"), e.getMessage());
  }

  @Test
  void unresolvablePeerNamesTheVariableWhenTheParticipantIsBuilt() {
    DiscoveryOptions o = env("ROS_STATIC_PEERS", "no-such-host.invalid");
    ParamsException e = assertThrows(ParamsException.class,
        () -> o.profile(0));
    assertTrue(e.getMessage().startsWith("ROS_STATIC_PEERS lists 'no-such-host.invalid'"),
        e.getMessage());
  }

  @Test
  void localhostOnlyIsTheDeprecatedAliasAndWinsAsInJazzy() {
    assertEquals(DiscoveryOptions.localhost(), env("ROS_LOCALHOST_ONLY", "1"));
    // Humble's transport: loopback only; Jazzy's LOCALHOST range leaves interfaces alone.
    assertEquals(List.of("127.0.0.1"), env("ROS_LOCALHOST_ONLY", "1").interfaces());
    assertEquals(List.of(), env("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST").interfaces());
    assertEquals(DiscoveryOptions.localhost(), env("ROS_LOCALHOST_ONLY", "1",
        "ROS_AUTOMATIC_DISCOVERY_RANGE", "SUBNET", "ROS_STATIC_PEERS", "10.0.0.2"));
    assertEquals(Range.OFF, env("ROS_LOCALHOST_ONLY", "0",
        "ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF").range());
    ParamsException e = assertThrows(ParamsException.class,
        () -> env("ROS_LOCALHOST_ONLY", "yes"));
    assertTrue(e.getMessage().startsWith("ROS_LOCALHOST_ONLY must be 1 or 0"), e.getMessage());
  }

  @Test
  void peersIgnoredWhenOffOrSystemDefault() {
    assertEquals(List.of(), env("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF",
        "ROS_STATIC_PEERS", "10.0.0.2").effectivePeers());
    assertEquals(List.of(), env("ROS_AUTOMATIC_DISCOVERY_RANGE", "SYSTEM_DEFAULT",
        "ROS_STATIC_PEERS", "10.0.0.2").effectivePeers());
    assertEquals(List.of("10.0.0.2"), env("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST",
        "ROS_STATIC_PEERS", "10.0.0.2").effectivePeers());
  }

  @Test
  void interfacesBecomeTheUdpWhitelist() throws Exception {
    DiscoveryOptions o = env("FLOTILLA_DDS_INTERFACES", "127.0.0.1, 192.0.2.2");
    assertEquals(List.of("127.0.0.1", "192.0.2.2"), o.interfaces());
    String xml = xml(o);
    assertTrue(xml.contains("<interfaceWhiteList><address>127.0.0.1</address><address>192.0.2.2"
        + "</address></interfaceWhiteList>"), xml);
    assertEquals(List.of("127.0.0.1"), env("ROS_LOCALHOST_ONLY", "1",
        "FLOTILLA_DDS_INTERFACES", "127.0.0.1").interfaces());
    ParamsException e = assertThrows(ParamsException.class,
        () -> env("FLOTILLA_DDS_INTERFACES", "lo"));
    assertTrue(e.getMessage().startsWith("FLOTILLA_DDS_INTERFACES must list IPv4"),
        e.getMessage());
  }

  @Test
  void subnetLeavesFastDdsDefaults() throws Exception {
    String xml = xml(DiscoveryOptions.subnet());
    assertFalse(xml.contains("initialPeersList"), xml);
    assertFalse(xml.contains("metatrafficUnicastLocatorList"), xml);
    assertFalse(xml.contains("maxInitialPeersRange"), xml);
    assertFalse(xml.contains("total_participants"), xml);
    assertTrue(xml.contains("<type>UDPv4</type>"), xml);
  }

  @Test
  void subnetWithPeersAlsoAnnouncesOnMulticast() throws Exception {
    String xml = xml(env("ROS_STATIC_PEERS", "127.0.0.1"));
    assertTrue(xml.contains("<initialPeersList><locator><udpv4><address>127.0.0.1</address>"
        + "</udpv4></locator><locator><udpv4><address>239.255.0.1</address></udpv4></locator>"
        + "</initialPeersList>"), xml);
    assertFalse(xml.contains("metatrafficUnicastLocatorList"), xml);
  }

  @Test
  void localhostAnnouncesToLoopbackOnlyAndDoesNotListenOnMulticast() throws Exception {
    String xml = xml(env("ROS_AUTOMATIC_DISCOVERY_RANGE", "LOCALHOST",
        "ROS_STATIC_PEERS", "127.0.0.2"));
    assertTrue(xml.contains("<initialPeersList><locator><udpv4><address>127.0.0.2</address>"
        + "</udpv4></locator><locator><udpv4><address>127.0.0.1</address></udpv4></locator>"
        + "</initialPeersList>"), xml);
    assertTrue(xml.contains("<metatrafficUnicastLocatorList><locator><udpv4/></locator>"
        + "</metatrafficUnicastLocatorList>"), xml);
    assertFalse(xml.contains("metatrafficMulticastLocatorList"), xml);
    assertTrue(xml.contains("<maxInitialPeersRange>32</maxInitialPeersRange>"), xml);
    assertFalse(xml.contains("239.255.0.1"), xml);
  }

  @Test
  void offAdmitsNoRemoteParticipant() throws Exception {
    String xml = xml(env("ROS_AUTOMATIC_DISCOVERY_RANGE", "OFF", "ROS_STATIC_PEERS", "10.0.0.2"));
    assertTrue(xml.contains("<total_participants><initial>1</initial><maximum>1</maximum>"
        + "<increment>0</increment></total_participants>"), xml);
    assertFalse(xml.contains("metatrafficMulticastLocatorList"), xml);
    assertFalse(xml.contains("initialPeersList"), xml);
  }
}
