package dev.flotilla.bag.sqlite;

/**
 * A row of the {@code message_definitions} table (rosbag2 Iron and later).
 *
 * @param topicType ROS type name
 * @param encoding {@code ros2msg}, {@code ros2idl} or {@code unknown}
 * @param definition the definition text with its dependencies
 * @param typeDescriptionHash RIHS01 hash ("" when unknown)
 */
public record Db3Definition(
    String topicType, String encoding, String definition, String typeDescriptionHash) {}
