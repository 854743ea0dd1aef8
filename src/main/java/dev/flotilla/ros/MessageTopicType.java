package dev.flotilla.ros;

import dev.flotilla.cdr.CdrException;
import dev.flotilla.cdr.CdrReader;
import dev.flotilla.cdr.CdrWriter;
import dev.flotilla.msgs.MessageType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.logging.Logger;
import us.ihmc.idl.CDR;
import us.ihmc.idl.InterchangeSerializer;
import us.ihmc.pubsub.TopicDataType;
import us.ihmc.pubsub.common.SerializedPayload;

/**
 * Adapts a generated {@link MessageType} to ihmc-pub-sub's {@link TopicDataType}. The DDS layer
 * wants a mutable sample it can deserialize into; generated messages are immutable records, so the
 * sample is a {@link Holder}. Serialization is our own XCDR1 codec, byte-compatible with rmw's.
 *
 * @param <T> generated message record
 */
final class MessageTopicType<T> implements TopicDataType<MessageTopicType.Holder<T>> {
  private static final Logger LOG = Logger.getLogger(MessageTopicType.class.getName());
  private final MessageType<T> type;
  private final CdrWriter writer = new CdrWriter();

  MessageTopicType(MessageType<T> type) {
    this.type = type;
  }

  /** A mutable box around one immutable message. */
  static final class Holder<T> {
    T value;
  }

  @Override
  public synchronized void serialize(Holder<T> data, SerializedPayload payload)
      throws IOException {
    writer.reset();
    type.writer().accept(writer, data.value);
    ByteBuffer buffer = payload.getData();
    if (writer.size() > buffer.capacity()) {
      throw new IOException("A " + type.rosName() + " message of " + writer.size()
          + " bytes exceeds the " + buffer.capacity() + "-byte payload reserved for its topic.");
    }
    buffer.clear();
    writer.copyTo(buffer);
    buffer.flip();
    payload.setEncapsulation(SerializedPayload.CDR_LE);
    payload.setLength(buffer.limit());
  }

  @Override
  public void deserialize(SerializedPayload payload, Holder<T> data) throws IOException {
    ByteBuffer buffer = payload.getData();
    byte[] bytes = new byte[payload.getLength()];
    buffer.get(0, bytes);
    try {
      data.value = type.reader().apply(new CdrReader(bytes));
    } catch (CdrException | IllegalArgumentException | NullPointerException e) {
      // Never let one malformed sample from a foreign peer reach the node or stall the reader.
      data.value = null;
      LOG.warning(() -> "Dropped a " + type.rosName() + " sample that does not decode: "
          + e.getMessage());
    }
  }

  @Override
  public void serialize(Holder<T> data, InterchangeSerializer serializer) {
    throw new IllegalStateException(
        "Flotilla messages are exchanged as CDR only; JSON/YAML interchange is not offered.");
  }

  @Override
  public void deserialize(InterchangeSerializer serializer, Holder<T> data) {
    throw new IllegalStateException(
        "Flotilla messages are exchanged as CDR only; JSON/YAML interchange is not offered.");
  }

  @Override
  public void serialize(Holder<T> data, CDR cdr) {
    throw new IllegalStateException(
        "Flotilla messages are serialized by their own codec, not as nested IHMC types.");
  }

  @Override
  public void deserialize(Holder<T> data, CDR cdr) {
    throw new IllegalStateException(
        "Flotilla messages are deserialized by their own codec, not as nested IHMC types.");
  }

  @Override
  public void copy(Holder<T> src, Holder<T> dest) {
    dest.value = src.value;
  }

  @Override
  public int getTypeSize() {
    return type.maxPayloadBytes();
  }

  @Override
  public String getName() {
    return type.ddsName();
  }

  @Override
  public Holder<T> createData() {
    return new Holder<>();
  }

  @Override
  public TopicDataType<Holder<T>> newInstance() {
    return new MessageTopicType<>(type);
  }
}
