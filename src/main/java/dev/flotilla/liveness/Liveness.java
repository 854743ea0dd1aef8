package dev.flotilla.liveness;


/**
 * A change in a robot's liveness, as decided by a {@link HeartbeatMonitor}.
 *
 * @param robotId the robot
 * @param kind what changed
 * @param time monitor time of the decision, in seconds on the monitor's clock
 * @param silence seconds since the robot's previous accepted heartbeat (0 for a first one)
 */
public record Liveness(String robotId, Kind kind, double time, double silence) {

  /** Liveness transitions. */
  public enum Kind {
    /** First heartbeat ever seen from the robot. */
    JOINED,
    /** No heartbeat for longer than the timeout. */
    FAILED,
    /** A heartbeat arrived from a robot that was declared failed. */
    RECOVERED
  }
}
