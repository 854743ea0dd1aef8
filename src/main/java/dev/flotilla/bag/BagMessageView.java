package dev.flotilla.bag;

import java.nio.ByteBuffer;

/**
 * One recorded message whose payload is not copied: for an MCAP file, a read-only view into the
 * file mapping (uncompressed chunks) or into the decompressed chunk. Consumers that decode in
 * place or only forward bytes read a bag this way at close to the speed of the file itself;
 * {@link #toMessage()} makes an owned copy.
 *
 * @param topic topic name
 * @param type ROS type name ({@code pkg/msg/Type})
 * @param data serialized message (CDR with encapsulation header), read-only, position 0 to limit
 * @param logTimeNanos time the recorder received it (ns since epoch)
 * @param publishTimeNanos time it was published (ns since epoch; equals the log time when the
 *     storage does not keep it, as in SQLite3)
 */
public record BagMessageView(
    String topic, String type, ByteBuffer data, long logTimeNanos, long publishTimeNanos) {

  /** @return the same message owning a copy of its payload */
  public BagMessage toMessage() {
    byte[] b = new byte[data.remaining()];
    data.get(data.position(), b);
    return new BagMessage(topic, type, b, logTimeNanos, publishTimeNanos);
  }
}
