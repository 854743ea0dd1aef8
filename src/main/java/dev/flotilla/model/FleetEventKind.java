package dev.flotilla.model;

/** What happened in the fleet: the kinds of event reported on the fleet's event stream. */
public enum FleetEventKind {
  /** A robot joined the fleet. */
  ROBOT_JOINED,
  /** A robot was declared failed. */
  ROBOT_FAILED,
  /** A failed robot recovered. */
  ROBOT_RECOVERED,
  /** A robot arrived at a step's goal. */
  TASK_STARTED,
  /** A robot completed a step. */
  TASK_COMPLETED,
  /** A robot could not do a step (e.g. its goal was never reached). */
  TASK_FAILED,
  /** The planner accepted a task. */
  TASK_ACCEPTED,
  /** The planner rejected a task. */
  TASK_REJECTED,
  /** A node rejected an input message. */
  INPUT_REJECTED
}
