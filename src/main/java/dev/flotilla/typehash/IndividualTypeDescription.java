package dev.flotilla.typehash;

import java.util.List;

/**
 * One message type without its dependencies, as
 * {@code type_description_interfaces/msg/IndividualTypeDescription} describes it.
 *
 * @param typeName {@code pkg/msg/Type} (or {@code pkg/srv/Type_Request} and the like)
 * @param fields the fields in declaration order; constants are not fields
 */
public record IndividualTypeDescription(String typeName, List<FieldDescription> fields) {

  /** Checks the values and copies the list. */
  public IndividualTypeDescription {
    if (typeName == null || typeName.isEmpty()) {
      throw new IllegalArgumentException("A type description has no type name.");
    }
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("Type " + typeName + " has no fields; an empty message"
          + " carries the placeholder field " + TypeDescriptions.EMPTY_STRUCTURE_FIELD + ".");
    }
    fields = List.copyOf(fields);
  }
}
