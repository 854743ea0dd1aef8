package dev.flotilla.node;

import dev.flotilla.msgs.rcl_interfaces.ParameterEvent;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.NodeClock.Stamps;
import dev.flotilla.ros.params.ParameterTable;
import dev.flotilla.ros.service.DdsParameterServices;
import dev.flotilla.ros.service.ParameterServer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a node's ROS 2 parameter services when it runs on plain DDS. Over the in-memory bus
 * there is no {@code ros2 param} to answer, and over the authenticating bus (security on) the
 * services stay off: an unsigned set would bypass the roster.
 */
final class NodeParameterServices {
  private NodeParameterServices() {}

  /**
   * @param ctx the node's context
   * @param table the node's parameters, or null for none
   * @param apply makes the node take an accepted change; runs on the node's executor
   * @param <T> the node's parameters record
   * @return what stops the services (a no-op when none were started)
   */
  static <T> AutoCloseable start(NodeContext ctx, ParameterTable<T> table, Consumer<T> apply) {
    if (table == null || table.names().isEmpty() || !(ctx.bus() instanceof DdsBus dds)) {
      return () -> { };
    }
    Bus.Publisher<ParameterEvent> events = DdsParameterServices.eventsPublisher(dds);
    String fullName = (ctx.namespace().equals("/") ? "" : ctx.namespace()) + "/" + ctx.name();
    ParameterServer<T> server = new ParameterServer<>(table, fullName, apply, events::publish,
        () -> Stamps.time(ctx.clock().now()), ctx.log());
    return DdsParameterServices.start(dds, ctx.name(), ctx.namespace(), server, ctx.executor());
  }

  /** Closes what {@link #start} returned; a failure is logged, never thrown at a closing node. */
  static void close(AutoCloseable services) {
    try {
      services.close();
    } catch (Exception e) {
      Logger.getLogger(NodeParameterServices.class.getName()).log(Level.FINE,
          "Parameter services already gone", e);
    }
  }
}
