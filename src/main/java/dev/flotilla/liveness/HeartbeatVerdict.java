package dev.flotilla.liveness;


/** What a {@link HeartbeatMonitor} did with one heartbeat. */
public enum HeartbeatVerdict {
  /** Accepted: it refreshes the robot's liveness. */
  ACCEPTED,
  /** Same sequence number as the last accepted one: a duplicate delivery. */
  DUPLICATE,
  /** Lower sequence number than the last accepted one while the robot is alive: reordered. */
  OUT_OF_ORDER,
  /** From a robot that is not in the fleet and discovery is off. */
  UNKNOWN_ROBOT
}
