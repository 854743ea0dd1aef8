package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import java.nio.ByteBuffer;

/**
 * A message with its channel and schema resolved.
 *
 * <p>A message read from a chunk does not own a copy of its payload: it points into the chunk
 * (the read-only file mapping for uncompressed chunks, the decompressed chunk otherwise), so
 * reading without looking at every payload costs no copy. {@link #dataBuffer()} is that view;
 * {@link #data()} copies it into an array once, on first use. The view stays readable after the
 * reader is closed (the mapping lives as long as a view of it), provided the file is not
 * truncated meanwhile; holding one message of a decompressed chunk keeps that chunk in memory.
 * Not thread-safe: {@link #data()} caches its copy without locking.
 */
public final class McapMessage {
  private final Channel channel;
  private final Schema schema;
  private final long sequence;
  private final long logTime;
  private final long publishTime;
  /** The chunk holding the payload (absolute indexing), or null when {@link #copy} is set. */
  private final ByteBuffer chunk;
  private final int offset;
  private final int length;
  private byte[] copy;

  /**
   * A message owning its payload.
   *
   * @param channel the channel (topic, message encoding, metadata)
   * @param schema the schema, or null for a schemaless channel
   * @param sequence sequence number
   * @param logTime record time (ns since epoch)
   * @param publishTime publish time (ns since epoch)
   * @param data serialized message, not copied
   */
  public McapMessage(Channel channel, Schema schema, long sequence, long logTime,
      long publishTime, byte[] data) {
    this(channel, schema, sequence, logTime, publishTime, null, 0, data.length);
    this.copy = data;
  }

  /** A message whose payload is {@code chunk[offset, offset + length)} (read-only buffer). */
  McapMessage(Channel channel, Schema schema, long sequence, long logTime, long publishTime,
      ByteBuffer chunk, int offset, int length) {
    this.channel = channel;
    this.schema = schema;
    this.sequence = sequence;
    this.logTime = logTime;
    this.publishTime = publishTime;
    this.chunk = chunk;
    this.offset = offset;
    this.length = length;
  }

  /** @return the channel (topic, message encoding, metadata) */
  public Channel channel() {
    return channel;
  }

  /** @return the schema, or null for a schemaless channel */
  public Schema schema() {
    return schema;
  }

  /** @return the sequence number */
  public long sequence() {
    return sequence;
  }

  /** @return the record time (ns since epoch) */
  public long logTime() {
    return logTime;
  }

  /** @return the publish time (ns since epoch) */
  public long publishTime() {
    return publishTime;
  }

  /** @return the payload size (bytes), without copying it */
  public int dataLength() {
    return length;
  }

  /**
   * The serialized message as an array: copied out of the chunk on the first call, the same
   * array afterwards.
   *
   * @return the payload
   */
  public byte[] data() {
    if (copy == null) {
      byte[] b = new byte[length];
      chunk.get(offset, b);
      copy = b;
    }
    return copy;
  }

  /**
   * The serialized message without a copy: a read-only buffer from position 0 to its limit, the
   * payload size, in the default (big-endian) byte order; CDR's encapsulation header says which
   * order the content uses.
   *
   * @return a new read-only view of the payload
   */
  public ByteBuffer dataBuffer() {
    return copy != null ? ByteBuffer.wrap(copy).asReadOnlyBuffer()
        : chunk.slice(offset, length);
  }

  @Override
  public String toString() {
    return "McapMessage[topic=" + channel.topic() + ", sequence=" + sequence + ", logTime="
        + logTime + ", publishTime=" + publishTime + ", bytes=" + length + "]";
  }
}
