package dev.flotilla.ros.action;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import dev.flotilla.ros.RequestHeader;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;

/**
 * The client side of one ROS 2 service over raw endpoints: writes requests on
 * {@code rq/<service>Request}, reads {@code rr/<service>Reply} and hands each reply to ours, by
 * request number, to a handler. Replies meant for other clients of the same service (the reply
 * topic is shared) are skipped silently; a reply to a request of ours that is not pending, or one
 * that does not parse, is a counted rejection. Everything but the reader's first hop runs on the
 * given executor, so the pending set needs no lock.
 */
final class ServiceClient implements AutoCloseable {
  /** Most requests pending at once; more means replies are not coming, so the oldest go. */
  static final int MAX_PENDING = 64;

  private final String channel;
  private final RequestConvention convention;
  private final long clientId;
  private final DdsBus.RawWriter writer;
  private final DdsBus.RawReader reader;
  private final RejectionSink rejections;
  private final BiConsumer<Long, byte[]> handler;
  private final Set<Long> pending = new HashSet<>();
  private long nextSequence = 1;

  /**
   * @param transport raw endpoints
   * @param service absolute service name, e.g. {@code /r1/navigate_to_pose/_action/send_goal}
   * @param requestType DDS type name of the request
   * @param replyType DDS type name of the reply
   * @param convention how replies are matched to requests
   * @param clientId this client's id in rmw_cyclonedds request headers
   * @param executor where replies are handled
   * @param rejections where ignored replies are counted
   * @param handler called with (request number, reply body with encapsulation header)
   */
  ServiceClient(ActionTransport transport, String service, String requestType, String replyType,
      RequestConvention convention, long clientId, Executor executor, RejectionSink rejections,
      BiConsumer<Long, byte[]> handler) {
    this.channel = service;
    this.convention = convention;
    this.clientId = clientId;
    this.rejections = rejections;
    this.handler = handler;
    this.writer = transport.writer("rq" + service + "Request", requestType, QosProfile.DEFAULT);
    this.reader = transport.reader("rr" + service + "Reply", replyType, QosProfile.DEFAULT,
        sample -> executor.execute(() -> onReply(sample)));
  }

  /**
   * @return whether a server is seen both ways, as rclcpp's {@code service_is_ready} asks: its
   *     request reader matched our request writer, and its reply writer our reply reader
   */
  boolean serverSeen() {
    return writer.matched() && reader.matched();
  }

  /**
   * Sends a request.
   *
   * @param body the request's fields, encapsulation header first
   * @return the request number replies will carry, or -1 when DDS refused the sample
   */
  long call(byte[] body) {
    long id;
    if (convention == RequestConvention.CYCLONEDDS) {
      id = nextSequence++;
      if (writer.write(new RequestHeader(clientId, id).prepend(body)) < 0) {
        return -1;
      }
    } else {
      id = writer.write(body);
      if (id < 0) {
        return -1;
      }
    }
    if (pending.size() >= MAX_PENDING) {
      pending.remove(pending.stream().min(Long::compare).orElseThrow());
    }
    pending.add(id);
    return id;
  }

  private void onReply(DdsBus.RawSample sample) {
    long request;
    byte[] body;
    if (convention == RequestConvention.CYCLONEDDS) {
      RequestHeader.Split split;
      try {
        split = RequestHeader.split(sample.cdr());
      } catch (CdrException e) {
        rejections.reject(channel, "malformed_reply", "reply without a readable request header: "
            + e.getMessage());
        return;
      }
      if (split.header().clientId() != clientId) {
        return;
      }
      request = split.header().sequence();
      body = split.body();
    } else {
      if (!Arrays.equals(sample.relatedWriterGid(), writer.gid())) {
        return;
      }
      request = sample.relatedSequence();
      body = sample.cdr();
    }
    if (!pending.remove(request)) {
      rejections.reject(channel, "unknown_request", "reply to request " + request
          + ", which is not pending (answered, timed out or never sent)");
      return;
    }
    handler.accept(request, body);
  }

  @Override
  public void close() {
    reader.close();
  }
}
