package dev.flotilla.cli;

import dev.flotilla.ros.TopicNames;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options shared by commands that join a ROS 2 graph. */
final class RosOptions {
  @Option(names = {"-p", "--params"}, paramLabel = "FILE",
      description = "ROS 2 parameter YAML (node_name: ros__parameters: ...). "
          + "Default: params/fleet.yaml.")
  Path params = Path.of("params/fleet.yaml");

  @Option(names = "--namespace", paramLabel = "NS", description = "Node namespace (default /).")
  String namespace = "/";

  @Option(names = "--domain-id", paramLabel = "N",
      description = "DDS domain; default: $ROS_DOMAIN_ID, else 0.")
  Integer domainId;

  @Option(names = {"-v", "--verbose"}, description = "Debug logging.")
  boolean verbose;

  int domain() {
    if (domainId != null) {
      return domainId;
    }
    String env = System.getenv("ROS_DOMAIN_ID");
    if (env == null || env.isBlank()) {
      return 0;
    }
    try {
      return Integer.parseInt(env.strip());
    } catch (NumberFormatException e) {
      throw new UsageError("ROS_DOMAIN_ID must be an integer, got '" + env + "'.");
    }
  }

  String checkedNamespace() {
    if (!TopicNames.isValidNamespace(namespace)) {
      throw new UsageError("--namespace '" + namespace + "' is not a valid ROS 2 namespace.");
    }
    return namespace;
  }
}
