package dev.flotilla.bag;

/**
 * One recorded message.
 *
 * @param topic topic name
 * @param type ROS type name ({@code pkg/msg/Type})
 * @param data serialized message (CDR with encapsulation header)
 * @param logTimeNanos time the recorder received it (ns since epoch)
 * @param publishTimeNanos time it was published (ns since epoch; equals the log time when the
 *     storage does not keep it, as in SQLite3)
 */
public record BagMessage(
    String topic, String type, byte[] data, long logTimeNanos, long publishTimeNanos) {}
