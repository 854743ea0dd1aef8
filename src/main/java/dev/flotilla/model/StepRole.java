package dev.flotilla.model;

/** A robot's part in a plan step: alone, or as master or collaborator of a multi-robot step. */
public enum StepRole {
  /** The robot does the step alone. */
  SOLO,
  /** The robot leads a multi-robot step and reports its completion. */
  MASTER,
  /** The robot helps the master of a multi-robot step. */
  COLLABORATOR
}
