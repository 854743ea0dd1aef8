package dev.flotilla.ros.action;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A goal's {@code unique_identifier_msgs/UUID}: 16 bytes, held as two longs so the id is a value.
 *
 * @param high bytes 0..7, big endian
 * @param low bytes 8..15, big endian
 */
public record GoalId(long high, long low) {

  /** @return a fresh random (version 4) id */
  public static GoalId random() {
    UUID u = UUID.randomUUID();
    return new GoalId(u.getMostSignificantBits(), u.getLeastSignificantBits());
  }

  /**
   * @param bytes the 16 UUID bytes as they travel
   * @return the id
   * @throws IllegalArgumentException unless there are exactly 16 bytes
   */
  public static GoalId of(byte[] bytes) {
    if (bytes.length != 16) {
      throw new IllegalArgumentException("A goal id has 16 bytes, got " + bytes.length + ".");
    }
    ByteBuffer b = ByteBuffer.wrap(bytes);
    return new GoalId(b.getLong(), b.getLong());
  }

  /** @return the 16 UUID bytes as they travel */
  public byte[] bytes() {
    return ByteBuffer.allocate(16).putLong(high).putLong(low).array();
  }

  @Override
  public String toString() {
    return HexFormat.of().formatHex(bytes());
  }
}
