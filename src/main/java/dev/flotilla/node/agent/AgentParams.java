package dev.flotilla.node.agent;

import dev.flotilla.model.RobotSpec;
import dev.flotilla.node.FleetParams;
import dev.flotilla.plan.io.ScenarioLoader;
import dev.flotilla.ros.params.ParamReader;
import dev.flotilla.ros.params.ParamsException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Validated parameters of an agent (section {@code agent}, plus the shared fleet).
 *
 * @param fleet the fleet (this robot's start pose and speed limits, the regions)
 * @param robot this robot
 * @param navigation {@code goal_pose} (Nav2) or {@code cmd_vel}
 * @param heartbeatRate heartbeats (and control steps) per second
 * @param positionTolerance metres within which a goal is reached
 * @param goalTimeout seconds allowed to reach a goal
 * @param goalResend seconds without coming closer to a goal after which it is sent again (0:
 *     never)
 * @param syncGrace seconds to wait for a sync command after arriving
 * @param maxAngularSpeed turn-rate limit for cmd_vel (rad/s)
 * @param commandTopic relative topic for effector commands, empty for timed actions
 * @param completionTopic relative topic on which the effector reports done
 * @param knownRegions region names a step may use: the fleet's plus those of the LTL scenario
 *     ({@code ltl_scenario}); a step naming another region is ignored
 * @param nav2 how Nav2 is driven when {@code navigation} is {@code goal_pose}
 */
public record AgentParams(FleetParams fleet, RobotSpec robot, String navigation,
    double heartbeatRate, double positionTolerance, double goalTimeout, double goalResend,
    double syncGrace,
    double maxAngularSpeed, String commandTopic, String completionTopic,
    Set<String> knownRegions, Nav2Interface nav2) {

  /**
   * @param p the agent's parameters
   * @param robotId this robot's id
   * @return the validated record
   */
  public static AgentParams read(ParamReader p, String robotId) {
    FleetParams fleet = FleetParams.read(p);
    if (!fleet.robotIds().contains(robotId)) {
      throw new ParamsException(p.source() + ": robot '" + robotId + "' is not in robots "
          + fleet.robotIds() + ".");
    }
    AgentParams params = new AgentParams(fleet, fleet.robot(robotId),
        p.string("navigation", "goal_pose", Set.of("goal_pose", "cmd_vel")),
        p.number("heartbeat_rate", 10, 0.5, 100),
        p.number("position_tolerance", 0.3, 0.01, 100),
        p.number("goal_timeout", 120, 0.1, 86_400),
        p.number("goal_resend", 5, 0, 3_600),
        p.number("sync_grace", 0.5, 0, 60),
        p.number("max_angular_speed", 1.0, 0.01, 20),
        p.string("command_topic", "", Set.of()),
        p.string("completion_topic", "", Set.of()),
        regionsOf(p, fleet), Nav2Interface.read(p));
    if (params.commandTopic().isEmpty() != params.completionTopic().isEmpty()) {
      throw new ParamsException(p.source() + ": agent.command_topic and "
          + "agent.completion_topic must be set together.");
    }
    p.finish();
    return params;
  }

  private static Set<String> regionsOf(ParamReader p, FleetParams fleet) {
    Set<String> regions = new LinkedHashSet<>(fleet.regions().keySet());
    String scenario = p.string("ltl_scenario", "", Set.of());
    if (!scenario.isEmpty()) {
      Path path = p.resolve(scenario);
      try {
        regions.addAll(ScenarioLoader.load(path).environment().regions()
            .keySet());
      } catch (RuntimeException e) {
        throw new ParamsException(p.source() + ": agent.ltl_scenario: " + e.getMessage());
      }
    }
    return Set.copyOf(regions);
  }
}
