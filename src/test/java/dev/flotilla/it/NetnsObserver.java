package dev.flotilla.it;

import dev.flotilla.msgs.flotilla_msgs.Allocation;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.Heartbeat;
import dev.flotilla.msgs.flotilla_msgs.PlanStep;
import dev.flotilla.msgs.flotilla_msgs.Reassignment;
import dev.flotilla.msgs.flotilla_msgs.RobotPlan;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.TopicNames;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The operator's and observer's host of {@link CrossHostIT}, a process of its own: it prints what
 * the fleet says, one line per message with {@link System#nanoTime()} (the same clock as the test
 * JVM's on Linux), and publishes the tasks the test writes to its standard input.
 *
 * <pre>
 * ALLOC nanos version cause robot=task,task;robot=…
 * REASSIGN nanos version cause subject
 * EVENT nanos kind robot task source|reason
 * LEASE nanos instance W|P version
 * BEAT nanos robot planVersion task          (when a robot's version or task changes)
 * </pre>
 *
 * <p>Input: {@code TASK id x y duration}. Arguments: the DDS domain.
 */
public final class NetnsObserver {
  private NetnsObserver() {}

  public static void main(String[] args) throws Exception {
    int domain = Integer.parseInt(args[0]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Map<String, String> beats = new ConcurrentHashMap<>();
    try (DdsBus bus = new DdsBus("it_observer", "/", domain)) {
      bus.subscribe("/flotilla/allocation", Allocation.TYPE, QosProfile.LATCHED,
          a -> line(out, "ALLOC", a.planVersion() + " " + a.cause() + " " + plans(a)));
      bus.subscribe("/flotilla/reassignment", Reassignment.TYPE, new QosProfile(true, false, 50),
          r -> line(out, "REASSIGN", r.planVersion() + " " + r.cause() + " " + r.subject()));
      bus.subscribe("/flotilla/events", FleetEvent.TYPE, new QosProfile(true, true, 200),
          e -> line(out, "EVENT", e.kind() + " " + blank(e.robotId()) + " "
              + blank(e.taskId()) + " " + e.source() + "|" + e.reason().replace('\n', ' ')));
      bus.subscribe("/" + TopicNames.ALLOCATOR_LEASE, Heartbeat.TYPE, QosProfile.SENSOR_DATA,
          l -> line(out, "LEASE", l.robotId() + " "
              + (l.state() == Heartbeat.STATE_WORKING ? "W" : "P") + " " + l.planVersion()));
      bus.subscribe("/flotilla/heartbeat", Heartbeat.TYPE, QosProfile.SENSOR_DATA, h -> {
        String now = h.planVersion() + " " + blank(h.currentTaskId());
        if (!now.equals(beats.put(h.robotId(), now))) {
          line(out, "BEAT", h.robotId() + " " + now);
        }
      });
      Bus.Publisher<TaskRequest> tasks =
          bus.publisher("/flotilla/tasks", TaskRequest.TYPE, new QosProfile(true, false, 100));
      line(out, "READY", "observer");
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
          StandardCharsets.UTF_8));
      for (String command = in.readLine(); command != null; command = in.readLine()) {
        String[] f = command.strip().split("\\s+");
        if (f.length == 5 && f[0].equals("TASK")) {
          tasks.publish(TaskRequest.builder().taskId(f[1]).kind(TaskRequest.KIND_MULTI_ROBOT)
              .location(new Point(Double.parseDouble(f[2]), Double.parseDouble(f[3]), 0))
              .requiredRobots(1).baseUtility(100).decayRate(0.001)
              .duration(Double.parseDouble(f[4])).build());
        }
      }
    }
  }

  private static String plans(Allocation a) {
    return a.plans().stream().map(p -> p.robotId() + "=" + tasks(p))
        .collect(Collectors.joining(";"));
  }

  private static String tasks(RobotPlan p) {
    return p.steps().stream().map(PlanStep::taskId).collect(Collectors.joining(","));
  }

  private static String blank(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private static synchronized void line(PrintStream out, String kind, String text) {
    out.println(kind + " " + System.nanoTime() + " " + text);
  }
}
