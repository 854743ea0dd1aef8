package dev.flotilla.ros;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as a ROS 2 node's orderly stop: the process runs its shutdown hooks (closing
 * its DDS participants) and exits with status 0, as rclcpp and rclpy nodes do, so
 * {@code ros2 launch} reports a clean exit instead of "process has died".
 *
 * <p>The JVM's own handlers (java.lang.Terminator) run the same shutdown hooks but exit with
 * 128 + the signal number (130 for SIGINT, 143 for SIGTERM); these handlers replace them.
 */
public final class StopSignals {
  private static final Logger LOG = Logger.getLogger(StopSignals.class.getName());
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private StopSignals() {}

  /** Makes SIGINT and SIGTERM exit with status 0 after the shutdown hooks; idempotent. */
  public static void exitZeroOnStop() {
    if (!INSTALLED.compareAndSet(false, true)) {
      return;
    }
    for (String name : List.of("INT", "TERM")) {
      try {
        Signal.handle(new Signal(name), signal -> System.exit(0));
      } catch (IllegalArgumentException e) {
        // The JVM runs with -Xrs or the signal is reserved: keep its default handling.
        LOG.log(Level.FINE, "SIG" + name + " keeps the JVM's handling", e);
      }
    }
  }
}
