package dev.flotilla.cli;

import dev.flotilla.node.NodeHost;
import dev.flotilla.ros.TopicNames;
import dev.flotilla.ros.params.RosParamsFile;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code flotilla agent --robot ID}: the robot-side agent, run beside the robot's ROS 2 stack. */
@Command(name = "agent", mixinStandardHelpOptions = true,
    description = "Run the robot-side agent: heartbeats, the robot's steps of the newest plan "
        + "through Nav2 goal_pose or cmd_vel, synchronizer go/wait, step events.")
final class AgentCommand implements Callable<Integer> {
  @Option(names = "--robot", required = true, paramLabel = "ID",
      description = "Robot id (also its namespace), as listed under robots in the parameters.")
  String robot;

  @Mixin RosOptions ros = new RosOptions();

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(ros.verbose);
    if (!TopicNames.isValidRobotId(robot)) {
      throw new UsageError("--robot '" + robot + "' is not a valid ROS 2 name.");
    }
    NodeHost.NodeSpec spec = NodeHost.agentSpec(
        RosParamsFile.load(HomePaths.resolve(ros.params)), ros.checkedNamespace(), robot);
    return NodeCommand.runUntilInterrupted(host -> host.start(spec, ros.domain()));
  }
}
