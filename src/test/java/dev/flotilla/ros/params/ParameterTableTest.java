package dev.flotilla.ros.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A parameter table validates a live change with the reader that validated the file. */
class ParameterTableTest {
  record Params(double threshold, String mode, long count) {
    static Params read(ParamReader p) {
      Params out = new Params(p.number("threshold", 0.1, 0, 1),
          p.string("mode", "a", Set.of("a", "b")), p.integer("count", 3, 1, 10));
      p.finish();
      return out;
    }
  }

  private static ParameterTable<Params> table() {
    RosParamsFile file = RosParamsFile.parse("fleet.yaml", """
        /**:
          ros__parameters:
            threshold: 0.2
        """);
    ParamReader reader = file.forNode("/", "node");
    Params.read(reader);
    return new ParameterTable<>("fleet.yaml", "node", reader.declared(),
        Set.of("threshold", "count"), Params::read);
  }

  @Test
  void declaresEveryParameterReadWithTheValueInUse() {
    ParameterTable<Params> t = table();
    assertEquals(List.of("threshold", "mode", "count"), t.names());
    assertEquals(0.2, t.value("threshold").asDouble());
    assertEquals("a", t.value("mode").asText());
    assertEquals(3, t.value("count").asLong());
    assertTrue(t.readOnly("mode"));
    assertFalse(t.readOnly("threshold"));
  }

  @Test
  void validChangeIsAppliedAndRebuildsTheRecord() {
    ParameterTable<Params> t = table();
    ParameterTable.Outcome<Params> o = t.set(Map.of("threshold", DoubleNode.valueOf(0.5)));
    assertTrue(o.accepted(), o.reason());
    assertEquals(new Params(0.5, "a", 3), o.params());
    assertEquals(0.5, t.value("threshold").asDouble());
  }

  @Test
  void outOfRangeValueGetsTheStartSentenceAndChangesNothing() {
    ParameterTable<Params> t = table();
    ParameterTable.Outcome<Params> o = t.set(Map.of("threshold", DoubleNode.valueOf(2.0)));
    assertFalse(o.accepted());
    assertNull(o.params());
    assertEquals("node.threshold must be within [0.0, 1.0], got 2.0.", o.reason());
    assertEquals(0.2, t.value("threshold").asDouble());
  }

  @Test
  void readOnlyUnknownAndWrongTypeAreRefusedWithTheReason() {
    ParameterTable<Params> t = table();
    assertEquals("node.mode is read-only: the node reads it once at start; change it in the "
        + "parameter file and restart the node.",
        t.set(Map.of("mode", TextNode.valueOf("b"))).reason());
    assertEquals("node.nope is not a parameter of node.",
        t.set(Map.of("nope", DoubleNode.valueOf(1))).reason());
    assertEquals("node.threshold is a double, not an integer.",
        t.set(Map.of("threshold", LongNode.valueOf(1))).reason());
    assertEquals("node.count is an integer, not a string.",
        t.set(Map.of("count", TextNode.valueOf("4"))).reason());
    assertEquals(0.2, t.value("threshold").asDouble());
  }

  @Test
  void anAtomicChangeWithOneBadValueAppliesNone() {
    ParameterTable<Params> t = table();
    Map<String, JsonNode> changes = new LinkedHashMap<>();
    changes.put("threshold", DoubleNode.valueOf(0.7));
    changes.put("count", LongNode.valueOf(11));
    ParameterTable.Outcome<Params> o = t.set(changes);
    assertEquals("node.count must be within [1, 10], got 11.", o.reason());
    assertEquals(0.2, t.value("threshold").asDouble());
    assertEquals(3, t.value("count").asLong());
  }
}
