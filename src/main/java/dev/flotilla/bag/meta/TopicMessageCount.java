package dev.flotilla.bag.meta;

/**
 * One entry of {@code topics_with_message_count}.
 *
 * @param topic the topic
 * @param messageCount messages recorded on it
 */
public record TopicMessageCount(TopicMetadata topic, long messageCount) {}
