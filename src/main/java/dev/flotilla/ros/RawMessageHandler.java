package dev.flotilla.ros;

/** Receives serialized messages from a raw DDS subscription ({@link DdsBus#subscribeRaw}). */
@FunctionalInterface
public interface RawMessageHandler {
  /**
   * @param cdr the CDR payload with its 4-byte encapsulation header, as rosbag2 stores it
   * @param receiveNanos wall-clock receive time, ns since the Unix epoch
   */
  void accept(byte[] cdr, long receiveNanos);
}
