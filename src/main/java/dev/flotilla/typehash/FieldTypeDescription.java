package dev.flotilla.typehash;

/**
 * The type of one field, as {@code type_description_interfaces/msg/FieldType} describes it.
 *
 * @param typeId one of the {@link FieldTypeIds} values: the element kind plus the array kind
 * @param capacity element count of a fixed array or bound of a bounded sequence; 0 otherwise
 * @param stringCapacity N of a {@code string<=N} or {@code wstring<=N} element; 0 otherwise
 * @param nestedTypeName {@code pkg/msg/Type} of a message element; empty for primitives
 */
public record FieldTypeDescription(
    int typeId, int capacity, int stringCapacity, String nestedTypeName) {

  /** Checks the values. */
  public FieldTypeDescription {
    if (typeId < 0 || capacity < 0 || stringCapacity < 0) {
      throw new IllegalArgumentException("A field type has a negative type id, capacity or"
          + " string capacity (" + typeId + ", " + capacity + ", " + stringCapacity + ").");
    }
    if (nestedTypeName == null) {
      throw new IllegalArgumentException("A field type has a null nested type name; use \"\".");
    }
  }

  /** Whether the element type is a message (the name is then non-empty). */
  public boolean isNested() {
    return !nestedTypeName.isEmpty();
  }
}
