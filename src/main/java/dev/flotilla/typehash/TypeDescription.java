package dev.flotilla.typehash;

import java.util.List;

/**
 * A message type with every type it refers to, directly or not, as
 * {@code type_description_interfaces/msg/TypeDescription} describes it: the input of the
 * RIHS01 hash.
 *
 * @param typeDescription the type itself
 * @param referencedTypeDescriptions every nested type reachable from its fields, each once,
 *     sorted by type name
 */
public record TypeDescription(
    IndividualTypeDescription typeDescription,
    List<IndividualTypeDescription> referencedTypeDescriptions) {

  /** Checks the order and copies the list. */
  public TypeDescription {
    if (typeDescription == null) {
      throw new IllegalArgumentException("A type description needs its top-level type.");
    }
    referencedTypeDescriptions = List.copyOf(referencedTypeDescriptions);
    for (int i = 1; i < referencedTypeDescriptions.size(); i++) {
      String prev = referencedTypeDescriptions.get(i - 1).typeName();
      String cur = referencedTypeDescriptions.get(i).typeName();
      if (prev.compareTo(cur) >= 0) {
        throw new IllegalArgumentException("The types referenced by "
            + typeDescription.typeName() + " are not sorted by name without duplicates: " + prev
            + " comes before " + cur + ".");
      }
    }
  }

  /** The top-level type name. */
  public String typeName() {
    return typeDescription.typeName();
  }
}
