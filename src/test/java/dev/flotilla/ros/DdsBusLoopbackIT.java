package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DdsBusLoopbackIT {

  @Test
  void heartbeatCrossesTwoParticipants() throws Exception {
    BlockingQueue<Heartbeat> received = new ArrayBlockingQueue<>(100);
    try (DdsBus a = new DdsBus("pub_test", "/", 77, true);
        DdsBus b = new DdsBus("sub_test", "/", 77, true)) {
      b.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT, received::add);
      Bus.Publisher<Heartbeat> pub =
          a.publisher("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.DEFAULT);
      Heartbeat hb = Heartbeat.builder().robotId("r1").sequenceNumber(7).battery(0.5f).build();
      Heartbeat got = null;
      for (int i = 0; i < 50 && got == null; i++) {
        pub.publish(hb);
        got = received.poll(100, TimeUnit.MILLISECONDS);
      }
      assertNotNull(got, "no heartbeat crossed DDS within 5 s");
      assertEquals(hb, got);
    }
  }
}
