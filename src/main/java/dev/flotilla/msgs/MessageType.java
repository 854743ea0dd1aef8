package dev.flotilla.msgs;

import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Names, definition and CDR codec of one ROS 2 message type. Every record generated from a
 * {@code .msg} file exposes one as {@code TYPE}.
 *
 * @param rosName ROS 2 name, e.g. {@code nav_msgs/msg/Odometry}
 * @param ddsName DDS type name on the wire, e.g. {@code nav_msgs::msg::dds_::Odometry_}
 * @param definition ros2msg text with {@code MSG:} dependency sections, as rosbag2 records it
 * @param maxPayloadBytes largest payload a DDS endpoint of this type reserves, in bytes
 * @param reader decodes one message from CDR
 * @param writer appends one message as CDR
 * @param <T> the generated record
 */
public record MessageType<T>(
    String rosName,
    String ddsName,
    String definition,
    int maxPayloadBytes,
    Function<CdrReader, T> reader,
    BiConsumer<CdrWriter, T> writer) {

  /**
   * @param value a message
   * @return its serialized payload, encapsulation header included
   */
  public byte[] encode(T value) {
    CdrWriter w = new CdrWriter();
    writer.accept(w, value);
    return w.toByteArray();
  }

  /**
   * @param payload a serialized message, encapsulation header included
   * @return the message
   * @throws dev.flotilla.cdr.CdrException when the bytes do not decode as this type
   */
  public T decode(byte[] payload) {
    return reader.apply(new CdrReader(payload));
  }
}
