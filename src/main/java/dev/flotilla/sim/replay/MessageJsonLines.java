package dev.flotilla.sim.replay;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.flotilla.bag.cdr.DynamicCdrDecoder;
import dev.flotilla.bag.json.MessageJson;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.msgs.MessageType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders messages as one stable JSON line each,
 * {@code {"time_ns":…,"topic":…,"message":{…}}}, with the bag module's dynamic decoder and JSON
 * rendering: fields in definition order, floats as Java's shortest round-trip text. The same
 * message always gives the same bytes. O(message size).
 */
final class MessageJsonLines {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final MessageDefinitions fallback = MessageDefinitions.bundled();
  private final Map<String, DynamicCdrDecoder> decoders = new HashMap<>();

  /**
   * @param timeNanos simulated time of the message (ns since the epoch of the bag)
   * @param topic topic name
   * @param type the message's type
   * @param cdr the message serialized
   * @return one line of JSON, without line break
   */
  String line(long timeNanos, String topic, MessageType<?> type, byte[] cdr) {
    DynamicCdrDecoder d = decoders.computeIfAbsent(type.rosName(), n -> new DynamicCdrDecoder(
        MessageTypes.fromSchema(n, type.definition(), fallback), n));
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(sw)) {
      g.writeStartObject();
      g.writeNumberField("time_ns", timeNanos);
      g.writeStringField("topic", topic);
      g.writeFieldName("message");
      MessageJson.write(g, d.decode(cdr));
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }
}
