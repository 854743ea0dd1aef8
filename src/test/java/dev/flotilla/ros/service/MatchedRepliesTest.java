package dev.flotilla.ros.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.ros.DdsBus.MatchedPublisher;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Replies wait for a reader, within bounds; no assertion on how long anything takes. */
class MatchedRepliesTest {

  /** A reply writer whose match the test sets; counts how often it was asked. */
  static final class Writer implements MatchedPublisher {
    volatile boolean matched;
    final AtomicInteger asked = new AtomicInteger();
    final List<byte[]> sent = new CopyOnWriteArrayList<>();

    @Override
    public boolean publish(byte[] message) {
      sent.add(message);
      return true;
    }

    @Override
    public boolean matched() {
      asked.incrementAndGet();
      return matched;
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < end, what + " did not happen within 30 s");
      Thread.sleep(2);
    }
  }

  @Test
  void aMatchedWriterIsAnsweredAtOnce() {
    Writer w = new Writer();
    w.matched = true;
    try (MatchedReplies replies = new MatchedReplies("t", TimeUnit.HOURS.toNanos(1))) {
      replies.send(w, new byte[] {1});
      assertEquals(1, w.sent.size(), "sent on the caller's thread");
      assertEquals(0, replies.waiting());
    }
  }

  @Test
  void aReplyWaitsUntilAReaderMatches() throws Exception {
    Writer w = new Writer();
    try (MatchedReplies replies = new MatchedReplies("t", TimeUnit.HOURS.toNanos(1))) {
      replies.send(w, new byte[] {7});
      await(() -> w.asked.get() >= 4, "three polls");
      assertTrue(w.sent.isEmpty(), "sent before any reader matched");
      assertEquals(1, replies.waiting());
      w.matched = true;
      await(() -> w.sent.size() == 1, "the reply after the match");
      assertEquals(7, w.sent.get(0)[0]);
      assertEquals(0, replies.waiting());
    }
  }

  @Test
  void aReplyNobodyMatchesIsSentWhenTheWaitIsOver() throws Exception {
    Writer w = new Writer();
    try (MatchedReplies replies = new MatchedReplies("t", TimeUnit.MILLISECONDS.toNanos(50))) {
      replies.send(w, new byte[] {3});
      await(() -> w.sent.size() == 1, "the reply after the wait");
      assertTrue(!w.matched);
      assertEquals(0, replies.waiting());
    }
  }

  @Test
  void atMostMaxWaitingRepliesWaitTheRestGoAtOnce() {
    Writer w = new Writer();
    try (MatchedReplies replies = new MatchedReplies("t", TimeUnit.HOURS.toNanos(1))) {
      for (int i = 0; i < MatchedReplies.MAX_WAITING + 5; i++) {
        replies.send(w, new byte[] {(byte) i});
      }
      assertEquals(MatchedReplies.MAX_WAITING, replies.waiting());
      assertEquals(5, w.sent.size());
    }
  }
}
