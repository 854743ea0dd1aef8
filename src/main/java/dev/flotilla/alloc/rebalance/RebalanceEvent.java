package dev.flotilla.alloc.rebalance;

import dev.flotilla.alloc.api.Task;
import dev.flotilla.model.Point3;

/** Events that trigger planning in seed 000's event-triggered scheme. */
public sealed interface RebalanceEvent {

  /**
   * When the event happened.
   *
   * @return seconds on the plan clock
   */
  double time();

  /**
   * A task arrived.
   *
   * @param task the new task (unique id)
   * @param time seconds on the plan clock
   */
  record NewTask(Task task, double time) implements RebalanceEvent {}

  /**
   * A task was reported done.
   *
   * @param taskId the task
   * @param time completion time, seconds on the plan clock
   */
  record TaskCompleted(String taskId, double time) implements RebalanceEvent {}

  /**
   * A robot failed for good (until a {@link RobotRecovered}).
   *
   * @param robotId the robot
   * @param time seconds on the plan clock
   */
  record RobotFailed(String robotId, double time) implements RebalanceEvent {}

  /**
   * A failed robot is back in service.
   *
   * @param robotId the robot
   * @param position where it is, metres in the map frame
   * @param time seconds on the plan clock
   */
  record RobotRecovered(String robotId, Point3 position, double time) implements RebalanceEvent {}

  /**
   * Odometry puts a robot somewhere else than the plan expects.
   *
   * @param robotId the robot
   * @param measuredPosition metres in the map frame
   * @param time seconds on the plan clock
   */
  record OdometryDeviation(String robotId, Point3 measuredPosition, double time)
      implements RebalanceEvent {}
}
