package dev.flotilla.bag.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Renders decoded messages (maps from {@code bag.cdr}) as compact JSON. Integers are written
 * exactly (uint64 included); non-finite floats, which JSON cannot hold, become the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; byte arrays become arrays of 0..255.
 * O(message size).
 */
public final class MessageJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private MessageJson() {}

  /**
   * @param value a decoded message or value
   * @return one line of JSON
   */
  public static String toJson(Object value) {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(sw)) {
      write(g, value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  /**
   * Writes a value with an open generator.
   *
   * @param g the generator
   * @param v the value
   * @throws IOException from the generator
   */
  public static void write(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(e.getKey().toString());
        write(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> l) {
      g.writeStartArray();
      for (Object x : l) {
        write(g, x);
      }
      g.writeEndArray();
    } else if (v instanceof byte[] b) {
      g.writeStartArray();
      for (byte x : b) {
        g.writeNumber(x & 0xFF);
      }
      g.writeEndArray();
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Double d) {
      writeReal(g, d);
    } else if (v instanceof Float f) {
      if (Float.isFinite(f)) {
        g.writeNumber(f);
      } else {
        writeReal(g, f.doubleValue());
      }
    } else if (v instanceof BigInteger bi) {
      g.writeNumber(bi);
    } else if (v instanceof Number n) {
      g.writeNumber(n.longValue());
    } else {
      g.writeString(v.toString());
    }
  }

  private static void writeReal(JsonGenerator g, double d) throws IOException {
    if (Double.isNaN(d)) {
      g.writeString("NaN");
    } else if (Double.isInfinite(d)) {
      g.writeString(d > 0 ? "Infinity" : "-Infinity");
    } else {
      g.writeNumber(d);
    }
  }
}
