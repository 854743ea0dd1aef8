package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
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

  /**
   * Closing a subscriber while samples arrive returns: with ihmc-pub-sub 0.20 / Fast-DDS 2.14 a
   * listener taking a sample while the reader is deleted deadlocked close (DdsBus.Delivery).
   */
  @Test
  void closingWhileSamplesArriveReturns() throws Exception {
    int domain = 150 + (int) (ProcessHandle.current().pid() % 20);
    try (DdsBus a = new DdsBus("pub_test", "/", domain, DiscoveryOptions.localhost())) {
      Bus.Publisher<Heartbeat> pub =
          a.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT);
      AtomicBoolean run = new AtomicBoolean(true);
      Thread flood = new Thread(() -> {
        Heartbeat hb = Heartbeat.builder().robotId("r1").sequenceNumber(1).battery(1f).build();
        while (run.get()) {
          pub.publish(hb);
          try {
            Thread.sleep(1);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      flood.start();
      try {
        for (int round = 0; round < 10; round++) {
          AtomicInteger got = new AtomicInteger();
          DdsBus b = new DdsBus("sub_test", "/", domain, DiscoveryOptions.localhost());
          b.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT, hb -> {
            got.incrementAndGet();
            try {
              Thread.sleep(2);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          });
          long until = System.nanoTime() + 5_000_000_000L;
          while (got.get() < 5 && System.nanoTime() < until) {
            Thread.sleep(10);
          }
          Assertions.assertTimeoutPreemptively(Duration.ofSeconds(15), b::close,
              "close hung in round " + round);
        }
      } finally {
        run.set(false);
        flood.join();
      }
    }
  }
}
