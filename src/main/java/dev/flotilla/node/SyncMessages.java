package dev.flotilla.node;

import dev.flotilla.model.SyncOrder;
import dev.flotilla.msgs.flotilla_msgs.SyncCommand;

/** Maps the synchronizer's {@link SyncOrder} to and from the {@code SyncCommand} constants. */
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
}
