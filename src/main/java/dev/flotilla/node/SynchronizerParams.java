package dev.flotilla.node;

import dev.flotilla.ros.params.ParamReader;

/**
 * Validated parameters of the {@code synchronizer} node.
 *
 * @param fleet the fleet
 * @param heartbeatTimeout seconds of silence before a robot is failed
 * @param checkPeriod seconds between liveness checks
 */
public record SynchronizerParams(FleetParams fleet, double heartbeatTimeout, double checkPeriod) {
  /**
   * @param p the node's parameters
   * @return the validated record
   */
  public static SynchronizerParams read(ParamReader p) {
    SynchronizerParams params = new SynchronizerParams(FleetParams.read(p),
        p.number("heartbeat_timeout", 1.0, 0.01, 3600),
        p.number("check_period", 0.05, 0.001, 60));
    p.finish();
    return params;
  }
}
