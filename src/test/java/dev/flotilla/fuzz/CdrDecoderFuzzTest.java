package dev.flotilla.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

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
  /** The committed corpus, in the input format of {@link #cdrDecoder}. */
  private static final List<Fuzz.Seed> FILES = Fuzz.corpus(CdrDecoderFuzzTest.class, "cdrDecoder");
  /** The corpus files that name a type: their payloads, for mutation. */
  private static final List<Typed> TYPED = FILES.stream().map(CdrDecoderFuzzTest::typed)
      .filter(t -> t != null).toList();
  private static final List<Fuzz.Seed> CORPUS = TYPED.stream().map(Typed::payload).toList();

  /** A payload and the type it is decoded as. */
  private record Typed(String type, Fuzz.Seed payload) {}

  /** A corpus file whose first line is a known type, split; null for any other. */
  private static Typed typed(Fuzz.Seed file) {
    byte[] b = file.bytes();
    int eol = indexOf(b, (byte) '\n');
    String type = eol < 0 ? "" : new String(b, 0, eol, StandardCharsets.ISO_8859_1);
    if (!TYPES.contains(type)) {
      return null;
    }
    return new Typed(type, new Fuzz.Seed(file.name(), Arrays.copyOfRange(b, eol + 1, b.length)));
  }

  private static int indexOf(byte[] b, byte what) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == what) {
        return i;
      }
    }
    return -1;
  }

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

  /** A schema (as a bag carries it) for fuzz/msg/Root and a payload; checks the contract. */
  private static Throwable decodeWithSchema(String schema, byte[] payload) {
    String shown = schema + "\npayload: " + HexFormat.of().formatHex(payload);
    Throwable t = Fuzz.check(shown, payload.length + schema.length(),
        e -> e instanceof CdrException || e instanceof MsgParseException, () -> {
          MessageTypes types = MessageTypes.fromSchema("fuzz/msg/Root", schema, DEFS);
          new DynamicCdrDecoder(types, "fuzz/msg/Root").decode(payload);
        });
    if (t instanceof CdrException e) {
      Fuzz.expect(shown, e.offset() >= 0 && e.offset() <= payload.length, e::getMessage);
    }
    return t;
  }

  // ---------------------------------------------------------------------------------------------
  // Coverage-guided (Jazzer): replays the corpus on every build, fuzzes with JAZZER_FUZZ=1.

  private static final String SCHEMA = "schema\n";
  private static final String PAYLOAD = "\npayload\n";

  /**
   * One input: a first line naming a known type ({@code std_msgs/msg/String}) and the payload
   * after it; or a first line {@code schema}, a message definition for fuzz/msg/Root as a bag
   * carries it, a line {@code payload} and the payload; otherwise the first byte picks the type
   * and the rest is the payload.
   */
  @FuzzTest(maxDuration = "30s")
  void cdrDecoder(byte[] input) {
    String text = Fuzz.latin1(input);
    if (text.startsWith(SCHEMA)) {
      int end = text.indexOf(PAYLOAD, SCHEMA.length() - 1);
      int from = end < 0 ? input.length : end + PAYLOAD.length();
      int to = end < 0 ? input.length : end + 1;
      decodeWithSchema(new String(input, SCHEMA.length(), Math.max(0, to - SCHEMA.length()),
          StandardCharsets.UTF_8), Arrays.copyOfRange(input, from, input.length));
      return;
    }
    Typed typed = typed(new Fuzz.Seed("input", input));
    if (typed != null) {
      decode(typed.type(), typed.payload().bytes());
    } else if (input.length > 0) {
      decode(TYPES.get((input[0] & 0xFF) % TYPES.size()),
          Arrays.copyOfRange(input, 1, input.length));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Structure-aware: random messages of every known type, encoded, round-tripped, then mutated.

  @Test
  void encodedMessagesRoundTripAndMutationsAreMessagesOrOffsetErrors() {
    Fuzz.forAll(8401, Fuzz.DEFAULT_TRIES, r -> {
      String type = Fuzz.pick(r, TYPES);
      MessageTypes types = DEFS.typesFor(type);
      Map<String, Object> value = new Values(types, new Fuzz.Choices(r)).message(type);
      boolean bigEndian = r.nextBoolean();
      ByteOrder order = bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
      byte[] payload = new DynamicCdrEncoder(types, type, order).encode(value);
      String shown = type + ": " + HexFormat.of().formatHex(payload);
      assertEquals(MessageJson.toJson(value),
          MessageJson.toJson(new DynamicCdrDecoder(types, type).decode(payload)), shown);
      MessageType<?> generated = GENERATED.get(type);
      if (generated != null && !bigEndian) {
        assertArrayEquals(payload, reencode(generated, payload), shown);
      }
      decode(type, Fuzz.mutate(payload, Fuzz.mutations(r), List.of(), CORPUS));
    });
  }

  private static <T> byte[] reencode(MessageType<T> type, byte[] payload) {
    return type.encode(type.decode(payload));
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

  @Test
  void randomSchemasAndPayloadsAreMessagesOrDocumentedErrors() {
    Fuzz.forAll(8402, Fuzz.DEFAULT_TRIES, r -> randomSchemaAndPayload(new Fuzz.Choices(r)));
  }

  private static void randomSchemaAndPayload(Fuzz.Choices c) {
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
    decodeWithSchema(schema.toString(), payload);
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

  @Test
  void mutatedSeedsAreMessagesOrOffsetErrors() {
    Fuzz.forAll(8403, Fuzz.DEFAULT_TRIES, r -> {
      Typed seed = Fuzz.pick(r, TYPED);
      byte[] bytes = Fuzz.mutate(seed.payload().bytes(), Fuzz.mutations(r), List.of(), CORPUS);
      String other = Fuzz.pick(r, TYPES);
      decode(r.nextBoolean() ? other : seed.type(), bytes);
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Crashes found, as regression tests (schemas as a bag would carry them).

  /** Found by the schema property: {@code [-1]} reached new ArrayList(-1). */
  @Test
  void negativeFixedArraySizeIsASchemaError() {
    Throwable t = decodeWithSchema("bool[-1] f0\n", new byte[4]);
    assertTrue(t instanceof MsgParseException, String.valueOf(t));
    assertTrue(t.getMessage().contains("negative array size '-1'"), t.getMessage());
  }

  /** Found by the schema property: the schema's count sized an array before any byte was read. */
  @Test
  void hugeFixedArrayIsAnOffsetErrorNotAnOutOfMemoryError() {
    Throwable t = decodeWithSchema("bool[2147483647] f0\n", new byte[4]);
    assertTrue(t instanceof CdrException, String.valueOf(t));
    assertEquals(4, ((CdrException) t).offset());
  }

  /** A type that contains itself recursed until the stack overflowed. */
  @Test
  void selfContainingTypeIsAnOffsetError() {
    Throwable t = decodeWithSchema("Root f0\n", new byte[] {0, 1, 0, 0, 1});
    assertTrue(t instanceof CdrException, String.valueOf(t));
    assertTrue(t.getMessage().contains("deeper than " + DynamicCdrDecoder.MAX_DEPTH),
        t.getMessage());
  }

  /** Elements that take no bytes: two per level, 2^100 values for a 5-byte payload. */
  @Test
  void typeDescribingMoreValuesThanBytesIsAnOffsetError() {
    Throwable t = decodeWithSchema("Root[2] f0\n", new byte[] {0, 1, 0, 0, 1});
    assertTrue(t instanceof CdrException, String.valueOf(t));
  }

  @Test
  void everySeedDecodesAsItsType() {
    assertTrue(TYPED.size() >= 4);
    for (Typed s : TYPED) {
      MessageTypes types = DEFS.typesFor(s.type());
      new DynamicCdrDecoder(types, s.type()).decode(s.payload().bytes());
      GENERATED.get(s.type()).decode(s.payload().bytes());
    }
  }
}
