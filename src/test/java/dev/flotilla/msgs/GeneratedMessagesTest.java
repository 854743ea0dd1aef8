package dev.flotilla.msgs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.BagFilter;
import dev.flotilla.bag.BagMessage;
import dev.flotilla.bag.BagReader;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.geometry_msgs.PoseWithCovariance;
import dev.flotilla.msgs.nav_msgs.Odometry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bindings generated from msg/ and the bundled ROS 2 definitions, against real ROS 2 bytes. */
class GeneratedMessagesTest {
  static final Path SHARED = Path.of(System.getProperty("flotilla.shared", "../shared"));

  @Test
  void odometryRecordedByRos2DecodesAndReencodesByteForByte() throws Exception {
    Path bag = SHARED.resolve("data/rosbag2/mcap/nav2_turtlebot/nav2_turtlebot.mcap");
    int checked = 0;
    try (BagReader reader = BagReader.open(bag)) {
      assertEquals("nav_msgs/msg/Odometry", reader.typeOf("/odom"));
      Iterator<BagMessage> it = reader.messages(BagFilter.topics("/odom"));
      while (it.hasNext() && checked < 300) {
        byte[] bytes = it.next().data();
        Odometry odom = Odometry.TYPE.decode(bytes);
        assertEquals("odom", odom.header().frameId());
        assertEquals(36, odom.pose().covariance().size());
        var q = odom.pose().pose().orientation();
        assertEquals(1.0, q.x() * q.x() + q.y() * q.y() + q.z() * q.z() + q.w() * q.w(), 1e-6);
        assertArrayEquals(bytes, Odometry.TYPE.encode(odom), "re-encoding changed the bytes");
        checked++;
      }
    }
    assertEquals(300, checked);
  }

  @Test
  void stringRecordedByTheTalkerDemoDecodes() throws Exception {
    try (BagReader reader = BagReader.open(SHARED.resolve("data/rosbag2/mcap/talker"))) {
      BagMessage first = reader.messages(BagFilter.topics("/topic")).next();
      String text = dev.flotilla.msgs.std_msgs.String.TYPE.decode(first.data()).data();
      assertEquals("Hello, world! 0", text);
    }
  }

  @Test
  void everyGeneratedTypeRoundTripsAndNamesItsDdsType() {
    assertTrue(GeneratedTypes.ALL.size() >= 20);
    for (MessageType<?> type : GeneratedTypes.ALL) {
      roundTrip(type);
      String[] parts = type.rosName().split("/");
      assertEquals(parts[0] + "::msg::dds_::" + parts[2] + "_", type.ddsName());
      assertTrue(type.definition().contains("\n") || !type.definition().isEmpty());
    }
  }

  private static <T> void roundTrip(MessageType<T> type) {
    try {
      @SuppressWarnings("unchecked")
      T value = (T) type.reader().apply(new CdrReader(defaultBytes(type)));
      assertEquals(value, type.decode(type.encode(value)), type.rosName());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static byte[] defaultBytes(MessageType<?> type) throws ReflectiveOperationException {
    String[] parts = type.rosName().split("/");
    Class<?> cls = Class.forName("dev.flotilla.msgs." + parts[0] + "." + parts[2]);
    Object builder = cls.getMethod("builder").invoke(null);
    Object value = builder.getClass().getMethod("build").invoke(builder);
    @SuppressWarnings("unchecked")
    MessageType<Object> t = (MessageType<Object>) type;
    return t.encode(value);
  }

  @Test
  void nestedPlansSurviveAFleetSizedRoundTrip() {
    List<RobotPlan> plans = new ArrayList<>();
    for (int r = 0; r < 1000; r++) {
      List<PlanStep> steps = new ArrayList<>();
      for (int s = 0; s < 5; s++) {
        steps.add(PlanStep.builder().taskId("task_" + r + "_" + s).stepIndex(s)
            .partners(List.of("robot_" + (r + 1))).build());
      }
      plans.add(new RobotPlan("robot_" + r, steps));
    }
    Allocation big = Allocation.builder().planVersion(7).plans(plans).build();
    byte[] bytes = Allocation.TYPE.encode(big);
    assertTrue(bytes.length < Allocation.TYPE.maxPayloadBytes(), "payload " + bytes.length);
    assertEquals(big, Allocation.TYPE.decode(bytes));
  }

  @Test
  void fixedArraysKeepTheirLength() {
    assertThrows(IllegalArgumentException.class,
        () -> PoseWithCovariance.builder().covariance(Collections.nCopies(35, 0.0)).build());
  }
}
