package dev.flotilla.ros.service;

import dev.flotilla.ros.DdsBus.MatchedPublisher;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends each service reply once its writer has matched a reader, waiting at most
 * {@code maxWaitNanos}. A client that has just found the service (its request writer and reply
 * reader matched ours: rclcpp's {@code service_is_ready}) may send its request before our reply
 * writer has discovered its reply reader, since each side discovers the other's endpoints on its
 * own; a reply written then is lost on a volatile topic and {@code ros2 param get} hangs.
 * rmw_cyclonedds waits for the client's reply reader before answering for the same reason. The
 * wait is polled on a thread of its own, never on the node's, and bounded: at most
 * {@link #MAX_WAITING} replies wait, each at most {@code maxWaitNanos}, after which it is sent
 * anyway.
 */
final class MatchedReplies implements AutoCloseable {
  /** Default longest wait for a match, in nanoseconds. */
  static final long DEFAULT_MAX_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
  /** Replies waiting for a match at most; more are sent at once. */
  static final int MAX_WAITING = 64;
  private static final long POLL_MILLIS = 5;

  private final ScheduledExecutorService poller;
  private final long maxWaitNanos;
  private final AtomicInteger waiting = new AtomicInteger();

  /**
   * @param name names the polling thread
   * @param maxWaitNanos longest wait for a match, in nanoseconds
   */
  MatchedReplies(String name, long maxWaitNanos) {
    this.maxWaitNanos = maxWaitNanos;
    this.poller = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "service replies " + name);
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Sends a reply now if its writer has a reader, else once it has one or the wait is over.
   *
   * @param writer the service's reply writer
   * @param reply the reply payload
   */
  void send(MatchedPublisher writer, byte[] reply) {
    if (writer.matched() || waiting.get() >= MAX_WAITING) {
      writer.publish(reply);
      return;
    }
    waiting.incrementAndGet();
    long deadline = System.nanoTime() + maxWaitNanos;
    poller.schedule(new Runnable() {
      @Override
      public void run() {
        if (writer.matched() || System.nanoTime() - deadline >= 0) {
          waiting.decrementAndGet();
          writer.publish(reply);
        } else {
          poller.schedule(this, POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    }, POLL_MILLIS, TimeUnit.MILLISECONDS);
  }

  /** @return replies waiting for a match now */
  int waiting() {
    return waiting.get();
  }

  /** Drops the replies still waiting. */
  @Override
  public void close() {
    poller.shutdownNow();
  }
}
