package dev.flotilla.typehash;

/**
 * One field of a message, as {@code type_description_interfaces/msg/Field} describes it.
 *
 * @param name field name
 * @param type field type
 * @param defaultValue the default value as written in the {@code .msg} file, or {@code ""} when
 *     none; kept for display only: it is not part of the hashed JSON (rosidl drops it too), and
 *     it is not normalized to the form rosidl's own JSON files use
 */
public record FieldDescription(String name, FieldTypeDescription type, String defaultValue) {

  /** Checks the values; a null default value becomes "". */
  public FieldDescription {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("A field has no name.");
    }
    if (type == null) {
      throw new IllegalArgumentException("Field '" + name + "' has no type.");
    }
    defaultValue = defaultValue == null ? "" : defaultValue;
  }
}
