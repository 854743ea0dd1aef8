package dev.flotilla.ros.service;

import dev.flotilla.msgs.rcl_interfaces.ParameterEvent;
import dev.flotilla.ros.Bus;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A node's six parameter services on DDS, rmw_cyclonedds' way (see the package description): one
 * raw reader on {@code rq/<node>/<service>Request} and one raw writer on
 * {@code rr/<node>/<service>Reply} per service, listed in the node's graph entry so
 * {@code ros2 service list} and {@code ros2 param} find them. Each request is answered on the
 * node's executor, where the node reads its parameters, so a change never races the node; the
 * reply goes out once a client's reply reader matched ({@link MatchedReplies}).
 */
public final class DdsParameterServices implements AutoCloseable {
  /** The parameter events topic, shared by every node. */
  public static final String EVENTS_TOPIC = "/parameter_events";
  /** rmw's {@code rmw_qos_profile_parameter_events}: reliable, volatile, keep last 1000. */
  public static final QosProfile EVENTS_QOS = new QosProfile(true, false, 1000);
  /** rmw's {@code rmw_qos_profile_services_default}: reliable, volatile, keep last 10. */
  public static final QosProfile SERVICE_QOS = new QosProfile(true, false, 10);
  /** Largest reply sent, in bytes: a list of every parameter of a large fleet. */
  public static final int MAX_REPLY_BYTES = 1 << 20;
  /**
   * Requests queued for the node at most: a flood of requests is dropped (counted, logged)
   * instead of growing the node's queue without bound.
   */
  public static final int MAX_PENDING = 64;

  private static final Logger LOG = Logger.getLogger(DdsParameterServices.class.getName());
  private final List<AutoCloseable> readers;
  private final MatchedReplies replies;

  private DdsParameterServices(List<AutoCloseable> readers, MatchedReplies replies) {
    this.readers = readers;
    this.replies = replies;
  }

  /**
   * @param bus the node's DDS participant
   * @return the writer of the node's {@code /parameter_events}
   */
  public static Bus.Publisher<ParameterEvent> eventsPublisher(DdsBus bus) {
    return bus.publisher(EVENTS_TOPIC, ParameterEvent.TYPE, EVENTS_QOS);
  }

  /**
   * Serves the six services.
   *
   * @param bus the node's DDS participant
   * @param nodeName node name
   * @param namespace node namespace
   * @param server what the services answer
   * @param executor the node's executor
   * @return the services, to close with the node
   */
  public static DdsParameterServices start(DdsBus bus, String nodeName, String namespace,
      ParameterServer<?> server, Executor executor) {
    List<AutoCloseable> readers = new ArrayList<>();
    MatchedReplies replies =
        new MatchedReplies(nodeName, MatchedReplies.DEFAULT_MAX_WAIT_NANOS);
    AtomicInteger pending = new AtomicInteger();
    for (ParameterService s : ParameterService.values()) {
      ServiceTypeHashes.Hashes hashes = ServiceTypeHashes.of(s);
      DdsBus.MatchedPublisher reply = bus.rawDdsPublisher(s.replyTopic(nodeName, namespace),
          s.replyDdsType(), hashes.response(), SERVICE_QOS, MAX_REPLY_BYTES);
      readers.add(bus.subscribeRawDds(s.requestTopic(nodeName, namespace), s.requestDdsType(),
          hashes.request(), SERVICE_QOS, ParameterServer.MAX_REQUEST_BYTES,
          (request, receivedAt) -> {
            if (pending.incrementAndGet() > MAX_PENDING) {
              pending.decrementAndGet();
              server.refuseUnread(s, MAX_PENDING + " requests already wait for the node; "
                  + "dropped unanswered");
              return;
            }
            executor.execute(() -> {
              pending.decrementAndGet();
              byte[] answer = server.handle(s, request);
              if (answer != null) {
                replies.send(reply, answer);
              }
            });
          }));
    }
    return new DdsParameterServices(readers, replies);
  }

  /** Stops answering. */
  @Override
  public void close() {
    for (AutoCloseable r : readers) {
      try {
        r.close();
      } catch (Exception e) {
        LOG.log(Level.FINE, "Parameter service reader already gone", e);
      }
    }
    readers.clear();
    replies.close();
  }
}
