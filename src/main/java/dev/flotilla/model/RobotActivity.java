package dev.flotilla.model;

/** What a robot is doing with its plan, as its heartbeat reports it. */
public enum RobotActivity {
  /** No step in progress. */
  IDLE,
  /** Driving to a step's goal. */
  MOVING,
  /** At a step's goal, waiting for the synchronizer or its partners. */
  WAITING,
  /** Performing a step's action. */
  WORKING
}
