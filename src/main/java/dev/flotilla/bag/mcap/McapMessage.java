package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;

/**
 * A message with its channel and schema resolved.
 *
 * @param channel the channel (topic, message encoding, metadata)
 * @param schema the schema, or null for a schemaless channel
 * @param sequence sequence number
 * @param logTime record time (ns)
 * @param publishTime publish time (ns)
 * @param data serialized message
 */
public record McapMessage(
    Channel channel, Schema schema, long sequence, long logTime, long publishTime, byte[] data) {}
