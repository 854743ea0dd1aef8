package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.flotilla.bag.cdr.DynamicCdrDecoder;
import dev.flotilla.bag.cdr.DynamicCdrEncoder;
import dev.flotilla.bag.json.MessageJson;
import dev.flotilla.bag.msgdef.FieldType;
import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MessageTypes;
import dev.flotilla.bag.msgdef.MsgField;
import dev.flotilla.bag.msgdef.MsgParseException;
import dev.flotilla.cdr.CdrException;
import dev.flotilla.msgs.GeneratedTypes;
import dev.flotilla.msgs.MessageType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzes the CDR decoders: the generated codecs' {@link MessageType#decode} (on
 * {@link dev.flotilla.cdr.CdrReader}) and the schema-driven {@link DynamicCdrDecoder}. Their
 * contract is a message or a {@link CdrException} naming a byte offset inside the payload; for a
 * schema that comes with the bytes (as in a bag), a {@link MsgParseException} for the schema.
 */
class CdrDecoderFuzzTest {

  private static final MessageDefinitions DEFS = registry();
  private static final List<String> TYPES = List.copyOf(new java.util.TreeSet<>(DEFS.types()));
  private static final Map<String, MessageType<?>> GENERATED = generated();
  /** Seed payloads, from hex files (with # comments) named after their type. */
  private static final List<Fuzz.Seed> CORPUS = Fuzz.resources("fuzz/cdr").stream()
      .map(s -> new Fuzz.Seed(s.name(), fromHex(s.bytes()))).toList();

  private static MessageDefinitions registry() {
    try {
      Path msg = Path.of(System.getProperty("flotilla.root", "."), "msg");
      return MessageDefinitions.bundled().withPackage("flotilla_msgs", msg);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, MessageType<?>> generated() {
    Map<String, MessageType<?>> out = new TreeMap<>();
    for (MessageType<?> t : GeneratedTypes.ALL) {
      out.put(t.rosName(), t);
    }
    return out;
  }

  /** The type a seed file holds: {@code std_msgs.msg.String.hello.hex} is std_msgs/msg/String. */
  private static String typeOf(Fuzz.Seed seed) {
    String[] parts = seed.name().split("\\.");
    return parts[0] + "/" + parts[1] + "/" + parts[2];
  }

  private static byte[] fromHex(byte[] text) {
    String hex = new String(text, StandardCharsets.US_ASCII).replaceAll("(?m)#.*$", "")
        .replaceAll("\\s", "");
    return HexFormat.of().parseHex(hex);
  }

  /** Decodes with the dynamic decoder and, when there is one, the generated codec. */
  private static void decode(String type, byte[] payload) {
    String shown = type + ": " + HexFormat.of().formatHex(payload);
    MessageTypes types = DEFS.typesFor(type);
    checkCdr(shown, payload, () -> new DynamicCdrDecoder(types, type).decode(payload));
    MessageType<?> generated = GENERATED.get(type);
    if (generated != null) {
      checkCdr(shown, payload, () -> generated.decode(payload));
    }
  }

  private static void checkCdr(String shown, byte[] payload, Fuzz.Parse parse) {
    Throwable t = Fuzz.check(shown, payload.length, e -> e instanceof CdrException, parse);
    if (t instanceof CdrException e) {
      Fuzz.expect(shown, e.offset() >= 0 && e.offset() <= payload.length,
          () -> "offset " + e.offset() + " outside the payload: " + e.getMessage());
      Fuzz.expect(shown, e.getMessage().endsWith("(at byte " + e.offset() + ")"), e::getMessage);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random messages of every known type, encoded, round-tripped, then mutated.

  @Property(seed = "8401")
  void encodedMessagesRoundTripAndMutationsAreMessagesOrOffsetErrors(
      @ForAll("typeNames") String type, @ForAll("choices") List<Integer> choices,
      @ForAll boolean bigEndian, @ForAll("mutations") List<Fuzz.Mutation> steps) {
    MessageTypes types = DEFS.typesFor(type);
    Map<String, Object> value = new Values(types, new Fuzz.Choices(choices)).message(type);
    ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
    byte[] payload = new DynamicCdrEncoder(types, type, order).encode(value);
    assertEquals(MessageJson.toJson(value),
        MessageJson.toJson(new DynamicCdrDecoder(types, type).decode(payload)));
    MessageType<?> generated = GENERATED.get(type);
    if (generated != null && !bigEndian) {
      assertArrayEquals(payload, reencode(generated, payload));
    }
    decode(type, Fuzz.mutate(payload, steps, List.of(), CORPUS));
  }

  private static <T> byte[] reencode(MessageType<T> type, byte[] payload) {
    return type.encode(type.decode(payload));
  }

  @Provide
  Arbitrary<String> typeNames() {
    return Arbitraries.of(TYPES);
  }

  @Provide
  Arbitrary<List<Integer>> choices() {
    return Fuzz.choices();
  }

  /** Values in the shapes {@link DynamicCdrDecoder} produces, decided by {@link Fuzz.Choices}. */
  private record Values(MessageTypes types, Fuzz.Choices c) {
    Map<String, Object> message(String type) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (MsgField f : types.get(type).fields()) {
        m.put(f.name(), field(f.type()));
      }
      return m;
    }

    private Object field(FieldType t) {
      if (!t.isArray()) {
        return single(t);
      }
      int n = switch (t.array()) {
        case FIXED -> t.arrayLength();
        case BOUNDED -> c.below(t.arrayLength() + 1);
        default -> c.below(4);
      };
      if (t.baseType().equals("uint8") || t.baseType().equals("byte")) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
          b[i] = (byte) c.below(256);
        }
        return b;
      }
      List<Object> l = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        l.add(single(t.element()));
      }
      return l;
    }

    private Object single(FieldType t) {
      if (!t.primitive()) {
        return message(t.baseType());
      }
      long bits = ((long) c.below(1 << 20) << 44) ^ ((long) c.below(1 << 20) << 20)
          ^ c.below(1 << 20);
      bits = c.of(bits, 0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE);
      return switch (t.baseType()) {
        case "bool" -> (bits & 1) == 1;
        case "int8" -> (int) (byte) bits;
        case "uint8", "byte", "char" -> (int) (bits & 0xFF);
        case "int16" -> (int) (short) bits;
        case "uint16" -> (int) (bits & 0xFFFF);
        case "int32" -> (int) bits;
        case "uint32" -> bits & 0xFFFFFFFFL;
        case "int64" -> bits;
        case "uint64" -> bits >= 0 ? (Object) bits : new BigInteger(Long.toUnsignedString(bits));
        case "float32" -> Float.intBitsToFloat((int) bits);
        case "float64" -> Double.longBitsToDouble(bits);
        case "string" -> {
          int max = t.stringBound() > 0 ? t.stringBound() : 12;
          StringBuilder sb = new StringBuilder();
          int n = c.below(max + 1);
          for (int i = 0; i < n; i++) {
            sb.append(c.of('a', 'z', 'é', '€', ' ', '/'));
          }
          yield sb.toString();
        }
        default -> throw new IllegalArgumentException(t.baseType());
      };
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random schemas (as a bag carries them) with random payloads.

  @Property(seed = "8402")
  void randomSchemasAndPayloadsAreMessagesOrDocumentedErrors(
      @ForAll("choices") List<Integer> choices) {
    Fuzz.Choices c = new Fuzz.Choices(choices);
    StringBuilder schema = new StringBuilder();
    fields(c, schema);
    int subs = c.below(3);
    for (int i = 0; i < subs; i++) {
      schema.append("=".repeat(80)).append("\nMSG: fuzz/").append(c.of("Sub", "Root", "Other"))
          .append('\n');
      fields(c, schema);
    }
    byte[] payload = new byte[4 + c.below(64)];
    payload[1] = (byte) c.below(3);
    for (int i = 4; i < payload.length; i++) {
      payload[i] = (byte) (int) c.of(0, 1, 2, 0xFF, c.below(256));
    }
    String shown = schema + "\npayload: " + HexFormat.of().formatHex(payload);
    Throwable t = Fuzz.check(shown, payload.length + schema.length(),
        e -> e instanceof CdrException || e instanceof MsgParseException, () -> {
          MessageTypes types = MessageTypes.fromSchema("fuzz/msg/Root", schema.toString(), DEFS);
          new DynamicCdrDecoder(types, "fuzz/msg/Root").decode(payload);
        });
    if (t instanceof CdrException e) {
      Fuzz.expect(shown, e.offset() >= 0 && e.offset() <= payload.length, e::getMessage);
    }
  }

  private static final String[] FIELD_TYPES = {"bool", "int8", "uint8", "char", "int16",
      "uint32", "int64", "uint64", "float32", "float64", "string", "string<=3", "Sub", "Root",
      "Other", "geometry_msgs/Point", "Header", "builtin_interfaces/Time"};
  private static final String[] ARRAYS = {"", "", "", "[]", "[2]", "[<=2]", "[0]", "[-1]",
      "[2147483647]", "[<=-5]", "[99999999999]"};

  private static void fields(Fuzz.Choices c, StringBuilder schema) {
    int n = c.below(5);
    for (int i = 0; i < n; i++) {
      schema.append(c.of(FIELD_TYPES)).append(c.of(ARRAYS)).append(" f").append(i).append('\n');
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Mutation of the seed payloads, decoded as their own type and as any other type.

  @Property(seed = "8403")
  void mutatedSeedsAreMessagesOrOffsetErrors(@ForAll("seeds") Fuzz.Seed seed,
      @ForAll("mutations") List<Fuzz.Mutation> steps, @ForAll("typeNames") String other,
      @ForAll boolean asOther) {
    decode(asOther ? other : typeOf(seed), Fuzz.mutate(seed.bytes(), steps, List.of(), CORPUS));
  }

  @Provide
  Arbitrary<Fuzz.Seed> seeds() {
    return Arbitraries.of(CORPUS);
  }

  @Provide
  Arbitrary<List<Fuzz.Mutation>> mutations() {
    return Fuzz.mutations();
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests (schemas as a bag would carry them).

  private static Throwable decodeWithSchema(String schema, byte[] payload) {
    return Fuzz.check(schema, payload.length + schema.length(),
        e -> e instanceof CdrException || e instanceof MsgParseException, () -> {
          MessageTypes types = MessageTypes.fromSchema("fuzz/msg/Root", schema, DEFS);
          new DynamicCdrDecoder(types, "fuzz/msg/Root").decode(payload);
        });
  }

  /** Found by the schema property: {@code [-1]} reached new ArrayList(-1). */
  @Example
  void negativeFixedArraySizeIsASchemaError() {
    Throwable t = decodeWithSchema("bool[-1] f0\n", new byte[4]);
    assertTrue(t instanceof MsgParseException, String.valueOf(t));
    assertTrue(t.getMessage().contains("negative array size '-1'"), t.getMessage());
  }

  /** Found by the schema property: the schema's count sized an array before any byte was read. */
  @Example
  void hugeFixedArrayIsAnOffsetErrorNotAnOutOfMemoryError() {
    Throwable t = decodeWithSchema("bool[2147483647] f0\n", new byte[4]);
    assertTrue(t instanceof CdrException, String.valueOf(t));
    assertEquals(4, ((CdrException) t).offset());
  }

  /** A type that contains itself recursed until the stack overflowed. */
  @Example
  void selfContainingTypeIsAnOffsetError() {
    Throwable t = decodeWithSchema("Root f0\n", new byte[] {0, 1, 0, 0, 1});
    assertTrue(t instanceof CdrException, String.valueOf(t));
    assertTrue(t.getMessage().contains("deeper than " + DynamicCdrDecoder.MAX_DEPTH),
        t.getMessage());
  }

  /** Elements that take no bytes: two per level, 2^100 values for a 5-byte payload. */
  @Example
  void typeDescribingMoreValuesThanBytesIsAnOffsetError() {
    Throwable t = decodeWithSchema("Root[2] f0\n", new byte[] {0, 1, 0, 0, 1});
    assertTrue(t instanceof CdrException, String.valueOf(t));
  }

  @Example
  void everySeedDecodesAsItsType() {
    assertTrue(CORPUS.size() >= 3);
    for (Fuzz.Seed s : CORPUS) {
      String type = typeOf(s);
      MessageTypes types = DEFS.typesFor(type);
      new DynamicCdrDecoder(types, type).decode(s.bytes());
      GENERATED.get(type).decode(s.bytes());
    }
  }
}
