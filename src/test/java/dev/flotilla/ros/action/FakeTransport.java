package dev.flotilla.ros.action;

import dev.flotilla.ros.DdsBus;
import dev.flotilla.ros.QosProfile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Literal raw endpoints in memory: what the client writes is kept, replies are handed in. */
public final class FakeTransport implements ActionTransport {
  public final Map<String, List<byte[]>> written = new HashMap<>();
  final Map<String, Consumer<DdsBus.RawSample>> readers = new HashMap<>();
  final Map<String, String> types = new HashMap<>();
  /** Whether the server's reply writers matched our readers. */
  public boolean matched = true;
  /** Whether the server's request readers matched our writers. */
  public boolean writersMatched = true;
  static final byte[] WRITER_GID = new byte[16];

  static {
    WRITER_GID[15] = 3;
  }

  @Override
  public DdsBus.RawWriter writer(String ddsTopic, String ddsType, QosProfile qos) {
    types.put(ddsTopic, ddsType);
    List<byte[]> out = written.computeIfAbsent(ddsTopic, t -> new ArrayList<>());
    return new DdsBus.RawWriter() {
      @Override
      public long write(byte[] cdr) {
        out.add(cdr);
        return out.size();
      }

      @Override
      public byte[] gid() {
        return WRITER_GID.clone();
      }

      @Override
      public boolean matched() {
        return writersMatched;
      }
    };
  }

  @Override
  public DdsBus.RawReader reader(String ddsTopic, String ddsType, QosProfile qos,
      Consumer<DdsBus.RawSample> handler) {
    types.put(ddsTopic, ddsType);
    readers.put(ddsTopic, handler);
    return new DdsBus.RawReader() {
      @Override
      public boolean matched() {
        return matched;
      }

      @Override
      public void close() {
        readers.remove(ddsTopic);
      }
    };
  }

  public List<byte[]> written(String topic) {
    return written.getOrDefault(topic, List.of());
  }

  public void deliver(String topic, byte[] cdr) {
    readers.get(topic).accept(new DdsBus.RawSample(cdr, new byte[16], 0));
  }

  public void deliver(String topic, byte[] cdr, byte[] gid, long sequence) {
    readers.get(topic).accept(new DdsBus.RawSample(cdr, gid, sequence));
  }
}
