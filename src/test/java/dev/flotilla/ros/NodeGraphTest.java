package dev.flotilla.ros;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.msgs.rmw_dds_common.Gid;
import dev.flotilla.msgs.rmw_dds_common.NodeEntitiesInfo;
import dev.flotilla.msgs.rmw_dds_common.ParticipantEntitiesInfo;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A node's ros_discovery_info entry follows its endpoints and survives a CDR round trip. */
class NodeGraphTest {
  static byte[] bytes(int last) {
    byte[] b = new byte[16];
    b[0] = 1;
    b[15] = (byte) last;
    return b;
  }

  @Test
  void eachChangeRepublishesTheWholeEntry() {
    List<ParticipantEntitiesInfo> sent = new ArrayList<>();
    NodeGraph graph = new NodeGraph("allocator", "", bytes(0xc1), sent::add);
    graph.publish();
    Object w = new Object();
    Object r = new Object();
    graph.addWriter(w, bytes(3));
    graph.addReader(r, bytes(4));
    graph.addReader(new Object(), null); // not found: left out, nothing sent
    assertEquals(3, sent.size());
    NodeEntitiesInfo node = sent.get(2).nodeEntitiesInfoSeq().get(0);
    assertEquals("/", node.nodeNamespace());
    assertEquals("allocator", node.nodeName());
    assertEquals(List.of(NodeGraph.gid(bytes(3))), node.writerGidSeq());
    assertEquals(List.of(NodeGraph.gid(bytes(4))), node.readerGidSeq());
    assertEquals(NodeGraph.gid(bytes(0xc1)), sent.get(2).gid());

    graph.remove(w);
    assertEquals(List.of(), sent.get(3).nodeEntitiesInfoSeq().get(0).writerGidSeq());
    graph.remove(w); // already gone: nothing sent
    assertEquals(4, sent.size());
    graph.close();
    graph.remove(r);
    graph.publish();
    assertEquals(4, sent.size(), "a closing participant announces nothing more");
  }

  @Test
  void entryEncodesAsJazzysParticipantEntitiesInfo() {
    NodeGraph graph = new NodeGraph("planner", "/fleet_a", bytes(0xc1), info -> { });
    graph.addWriter(new Object(), bytes(3));
    ParticipantEntitiesInfo info = graph.info();
    byte[] cdr = ParticipantEntitiesInfo.TYPE.encode(info);
    // header 4 + gid 16 + sequence length 4 + namespace (4 + 9) ...: the GID is 16 bytes inline
    assertEquals(1, cdr[4]);
    assertEquals((byte) 0xc1, cdr[4 + 15]);
    assertEquals(info, ParticipantEntitiesInfo.TYPE.decode(cdr));
    assertEquals("/fleet_a", info.nodeEntitiesInfoSeq().get(0).nodeNamespace());
  }

  @Test
  void shortGidsArePaddedToSixteenBytes() {
    Gid g = NodeGraph.gid(new byte[0]);
    assertEquals(16, g.data().size());
    assertTrue(g.data().stream().allMatch(b -> b == 0));
  }
}
