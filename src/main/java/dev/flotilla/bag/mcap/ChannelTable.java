package dev.flotilla.bag.mcap;

import dev.flotilla.bag.mcap.McapRecord.Channel;
import dev.flotilla.bag.mcap.McapRecord.Schema;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The schemas and channels of one MCAP file, by id. For the per-message path of chunk decoding
 * they are also kept as arrays indexed by channel id ({@link #channelById}, {@link
 * #schemaByChannel}), built once before any chunk is decoded (possibly on two threads); a channel
 * defined only inside a chunk is added later under this table's lock.
 */
final class ChannelTable {
  final Map<Integer, Schema> schemas = new LinkedHashMap<>();
  final Map<Integer, Channel> channels = new LinkedHashMap<>();
  /** Channels by id, null until {@link #buildArrays()}; read without the lock when non-null. */
  Channel[] channelById;
  /** Each channel's schema by channel id, beside {@link #channelById}. */
  Schema[] schemaByChannel;

  /** Builds the lookup arrays from the maps, once. */
  synchronized void buildArrays() {
    if (channelById == null) {
      Channel[] byId = new Channel[0x10000];
      Schema[] schemaOf = new Schema[0x10000];
      for (Channel c : channels.values()) {
        byId[c.id()] = c;
        schemaOf[c.id()] = schemas.get(c.schemaId());
      }
      schemaByChannel = schemaOf;
      channelById = byId;
    }
  }

  /** A schema or channel record found inside a chunk: kept unless its id is already known. */
  synchronized void define(McapRecord r) {
    if (r instanceof Schema s) {
      schemas.putIfAbsent(s.id(), s);
    } else if (r instanceof Channel c) {
      channels.putIfAbsent(c.id(), c);
      channelById[c.id()] = channels.get(c.id());
      schemaByChannel[c.id()] = schemas.get(channelById[c.id()].schemaId());
    }
  }
}
