package dev.flotilla.ros;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * A DDS topic type that carries serialized messages as opaque bytes, so {@code bag record} and
 * {@code bag play} handle any ROS 2 type without generated code. The bytes are the CDR payload
 * with its 4-byte encapsulation header, exactly as rosbag2 stores them; only the DDS type name
 * ({@code pkg::msg::dds_::Name_}, derived from the ROS name) must match the peers'. Between
 * processes Fast-DDS pads a payload with zeros to a multiple of 4 bytes, as for any rmw peer;
 * decoders ignore such trailing padding.
 *
 * <p>O(payload size) per sample.
 */
public final class RawTopicType implements TopicDataType<RawTopicType.Sample> {
  /** Payload reserved per sample when none is given: 1 MiB. */
  public static final int DEFAULT_MAX_PAYLOAD_BYTES = 1 << 20;

  /** What ihmc-pub-sub adds to a received sample's length (see {@link #deserialize}). */
  static final int RECEIVE_LENGTH_SLACK = 4;

  private static final Pattern ROS_NAME =
      Pattern.compile("([A-Za-z][A-Za-z0-9_]*)/(?:(msg)/)?([A-Z][A-Za-z0-9]*)");

  private final String rosType;
  private final String ddsName;
  private final int maxPayloadBytes;

  /**
   * @param rosType ROS type name, {@code pkg/msg/Name} (or {@code pkg/Name})
   * @param maxPayloadBytes largest payload a sample may carry, in bytes
   * @throws IllegalArgumentException when the type name is malformed
   */
  public RawTopicType(String rosType, int maxPayloadBytes) {
    this(fullRosName(rosType), ddsName(rosType), maxPayloadBytes);
  }

  private RawTopicType(String rosType, String ddsName, int maxPayloadBytes) {
    this.rosType = rosType;
    this.ddsName = ddsName;
    if (maxPayloadBytes < 4) {
      throw new IllegalArgumentException("A raw topic needs room for at least the 4-byte CDR "
          + "header, got " + maxPayloadBytes + " bytes.");
    }
    this.maxPayloadBytes = maxPayloadBytes;
  }

  /**
   * A raw type named by its DDS name alone, for types outside {@code pkg/msg/Name}, e.g. a
   * service's {@code rcl_interfaces::srv::dds_::GetParameters_Request_}.
   *
   * @param ddsName the DDS type name
   * @param maxPayloadBytes largest payload a sample may carry, in bytes
   * @return the type
   */
  public static RawTopicType ofDdsName(String ddsName, int maxPayloadBytes) {
    if (ddsName == null || !ddsName.matches("[A-Za-z_][A-Za-z0-9_]*(::[A-Za-z_][A-Za-z0-9_]*)*")) {
      throw new IllegalArgumentException("'" + ddsName + "' is not a DDS type name.");
    }
    return new RawTopicType(ddsName, ddsName, maxPayloadBytes);
  }

  /** One sample: the CDR bytes with encapsulation header. */
  public static final class Sample {
    byte[] data;

    /** @return the serialized payload, or null when nothing was received */
    public byte[] data() {
      return data;
    }
  }

  /**
   * @param rosType ROS type name, {@code pkg/msg/Name} or {@code pkg/Name}
   * @return whether it is well-formed
   */
  public static boolean isValidRosName(String rosType) {
    return rosType != null && ROS_NAME.matcher(rosType).matches();
  }

  /**
   * @param rosType ROS type name, {@code pkg/msg/Name} or {@code pkg/Name}
   * @return the same type as {@code pkg/msg/Name}
   * @throws IllegalArgumentException when the name is malformed
   */
  public static String fullRosName(String rosType) {
    Matcher m = match(rosType);
    return m.group(1) + "/msg/" + m.group(3);
  }

  /**
   * The DDS type name rmw gives a ROS 2 message type.
   *
   * @param rosType ROS type name, {@code pkg/msg/Name} or {@code pkg/Name}
   * @return e.g. {@code std_msgs::msg::dds_::String_} for {@code std_msgs/msg/String}
   * @throws IllegalArgumentException when the name is malformed
   */
  public static String ddsName(String rosType) {
    Matcher m = match(rosType);
    return m.group(1) + "::msg::dds_::" + m.group(3) + "_";
  }

  private static Matcher match(String rosType) {
    Matcher m = rosType == null ? null : ROS_NAME.matcher(rosType);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("'" + rosType + "' is not a ROS 2 message type name; "
          + "expected pkg/msg/Name, e.g. std_msgs/msg/String.");
    }
    return m;
  }

  /** @return the ROS type name, {@code pkg/msg/Name} */
  public String rosType() {
    return rosType;
  }

  @Override
  public void serialize(Sample data, SerializedPayload payload) throws IOException {
    byte[] bytes = data.data;
    if (bytes == null || bytes.length < 4) {
      throw new IOException("A raw " + rosType + " sample needs at least the 4-byte CDR header.");
    }
    ByteBuffer buffer = payload.getData();
    if (bytes.length > maxPayloadBytes || bytes.length > buffer.capacity()) {
      throw new IOException("A " + rosType + " message of " + bytes.length + " bytes exceeds the "
          + maxPayloadBytes + "-byte payload reserved for its topic.");
    }
    buffer.clear();
    buffer.put(bytes);
    buffer.flip();
    // Byte 1 of the encapsulation header: 0 = CDR big endian, 1 = CDR little endian.
    payload.setEncapsulation((bytes[1] & 1) == 0 ? SerializedPayload.CDR_BE
        : SerializedPayload.CDR_LE);
    payload.setLength(bytes.length);
  }

  @Override
  public void deserialize(SerializedPayload payload, Sample data) throws IOException {
    // ihmc-pub-sub reports a received sample's length as the payload's length plus the 4 bytes
    // of an encapsulation header, although the bytes it hands over already start with that
    // header; the last 4 bytes are stale buffer content. The reservation of getTypeSize() keeps
    // 8 bytes of slack, so the +4 is always applied and always removed here.
    int length = payload.getLength() - RECEIVE_LENGTH_SLACK;
    if (length < 4 || length > maxPayloadBytes) {
      throw new IOException("A received " + rosType + " sample reports " + payload.getLength()
          + " bytes, outside 8.." + (maxPayloadBytes + RECEIVE_LENGTH_SLACK) + ".");
    }
    byte[] bytes = new byte[length];
    payload.getData().get(0, bytes);
    data.data = bytes;
  }

  @Override
  public void serialize(Sample data, InterchangeSerializer serializer) {
    throw new IllegalStateException("Raw samples are opaque CDR; JSON/YAML interchange is not "
        + "offered.");
  }

  @Override
  public void deserialize(InterchangeSerializer serializer, Sample data) {
    throw new IllegalStateException("Raw samples are opaque CDR; JSON/YAML interchange is not "
        + "offered.");
  }

  @Override
  public void serialize(Sample data, CDR cdr) {
    throw new IllegalStateException("Raw samples are copied as bytes, not nested in IHMC types.");
  }

  @Override
  public void deserialize(Sample data, CDR cdr) {
    throw new IllegalStateException("Raw samples are copied as bytes, not nested in IHMC types.");
  }

  @Override
  public void copy(Sample src, Sample dest) {
    dest.data = src.data;
  }

  @Override
  public int getTypeSize() {
    return maxPayloadBytes + 2 * RECEIVE_LENGTH_SLACK;
  }

  @Override
  public String getName() {
    return ddsName;
  }

  @Override
  public Sample createData() {
    return new Sample();
  }

  @Override
  public TopicDataType<Sample> newInstance() {
    return new RawTopicType(rosType, ddsName, maxPayloadBytes);
  }
}
