package dev.flotilla.ros;

import dev.flotilla.msgs.rmw_dds_common.Gid;
import dev.flotilla.msgs.rmw_dds_common.NodeEntitiesInfo;
import dev.flotilla.msgs.rmw_dds_common.ParticipantEntitiesInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One node's entry in the ROS 2 graph, as rmw announces it on {@code ros_discovery_info}: the
 * participant's GID and, for its one node, the name, namespace and the GIDs of its readers and
 * writers ({@code rmw_dds_common/msg/ParticipantEntitiesInfo}). {@code ros2 node list} and
 * {@code ros2 node info} are built from these messages; without them a Flotilla node's topics
 * show up with no node behind them.
 *
 * <p>Every change publishes the whole entry again (the topic is transient-local, keep-last 1,
 * as in rmw). Thread-safe; O(endpoints) per change.
 */
final class NodeGraph {
  /** The ROS 2 graph topic; rmw names it without the {@code rt/} prefix. */
  static final String TOPIC = "ros_discovery_info";
  /** At most this many GIDs per kind, the bound of rmw_dds_common's IDL sequences. */
  static final int MAX_GIDS = 1024;

  private final String name;
  private final String namespace;
  private final Gid participant;
  private final Map<Object, Gid> readers = new LinkedHashMap<>();
  private final Map<Object, Gid> writers = new LinkedHashMap<>();
  private final Consumer<ParticipantEntitiesInfo> publish;
  private boolean closed;

  /**
   * @param name node name
   * @param namespace node namespace, {@code /} or {@code /ns}
   * @param participant the participant's 16-byte GID
   * @param publish sends one entry on {@link #TOPIC}
   */
  NodeGraph(String name, String namespace, byte[] participant,
      Consumer<ParticipantEntitiesInfo> publish) {
    this.name = name;
    this.namespace = namespace.isEmpty() ? "/" : namespace;
    this.participant = gid(participant);
    this.publish = publish;
  }

  /** Records a reader (a null GID, not found, is left out) and republishes. */
  void addReader(Object key, byte[] gid) {
    add(readers, key, gid);
  }

  /** Records a writer (a null GID, not found, is left out) and republishes. */
  void addWriter(Object key, byte[] gid) {
    add(writers, key, gid);
  }

  /** Forgets a reader or writer and republishes. */
  synchronized void remove(Object key) {
    boolean had = readers.remove(key) != null | writers.remove(key) != null;
    if (had) {
      publish();
    }
  }

  /**
   * Announces the entry as it stands. Announcements are made under this object's lock, so they
   * leave in the order of the changes: the last one a peer keeps is the current one.
   */
  synchronized void publish() {
    if (!closed) {
      publish.accept(info());
    }
  }

  /** Stops announcing (the participant is going away; peers drop its entry with it). */
  synchronized void close() {
    closed = true;
  }

  private synchronized void add(Map<Object, Gid> kind, Object key, byte[] gid) {
    if (gid == null || kind.size() >= MAX_GIDS) {
      return;
    }
    kind.put(key, gid(gid));
    publish();
  }

  /** @return the message rmw would publish for this participant now */
  synchronized ParticipantEntitiesInfo info() {
    NodeEntitiesInfo node = new NodeEntitiesInfo(namespace, name,
        new ArrayList<>(readers.values()), new ArrayList<>(writers.values()));
    return new ParticipantEntitiesInfo(participant, List.of(node));
  }

  static Gid gid(byte[] bytes) {
    List<Byte> data = new ArrayList<>(EndpointGids.LENGTH);
    for (int i = 0; i < EndpointGids.LENGTH; i++) {
      data.add(i < bytes.length ? bytes[i] : 0);
    }
    return new Gid(data);
  }
}
