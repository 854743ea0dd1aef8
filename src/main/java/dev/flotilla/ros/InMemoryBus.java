package dev.flotilla.ros;

import dev.flotilla.msgs.MessageType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A {@link Bus} inside one process with no middleware: every message is encoded to CDR and decoded
 * again, as DDS would, and delivered synchronously on the publishing thread. Transient-local
 * topics replay their last {@code depth} messages to late subscribers. Deterministic, so the same
 * inputs always give the same outputs (tests, replay harness).
 */
public final class InMemoryBus implements Bus {
  private final Map<String, Topic> topics = new HashMap<>();

  private static final class Topic {
    final MessageType<?> type;
    final List<Consumer<byte[]>> subscribers = new CopyOnWriteArrayList<>();
    final List<byte[]> latched = new ArrayList<>();
    int latchedDepth;

    Topic(MessageType<?> type) {
      this.type = type;
    }
  }

  private synchronized Topic topic(String name, MessageType<?> type) {
    Topic t = topics.computeIfAbsent(name, n -> new Topic(type));
    if (!t.type.ddsName().equals(type.ddsName())) {
      throw new IllegalArgumentException("Topic " + name + " carries " + t.type.rosName()
          + ", not " + type.rosName() + ".");
    }
    return t;
  }

  @Override
  public <T> Publisher<T> publisher(String topicName, MessageType<T> type, QosProfile qos) {
    Topic t = topic(topicName, type);
    synchronized (this) {
      if (qos.transientLocal()) {
        t.latchedDepth = Math.max(t.latchedDepth, qos.depth());
      }
    }
    return message -> {
      byte[] bytes = type.encode(message);
      synchronized (this) {
        if (t.latchedDepth > 0) {
          t.latched.add(bytes);
          while (t.latched.size() > t.latchedDepth) {
            t.latched.remove(0);
          }
        }
      }
      for (Consumer<byte[]> s : t.subscribers) {
        s.accept(bytes);
      }
      return true;
    };
  }

  @Override
  public <T> AutoCloseable subscribe(String topicName, MessageType<T> type, QosProfile qos,
      Consumer<T> handler) {
    Topic t = topic(topicName, type);
    Consumer<byte[]> subscriber = bytes -> handler.accept(type.decode(bytes));
    List<byte[]> replay;
    synchronized (this) {
      replay = qos.transientLocal() ? List.copyOf(t.latched) : List.of();
      t.subscribers.add(subscriber);
    }
    replay.forEach(subscriber);
    return () -> t.subscribers.remove(subscriber);
  }

  @Override
  public synchronized void close() {
    topics.clear();
  }
}
