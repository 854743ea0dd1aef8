package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every discovery range gives a participant Fast-DDS accepts (a profile it cannot parse would
 * crash the JVM), and two participants of one process meet under each range but OFF.
 */
class DiscoveryRangeIT {

  @ParameterizedTest(name = "{0} peers=[{1}]")
  @CsvSource({"LOCALHOST,''", "LOCALHOST,127.0.0.1", "SUBNET,127.0.0.1", "SYSTEM_DEFAULT,''",
      "OFF,''"})
  void twoParticipantsMeetUnlessDiscoveryIsOff(String range, String peers) throws Exception {
    DiscoveryOptions options = DiscoveryOptions.fromEnvironment(Map.of(
        "ROS_AUTOMATIC_DISCOVERY_RANGE", range, "ROS_STATIC_PEERS", peers));
    int domain = 150 + (int) (ProcessHandle.current().pid() % 20);
    BlockingQueue<Heartbeat> received = new ArrayBlockingQueue<>(100);
    try (DdsBus a = new DdsBus("pub_test", "/", domain, options);
        DdsBus b = new DdsBus("sub_test", "/", domain, options)) {
      b.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT, received::add);
      Bus.Publisher<Heartbeat> pub =
          a.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT);
      Heartbeat hb = Heartbeat.builder().robotId("r1").sequenceNumber(7).battery(0.5f).build();
      Heartbeat got = null;
      int tries = range.equals("OFF") ? 30 : 80;
      for (int i = 0; i < tries && got == null; i++) {
        pub.publish(hb);
        got = received.poll(100, TimeUnit.MILLISECONDS);
      }
      if (range.equals("OFF")) {
        assertNull(got, "participants met with discovery OFF");
      } else {
        assertNotNull(got, "no heartbeat crossed DDS within 8 s under " + range);
        assertEquals(hb, got);
      }
    }
  }
}
