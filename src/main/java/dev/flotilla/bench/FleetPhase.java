package dev.flotilla.bench;

import java.util.List;

/**
 * Figures of one fleet size, measured by {@link FleetBenchmark}.
 *
 * @param robots fleet size
 * @param baseline whether this is the baseline phase
 * @param resources per node, then the bench process
 * @param kills one per silenced robot
 * @param spuriousFailures robots declared failed that were never silenced
 * @param joined robots that joined before the window
 * @param tasks tasks submitted
 * @param tasksPlaced tasks the allocator had placed before the window
 * @param setupSeconds from the first heartbeat to every task placed (or the wait giving up)
 * @param odometryWriters odometry topics written, each by its own DDS writer
 * @param odometrySetupSeconds time to create those writers
 * @param heartbeatRate heartbeats sent per second during the window
 * @param maxSendLagMillis worst lag of the load generator behind its schedule
 */
public record FleetPhase(int robots, boolean baseline, List<Resources> resources, List<Kill> kills,
    int spuriousFailures, int joined, int tasks, int tasksPlaced, double setupSeconds,
    int odometryWriters, double odometrySetupSeconds, double heartbeatRate,
    double maxSendLagMillis) {

  /**
   * One silenced robot.
   *
   * @param robot its id
   * @param detect seconds from last heartbeat sent + timeout to {@code robot_failed} received;
   *     NaN when never detected
   * @param reassign seconds from {@code robot_failed} to its {@code Reassignment}; NaN when none
   */
  public record Kill(String robot, double detect, double reassign) {}

  /**
   * One node's (or this process's) resources over the measurement window.
   *
   * @param node node name, or {@code bench} for the load generator and watcher
   * @param cpuPercent whole process, percent of one core
   * @param executorCpuPercent the node's callback thread alone, percent of one core
   * @param heapUsed bytes in use at the end of the window
   * @param heapUsedMax most bytes in use seen during the window
   * @param heapCommitted bytes committed at the end of the window
   * @param gcMillis milliseconds of GC during the window
   * @param verifySharePercent signature verification's share of the process's CPU, NaN when
   *     the node does not measure it
   */
  public record Resources(String node, double cpuPercent, double executorCpuPercent,
      long heapUsed, long heapUsedMax, long heapCommitted, long gcMillis,
      double verifySharePercent) {}


  /** @return detection latencies of the detected kills, seconds */
  public double[] detect() {
    return kills.stream().mapToDouble(Kill::detect).filter(d -> !Double.isNaN(d)).toArray();
  }

  /** @return reassignment latencies of the reassigned kills, seconds */
  public double[] reassign() {
    return kills.stream().mapToDouble(Kill::reassign).filter(d -> !Double.isNaN(d)).toArray();
  }

  /**
   * @param node a node name or {@code bench}
   * @return its resources
   */
  public Resources of(String node) {
    return resources.stream().filter(r -> r.node().equals(node)).findFirst().orElseThrow();
  }
}
