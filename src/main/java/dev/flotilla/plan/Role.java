package dev.flotilla.plan;

/** Role of an agent in a step (Section 3.2 of seed 003). */
public enum Role {
  /** Executes the whole action-path chain. */
  MASTER,
  /** Helps on a single action of another agent's chain. */
  COLLABORATOR
}
