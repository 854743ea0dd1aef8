package dev.flotilla.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.msgs.MessageType;
import dev.flotilla.msgs.flotilla_msgs.FleetEvent;
import dev.flotilla.msgs.flotilla_msgs.OperatorCommand;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.node.AllocatorNode;
import dev.flotilla.node.AllocatorParams;
import dev.flotilla.node.FlotillaQos;
import dev.flotilla.node.NodeFixture;
import dev.flotilla.node.PlannerNode;
import dev.flotilla.node.PlannerParams;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.QosProfile;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The operator's commands end to end on an in-memory bus: a planner and an allocator with robots
 * r1–r3 joined, the commands joining it through {@link OperatorOptions#opener}.
 */
class OperatorCommandsTest {
  private final NodeFixture f = new NodeFixture();
  private final List<TaskRequest> sentTasks = f.record("/flotilla/tasks", TaskRequest.TYPE);
  private final List<OperatorCommand> sentCommands =
      f.record("/flotilla/commands", OperatorCommand.TYPE);
  private String out = "";
  private String err = "";

  /** The fixture's bus, which the commands must not close. */
  private final Bus shared = new Bus() {
    @Override
    public <T> Publisher<T> publisher(String topic, MessageType<T> type, QosProfile qos) {
      return f.bus.publisher(topic, type, qos);
    }

    @Override
    public <T> AutoCloseable subscribe(String topic, MessageType<T> type, QosProfile qos,
        Consumer<T> handler) {
      return f.bus.subscribe(topic, type, qos, handler);
    }

    @Override
    public void close() {}
  };

  OperatorCommandsTest() {
    OperatorOptions.opener = o -> new OperatorOptions.Transport(shared, Duration.ZERO);
  }

  @AfterEach
  void restoreOpener() {
    OperatorOptions.opener = OperatorOptions.DDS;
  }

  private void fleet() {
    new PlannerNode(f.context("planner"), PlannerParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "planner"))).start();
    new AllocatorNode(f.context("allocator"), AllocatorParams.read(
        NodeFixture.params(NodeFixture.FLEET).forNode("/", "allocator"))).start();
    Bus.Publisher<FleetEvent> events = f.bus.publisher("/flotilla/events", FleetEvent.TYPE,
        FlotillaQos.EVENTS);
    for (String r : List.of("r1", "r2", "r3")) {
      events.publish(FleetEvent.builder().kind(FleetEvent.ROBOT_JOINED).robotId(r)
          .stepIndex(-1).source("synchronizer").build());
    }
  }

  private int run(String... args) {
    CommandLine cli = FlotillaCli.commandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cli.setOut(new PrintWriter(o));
    cli.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--timeout", "0.3"));
    int code = cli.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void submitPrintsTheAcceptanceAndAGeneratedId() {
    fleet();
    assertEquals(0, run("task", "submit", "--id", "t1", "--at", "2,3", "--robots", "2",
        "--needs", "drive"), err);
    assertTrue(out.contains("task t1 accepted"), out);
    assertEquals(2, sentTasks.get(0).requiredRobots());
    assertEquals(List.of("drive"), sentTasks.get(0).requiredCapabilities());
    assertEquals(0, run("task", "submit", "--region", "dock"), err);
    assertTrue(out.matches("(?s)task id task-[0-9a-f]{8}\\ntask task-[0-9a-f]{8} accepted.*"),
        out);
  }

  @Test
  void aRejectionIsOneSentenceAndExitTwo() {
    fleet();
    assertEquals(2, run("task", "submit", "--id", "t1", "--region", "attic"));
    assertTrue(err.startsWith("flotilla: task t1 rejected: region 'attic' is not a known "
        + "region"), err);
    assertEquals(1, err.strip().split("\n").length, err);
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSentOrJoined() {
    OperatorOptions.opener = o -> {
      throw new AssertionError("joined the fleet for bad input");
    };
    assertEquals(2, run("task", "submit", "--id", "phi", "--formula", "<> (a && "));
    assertTrue(err.contains("not sent: formula: column 10: expected a proposition"), err);
    assertTrue(err.contains("  <> (a && \n           ^ column 10"), err);
    assertEquals(2, run("task", "submit", "--id", "t", "--at", "2"));
    assertTrue(err.contains("--at must be X,Y"), err);
    assertEquals(2, run("task", "submit", "--id", "t", "--at", "1,1", "--formula", "<> a"));
    assertTrue(err.contains("exactly one of"), err);
    assertEquals(2, run("task", "submit", "--id", "t", "--at", "1,1", "--utility", "-1"));
    assertTrue(err.contains("utility must be a finite number > 0"), err);
    assertEquals(2, run("task", "submit", "--id", "bad id", "--at", "1,1"));
    assertEquals(2, run("task", "submit", "--id", "t", "--at", "1,1", "--deadline", "soon"));
    assertTrue(err.contains("--deadline"), err);
    assertTrue(sentTasks.isEmpty());
  }

  @Test
  void anUnreachableFleetIsOneSentenceExitTwoAndNothingSent() {
    for (String[] args : List.of(new String[] {"task", "submit", "--id", "t1", "--at", "1,1"},
        new String[] {"task", "cancel", "t1"}, new String[] {"robot", "pause", "r1"},
        new String[] {"task", "list"}, new String[] {"fleet", "status"},
        new String[] {"plan", "show", "--json"})) {
      assertEquals(2, run(args), String.join(" ", args));
      assertTrue(err.contains("No Flotilla fleet answered on") && err.contains("namespace /"),
          err);
      assertEquals(1, err.strip().split("\n").length, err);
    }
    assertTrue(sentTasks.isEmpty());
    assertTrue(sentCommands.isEmpty());
  }

  @Test
  void cancelTellsWhatHappenedOrWhyNothingDid() {
    fleet();
    assertEquals(0, run("task", "submit", "--id", "t1", "--at", "2,3"));
    assertEquals(0, run("task", "cancel", "t1", "--reason", "site closed"), err);
    assertTrue(out.startsWith("cancel of t1 accepted: cancelled by an operator: site closed"),
        out);
    assertEquals(2, run("task", "cancel", "t1"));
    assertTrue(err.contains("already cancelled"), err);
    assertEquals(2, run("task", "cancel", "ghost"));
    assertTrue(err.contains("task 'ghost' is unknown"), err);
    assertEquals(2, run("task", "cancel", "bad id!"));
    assertTrue(err.contains("not sent"), err);
  }

  @Test
  void listStatusAndPlanShowTheFleet() throws Exception {
    fleet();
    assertEquals(0, run("task", "submit", "--id", "t1", "--at", "2,3"));
    assertEquals(0, run("task", "submit", "--id", "t2", "--at", "9,9"));
    assertEquals(0, run("task", "cancel", "t2"));
    assertEquals(0, run("task", "list"));
    assertTrue(out.contains("TASK") && out.matches("(?s).*t1 +multi_robot +assigned.*"), out);
    assertTrue(out.matches("(?s).*t2 +multi_robot +cancelled.*"), out);
    assertEquals(0, run("task", "list", "--json"));
    JsonNode tasks = new ObjectMapper().readTree(out).path("tasks");
    assertEquals("assigned", tasks.get(0).path("state").asText());
    assertEquals("cancelled", tasks.get(1).path("state").asText());
    assertEquals(0, run("fleet", "status"));
    assertTrue(out.matches("(?s).*r1 +alive.*"), out);
    assertEquals(0, run("fleet", "status", "--json"));
    assertEquals(3, new ObjectMapper().readTree(out).path("robots").size());
    assertEquals(0, run("plan", "show"));
    assertTrue(out.startsWith("plan v") && out.contains("t1"), out);
    assertEquals(0, run("plan", "show", "--json"));
    assertTrue(new ObjectMapper().readTree(out).path("plan").size() >= 3, out);
  }

  @Test
  void pauseAndResumeARobot() {
    fleet();
    assertEquals(0, run("robot", "pause", "r2", "--reason", "new wheels"), err);
    assertTrue(out.startsWith("pause of r2 accepted: out of the pool by an operator: new wheels"),
        out);
    assertEquals(0, run("fleet", "status"));
    assertTrue(out.matches("(?s).*r2 +paused.*"), out);
    assertEquals(2, run("robot", "pause", "r2"));
    assertTrue(err.contains("already paused"), err);
    assertEquals(0, run("robot", "resume", "r2"));
    assertEquals(2, run("robot", "resume", "r2"));
    assertTrue(err.contains("is not paused"), err);
    assertEquals(2, run("robot", "pause", "r9"));
    assertTrue(err.contains("robot 'r9' is not in the fleet"), err);
  }

  @Test
  void watchRedrawsInPlace() {
    fleet();
    assertEquals(0, run("watch", "--count", "2", "--interval", "0.2"));
    assertTrue(out.startsWith("\033[H\033[2J"), out);
    assertEquals(2, out.split("\033\\[H\033\\[2J", -1).length - 1);
    assertTrue(out.contains("ROBOT") && out.contains("plan v") && out.contains("last events"),
        out);
    assertEquals(2, run("watch", "--interval", "0"));
    assertTrue(err.contains("--interval"), err);
  }
}
