package dev.flotilla.sim;

import dev.flotilla.model.Point3;
import dev.flotilla.msgs.flotilla_msgs.TaskRequest;
import dev.flotilla.msgs.geometry_msgs.Point;
import dev.flotilla.node.FleetParams;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operator's side of the demo, read from the {@code demo} section of a parameter file: the
 * tasks to submit and the robot that dies.
 *
 * @param tasks multi-robot task requests submitted at the start, in file order
 * @param scheduled tasks submitted later or with an LTL formula, with their time (s after the
 *     start): LTL tasks ({@code ltl_tasks}) and multi-robot tasks with {@code at} &gt; 0
 * @param failRobot id of the robot that dies, or empty for none
 * @param failAt seconds after the tasks are submitted when it dies ({@link FailWhen#AT_TIME}), or
 *     from when it may die ({@link FailWhen#WORKING})
 * @param timeLimit seconds after which the demo gives up
 * @param speed simulation speed: 1 runs on the wall clock; any other value runs the nodes on a
 *     simulated {@code /clock} that advances this many times faster than the wall clock
 * @param faults injected faults
 * @param failWhen how the moment of the death is chosen ({@code fail_when})
 */
public record DemoScenario(List<TaskRequest> tasks, List<Scheduled> scheduled, String failRobot,
    double failAt, double timeLimit, double speed, List<Fault> faults, FailWhen failWhen) {

  /**
   * How the failing robot's moment comes. A fixed time can fall after the robot has finished its
   * work, and then its failure moves nothing; {@code working} picks the moment by plan state.
   */
  public enum FailWhen {
    /** {@code at_time}: at {@code fail_at}, whatever the robot is doing. */
    AT_TIME,
    /**
     * {@code working}: at the first moment from {@code fail_at} on when the latest plan has the
     * robot working on a step (its planned start has passed) that is not completed, so the
     * failure takes work away; if the robot has no open work left, the first robot (fleet
     * order) that is working on an open step dies instead.
     */
    WORKING
  }

  /**
   * A fault injected into one robot for a while.
   *
   * @param name the fault's key in the file
   * @param robot the robot
   * @param kind what goes wrong
   * @param at seconds after the start
   * @param duration seconds it lasts
   */
  public record Fault(String name, String robot, Kind kind, double at, double duration) {
    /** Fault kinds. */
    public enum Kind {
      /** The robot works on, but its heartbeats are lost (a network fault). */
      HEARTBEAT_DROP,
      /** The robot's wheels are stuck: it does not move, its odometry keeps coming. */
      STALL
    }
  }

  /**
   * A task submitted at a given time.
   *
   * @param at seconds after the start
   * @param request the task
   */
  public record Scheduled(double at, TaskRequest request) {}

  public DemoScenario {
    tasks = List.copyOf(tasks);
    scheduled = List.copyOf(scheduled);
    faults = List.copyOf(faults);
  }

  /** @return every task id, multi-robot and LTL */
  public List<String> taskIds() {
    List<String> ids = new ArrayList<>();
    tasks.forEach(t -> ids.add(t.taskId()));
    scheduled.forEach(t -> ids.add(t.request().taskId()));
    return ids;
  }

  /**
   * @param p the {@code demo} section
   * @param fleet the fleet, to check the failing robot exists
   * @return the validated scenario
   */
  public static DemoScenario read(ParamReader p, FleetParams fleet) {
    List<TaskRequest> tasks = new ArrayList<>();
    List<Scheduled> ltl = new ArrayList<>();
    for (String id : p.children("tasks")) {
      String k = "tasks." + id + ".";
      Point3 at = new Point3(p.number(k + "x", 0, -1e6, 1e6), p.number(k + "y", 0, -1e6, 1e6),
          p.number(k + "z", 0, -1e6, 1e6));
      double when = p.number(k + "at", 0, 0, 1e6);
      TaskRequest task = TaskRequest.builder().taskId(id).kind(TaskRequest.KIND_MULTI_ROBOT)
          .location(new Point(at.x(), at.y(), at.z()))
          .requiredRobots((int) p.integer(k + "required_robots", 1, 1, 1000))
          .baseUtility(p.number(k + "base_utility", 100, 1e-9, 1e9))
          .decayRate(p.number(k + "decay_rate", 0.01, 0, 1e3))
          .duration(p.number(k + "duration", 1, 0, 1e6))
          .requiredCapabilities(p.strings(k + "capabilities", List.of())).build();
      if (when > 0) {
        ltl.add(new Scheduled(when, task));
      } else {
        tasks.add(task);
      }
    }
    for (String id : p.children("ltl_tasks")) {
      String k = "ltl_tasks." + id + ".";
      String formula = p.string(k + "formula", "", Set.of());
      if (formula.isBlank()) {
        throw new ParamsException(p.source() + ": demo." + k + "formula is missing.");
      }
      ltl.add(new Scheduled(p.number(k + "at", 0, 0, 1e6), TaskRequest.builder().taskId(id)
          .kind(TaskRequest.KIND_LTL).ltlFormula(formula).build()));
    }
    if (tasks.isEmpty() && ltl.isEmpty()) {
      throw new ParamsException("demo.tasks: the demo needs at least one task.");
    }
    String failRobot = p.string("fail_robot", "", Set.of());
    if (!failRobot.isEmpty() && !fleet.robotIds().contains(failRobot)) {
      throw new ParamsException("demo.fail_robot: '" + failRobot + "' is not in the fleet "
          + fleet.robotIds() + ".");
    }
    List<Fault> faults = new ArrayList<>();
    for (String name : p.children("faults")) {
      String k = "faults." + name + ".";
      String robot = p.string(k + "robot", "", Set.of());
      if (!fleet.robotIds().contains(robot)) {
        throw new ParamsException(p.source() + ": demo." + k + "robot '" + robot
            + "' is not in the fleet " + fleet.robotIds() + ".");
      }
      Fault.Kind kind = p.string(k + "kind", "", Set.of("heartbeat_drop", "stall"))
          .equals("stall") ? Fault.Kind.STALL : Fault.Kind.HEARTBEAT_DROP;
      faults.add(new Fault(name, robot, kind, p.number(k + "at", 0, 0, 1e6),
          p.number(k + "duration", 1, 0, 1e6)));
    }
    FailWhen failWhen = p.string("fail_when", "at_time", Set.of("at_time", "working"))
        .equals("working") ? FailWhen.WORKING : FailWhen.AT_TIME;
    return new DemoScenario(tasks, ltl, failRobot, p.number("fail_at", 3, 0, 1e6),
        p.number("time_limit", 60, 1, 1e6), p.number("speed", 1, 0.1, 100), faults, failWhen);
  }
}
