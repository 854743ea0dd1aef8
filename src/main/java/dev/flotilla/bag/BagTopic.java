package dev.flotilla.bag;

import dev.flotilla.bag.meta.TopicMetadata;

/**
 * A topic of a bag with the message definition stored for its type.
 *
 * @param topic name, type, serialization format, QoS, type hash
 * @param definitionEncoding {@code ros2msg}, {@code ros2idl}, or "" when the bag has none
 * @param definition the definition text with its dependencies ("" when none)
 */
public record BagTopic(TopicMetadata topic, String definitionEncoding, String definition) {}
