package dev.flotilla.bag.msgdef;

/**
 * The type of one field of a ROS 2 message definition.
 *
 * @param baseType a primitive name ({@code float64}, {@code string}, ...) or a full message type
 *     name ({@code geometry_msgs/msg/Pose})
 * @param primitive whether baseType is a primitive
 * @param array how the field repeats
 * @param arrayLength element count for FIXED, bound for BOUNDED, 0 otherwise
 * @param stringBound N for {@code string<=N}, 0 when unbounded
 */
public record FieldType(
    String baseType, boolean primitive, ArrayKind array, int arrayLength, int stringBound) {

  /** How a field repeats. */
  public enum ArrayKind {
    /** A single value. */
    NONE,
    /** {@code T[N]}: exactly N values, no length on the wire. */
    FIXED,
    /** {@code T[<=N]}: a sequence of at most N values, length on the wire. */
    BOUNDED,
    /** {@code T[]}: a sequence, length on the wire. */
    UNBOUNDED
  }

  /** Whether the field is a fixed array or a sequence. */
  public boolean isArray() {
    return array != ArrayKind.NONE;
  }

  /** The same base type without the array part. */
  public FieldType element() {
    return new FieldType(baseType, primitive, ArrayKind.NONE, 0, stringBound);
  }
}
