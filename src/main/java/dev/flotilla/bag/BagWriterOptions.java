package dev.flotilla.bag;

import dev.flotilla.bag.mcap.ChunkCompression;
import dev.flotilla.bag.msgdef.MessageDefinitions;

/**
 * How a {@link BagWriter} writes.
 *
 * @param storage MCAP or SQLite3
 * @param compression MCAP chunk compression (ignored for SQLite3)
 * @param chunkSize MCAP uncompressed chunk size (bytes)
 * @param maxFileBytes split to a new storage file beyond this size (bytes; 0 = never split)
 * @param rosDistro value of {@code ros_distro} ("" when unknown)
 * @param definitions where message definitions for new topics come from
 */
public record BagWriterOptions(
    StorageId storage,
    ChunkCompression compression,
    int chunkSize,
    long maxFileBytes,
    String rosDistro,
    MessageDefinitions definitions) {

  /**
   * rosbag2's defaults for a storage: zstd-compressed 768 KiB chunks for MCAP, no splitting,
   * the bundled common definitions.
   *
   * @param storage the storage
   * @return the options
   */
  public static BagWriterOptions defaults(StorageId storage) {
    String distro = System.getenv("ROS_DISTRO");
    return new BagWriterOptions(storage, ChunkCompression.ZSTD, 768 * 1024, 0,
        distro == null ? "" : distro, MessageDefinitions.bundled());
  }

  /** The same options with another MCAP compression. */
  public BagWriterOptions withCompression(ChunkCompression c) {
    return new BagWriterOptions(storage, c, chunkSize, maxFileBytes, rosDistro, definitions);
  }

  /** The same options splitting files beyond {@code bytes}. */
  public BagWriterOptions withMaxFileBytes(long bytes) {
    return new BagWriterOptions(storage, compression, chunkSize, bytes, rosDistro, definitions);
  }

  /** The same options with another definition registry (e.g. with flotilla_msgs added). */
  public BagWriterOptions withDefinitions(MessageDefinitions d) {
    return new BagWriterOptions(storage, compression, chunkSize, maxFileBytes, rosDistro, d);
  }
}
