package dev.flotilla.bag;

import java.nio.file.Path;

/** Paths of the shared rosbag2 sample bags (read-only, written by ROS 2's own rosbag2). */
final class SampleBags {
  private SampleBags() {}

  static Path root() {
    return Path.of(System.getProperty("flotilla.shared", "../shared"), "data", "rosbag2");
  }

  static Path of(String relative) {
    return root().resolve(relative);
  }
}
