package dev.flotilla.bag.sqlite;

/**
 * A row of the {@code messages} table.
 *
 * @param topicId the topic row id
 * @param timestamp receive time (ns since epoch)
 * @param data serialized message (CDR)
 */
public record Db3Message(int topicId, long timestamp, byte[] data) {}
