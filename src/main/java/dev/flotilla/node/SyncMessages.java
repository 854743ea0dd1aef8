package dev.flotilla.node;

import dev.flotilla.model.SyncDirective;
import dev.flotilla.model.SyncOrder;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;

/** Translates the synchronizer's orders between the fleet layer and {@code SyncCommand}. */
public final class SyncMessages {
  private SyncMessages() {}

  /**
   * @param order an order
   * @return its {@code SyncCommand} constant
   */
  public static byte command(SyncOrder order) {
    return switch (order) {
      case GO -> SyncCommand.GO;
      case WAIT -> SyncCommand.WAIT;
      case SKIP -> SyncCommand.SKIP;
    };
  }

  /**
   * @param command a {@code SyncCommand} constant
   * @return the order, or null for a value no order has
   */
  public static SyncOrder order(byte command) {
    return switch (command) {
      case SyncCommand.GO -> SyncOrder.GO;
      case SyncCommand.WAIT -> SyncOrder.WAIT;
      case SyncCommand.SKIP -> SyncOrder.SKIP;
      default -> null;
    };
  }

  /**
   * @param c a sync command
   * @return the directive it carries (stamp and auth dropped)
   */
  public static SyncDirective directive(SyncCommand c) {
    return new SyncDirective(c.robotId(), c.planVersion(), c.taskId(), c.stepIndex(),
        order(c.command()), c.waitingFor(), c.reason());
  }
}
