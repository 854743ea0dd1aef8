package dev.flotilla.typehash;

import java.util.List;

/**
 * The canonical JSON text of a {@link TypeDescription} that the RIHS01 hash is taken over,
 * byte for byte as {@code rosidl_generator_type_description} ({@code json.dumps} with
 * {@code separators=(', ', ': ')}, no indent, {@code ensure_ascii}) and {@code rcl}'s
 * {@code rcl_type_description_to_hashable_json} (libyaml flow style, width unlimited) write it:
 *
 * <pre>{@code
 * {"type_description": {"type_name": "pkg/msg/T", "fields": [{"name": "x", "type":
 * {"type_id": 11, "capacity": 0, "string_capacity": 0, "nested_type_name": ""}}, ...]},
 * "referenced_type_descriptions": [{"type_name": ..., "fields": [...]}, ...]}
 * }</pre>
 *
 * <p>(one line, no line break at the end). Keys come in exactly this order; default values are
 * not included. Strings are escaped as Python's {@code json} does with {@code ensure_ascii}:
 * {@code "} and {@code \} with a backslash, control characters as {@code \n}, {@code \r},
 * {@code \t}, {@code \b}, {@code \f} or {@code \}{@code u00XX}, and anything outside printable
 * ASCII as lower-case {@code \}{@code uXXXX} UTF-16 units (rcl's libyaml output differs only for
 * such characters, which valid ROS type and field names never contain). O(output length).
 */
public final class HashableJson {
  private HashableJson() {}

  /**
   * Writes the hashable JSON of a type description.
   *
   * @param description the description
   * @return the JSON text
   */
  public static String of(TypeDescription description) {
    StringBuilder sb = new StringBuilder(256);
    sb.append("{\"type_description\": ");
    individual(sb, description.typeDescription());
    sb.append(", \"referenced_type_descriptions\": [");
    List<IndividualTypeDescription> refs = description.referencedTypeDescriptions();
    for (int i = 0; i < refs.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      individual(sb, refs.get(i));
    }
    return sb.append("]}").toString();
  }

  private static void individual(StringBuilder sb, IndividualTypeDescription d) {
    sb.append("{\"type_name\": ");
    string(sb, d.typeName());
    sb.append(", \"fields\": [");
    List<FieldDescription> fields = d.fields();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      FieldDescription f = fields.get(i);
      FieldTypeDescription t = f.type();
      sb.append("{\"name\": ");
      string(sb, f.name());
      sb.append(", \"type\": {\"type_id\": ").append(t.typeId())
          .append(", \"capacity\": ").append(t.capacity())
          .append(", \"string_capacity\": ").append(t.stringCapacity())
          .append(", \"nested_type_name\": ");
      string(sb, t.nestedTypeName());
      sb.append("}}");
    }
    sb.append("]}");
  }

  private static void string(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
