package dev.flotilla.bag.sqlite;

import dev.flotilla.bag.meta.TopicMetadata;

/**
 * A row of the {@code topics} table.
 *
 * @param id row id, referenced by {@code messages.topic_id}
 * @param topic the topic
 */
public record Db3Topic(int id, TopicMetadata topic) {}
