package dev.flotilla.typehash;

import dev.flotilla.bag.msgdef.MessageDefinitions;
import dev.flotilla.bag.msgdef.MsgParser;
import dev.flotilla.bag.msgdef.MsgSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * REP-2011 type hashes: {@code RIHS01_} followed by the lower-case hex SHA-256 of the
 * {@link HashableJson} of a type's {@link TypeDescription}, the string ROS 2 (Iron and later)
 * advertises in DDS USER_DATA ({@code typehash=RIHS01_...;}) and rosbag2 writes as
 * {@code type_description_hash}. O(size of the description).
 */
public final class TypeHashes {
  /** Prefix of a version 1 hash string. */
  public static final String PREFIX = "RIHS01_";

  private static final List<String> SERVICE_SUFFIXES = List.of("_Request", "_Response");
  private static final Pattern RIHS01 = Pattern.compile("RIHS01_[0-9a-f]{64}");

  private TypeHashes() {}

  /**
   * The hash of a type description.
   *
   * @param description the description
   * @return {@code RIHS01_<64 hex>}
   */
  public static String of(TypeDescription description) {
    byte[] json = HashableJson.of(description).getBytes(StandardCharsets.UTF_8);
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
      return PREFIX + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This Java runtime has no SHA-256.", e);
    }
  }

  /**
   * The hash of a type, from parsed definitions.
   *
   * @param type {@code pkg/msg/Type} (or {@code pkg/Type}, or {@code pkg/srv/X_Event})
   * @param definitions definitions by full type name: the type and all it needs
   * @return {@code RIHS01_<64 hex>}
   * @throws IllegalArgumentException when a needed definition is missing or has a field type
   *     without a REP-2011 id
   */
  public static String of(String type, Map<String, MsgSpec> definitions) {
    return of(TypeDescriptions.of(type, definitions));
  }

  /**
   * The hash of a type, from a lookup of parsed definitions.
   *
   * @param type {@code pkg/msg/Type} (or {@code pkg/Type}, or {@code pkg/srv/X_Event})
   * @param lookup the definition of a full type name, or null when unknown
   * @return {@code RIHS01_<64 hex>}
   * @throws IllegalArgumentException when a needed definition is missing
   */
  public static String of(String type, Function<String, MsgSpec> lookup) {
    return of(TypeDescriptions.of(type, lookup));
  }

  /**
   * The hash of a type from a registry of {@code .msg} texts.
   *
   * @param type {@code pkg/msg/Type} (or {@code pkg/Type})
   * @param definitions the registry
   * @return {@code RIHS01_<64 hex>}
   * @throws IllegalArgumentException when a needed definition is missing
   */
  public static String of(String type, MessageDefinitions definitions) {
    return of(type, (Function<String, MsgSpec>) definitions::spec);
  }

  /**
   * The hash of a type from a rosbag2 {@code ros2msg} schema text: the type's definition, then
   * its dependencies after {@code ===...} and {@code MSG: pkg/Type} lines (for a service event,
   * the {@code .srv} text, which also defines {@code pkg/srv/X_Request} and
   * {@code pkg/srv/X_Response}). Types the text does not define (e.g.
   * {@code service_msgs/msg/ServiceEventInfo} of a service event) come from the fallback.
   *
   * @param type the schema's type name
   * @param schemaText the schema text
   * @param fallback the definition of a type the text lacks, or null when unknown
   * @return {@code RIHS01_<64 hex>}
   * @throws IllegalArgumentException when a needed definition is missing
   * @throws dev.flotilla.bag.msgdef.MsgParseException when the text does not parse
   */
  public static String ofSchema(String type, String schemaText,
      Function<String, MsgSpec> fallback) {
    String full = MsgParser.fullName(type);
    String parseAs = full;
    if (full.contains("/srv/") && schemaText.lines().anyMatch(l -> l.strip().equals("---"))) {
      // A .srv text: MsgParser expands it into Request, Response and Event when named X_Event.
      for (String suffix : SERVICE_SUFFIXES) {
        if (full.endsWith(suffix)) {
          parseAs = full.substring(0, full.length() - suffix.length()) + "_Event";
        }
      }
    }
    Map<String, MsgSpec> own = MsgParser.parseSchema(parseAs, schemaText);
    return of(type, name -> {
      MsgSpec s = own.get(name);
      return s != null ? s : fallback.apply(name);
    });
  }

  /**
   * Whether a string is a well-formed version 1 type hash.
   *
   * @param hash candidate, e.g. from a USER_DATA {@code typehash=} entry
   * @return whether it is {@code RIHS01_} and 64 lower-case hex digits
   */
  public static boolean isRihs01(String hash) {
    return hash != null && RIHS01.matcher(hash).matches();
  }

  /**
   * The 32 hash bytes of a version 1 hash string.
   *
   * @param hash {@code RIHS01_<64 hex>}
   * @return the SHA-256 value
   * @throws IllegalArgumentException when the string is not a version 1 hash
   */
  public static byte[] value(String hash) {
    if (!isRihs01(hash)) {
      throw new IllegalArgumentException("'" + hash + "' is not a RIHS01 type hash (RIHS01_"
          + " followed by 64 lower-case hex digits).");
    }
    return HexFormat.of().parseHex(hash, PREFIX.length(), hash.length());
  }
}
