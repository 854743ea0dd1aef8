package dev.flotilla.report;

/**
 * A robot's part in a step: alone, or in a multi-robot step as the master that performs the whole
 * action chain or a collaborator that joins a single action (Sect. 4.3 of seed 003).
 */
public enum StepRole {
  SOLO,
  MASTER,
  COLLABORATOR
}
