package dev.flotilla.node;

import dev.flotilla.ros.QosProfile;

/** QoS of Flotilla's own topics: the contract documented in the README's topic table. */
public final class FlotillaQos {
  private FlotillaQos() {}

  /** The current plan: a late joiner gets it. */
  public static final QosProfile ALLOCATION = QosProfile.LATCHED;
  /** Plan diffs: reliable; late joiners read the latched allocation instead. */
  public static final QosProfile REASSIGNMENT = new QosProfile(true, false, 50);
  /**
   * Fleet events: reliable and transient-local with a deep history, so a node that starts late
   * still learns which robots joined or failed.
   */
  public static final QosProfile EVENTS = new QosProfile(true, true, 200);
  /** Operator task requests. */
  public static final QosProfile TASKS = new QosProfile(true, false, 100);
  /**
   * Operator commands (cancel, pause, resume) and the planner's validated copies: reliable and
   * volatile; a restarted allocator keeps what it did in its journal.
   */
  public static final QosProfile COMMANDS = new QosProfile(true, false, 100);
  /** Validated tasks, kept for a restarted allocator. */
  public static final QosProfile ACCEPTED_TASKS = new QosProfile(true, true, 1000);
}
