package dev.flotilla.cli;

import dev.flotilla.ros.DdsBus;
import picocli.CommandLine.Option;

/** DDS options of the bag commands that join a ROS 2 graph ({@code record}, {@code play}). */
final class DdsOptions {
  @Option(names = "--domain-id", paramLabel = "N",
      description = "DDS domain, 0..232; default: $ROS_DOMAIN_ID, else 0.")
  Integer domainId;

  @Option(names = "--localhost-only", description = "Keep DDS traffic on the loopback interface; "
      + "default: as $ROS_LOCALHOST_ONLY / $ROS_AUTOMATIC_DISCOVERY_RANGE say.")
  Boolean localhostOnly;

  /**
   * @return the domain to join
   * @throws IllegalArgumentException naming the option or variable when out of range
   */
  int domain() {
    int d;
    String source;
    if (domainId != null) {
      d = domainId;
      source = "--domain-id";
    } else {
      String env = System.getenv("ROS_DOMAIN_ID");
      if (env == null || env.isBlank()) {
        return 0;
      }
      source = "ROS_DOMAIN_ID";
      try {
        d = Integer.parseInt(env.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("ROS_DOMAIN_ID must be an integer, got '" + env
            + "'.");
      }
    }
    if (d < 0 || d > 232) {
      throw new IllegalArgumentException(source + " must be within 0..232, got " + d + ".");
    }
    return d;
  }

  boolean loopback() {
    return localhostOnly != null ? localhostOnly
        : DdsBus.localhostOnlyFromEnvironment();
  }
}
