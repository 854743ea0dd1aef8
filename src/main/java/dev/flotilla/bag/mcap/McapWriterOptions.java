package dev.flotilla.bag.mcap;

/**
 * What an {@link McapWriter} emits. The summary flags correspond to the MCAP conformance-suite
 * features: {@code chunked} (ch), {@code messageIndexes} (mx), {@code chunkIndexes} (chx),
 * {@code statistics} (st), {@code summarySchemas} (rsh), {@code summaryChannels} (rch),
 * {@code attachmentIndexes} (ax), {@code metadataIndexes} (mdx), {@code summaryOffsets} (sum).
 *
 * @param profile header profile ({@code ros2} for rosbag2)
 * @param library header library string
 * @param compression chunk compression
 * @param chunkSize uncompressed chunk size that triggers a new chunk (bytes)
 * @param chunked put schemas, channels and messages into chunks
 * @param messageIndexes write a message index per channel after each chunk
 * @param chunkIndexes write chunk indexes in the summary
 * @param statistics write a statistics record in the summary
 * @param summarySchemas repeat schemas in the summary
 * @param summaryChannels repeat channels in the summary
 * @param attachmentIndexes write attachment indexes in the summary
 * @param metadataIndexes write metadata indexes in the summary
 * @param summaryOffsets write summary offset records
 */
public record McapWriterOptions(
    String profile,
    String library,
    ChunkCompression compression,
    int chunkSize,
    boolean chunked,
    boolean messageIndexes,
    boolean chunkIndexes,
    boolean statistics,
    boolean summarySchemas,
    boolean summaryChannels,
    boolean attachmentIndexes,
    boolean metadataIndexes,
    boolean summaryOffsets) {

  /** Library string Flotilla writes in MCAP headers. */
  public static final String LIBRARY = "flotilla-bag 0.1";

  /**
   * Full indexing as rosbag2 writes it: chunked, every index and the statistics, zstd.
   *
   * @param profile header profile (e.g. {@code ros2})
   * @return the options
   */
  public static McapWriterOptions indexed(String profile) {
    return new McapWriterOptions(profile, LIBRARY, ChunkCompression.ZSTD, 768 * 1024, true, true,
        true, true, true, true, true, true, true);
  }

  /** The same options with another compression. */
  public McapWriterOptions withCompression(ChunkCompression c) {
    return new McapWriterOptions(profile, library, c, chunkSize, chunked, messageIndexes,
        chunkIndexes, statistics, summarySchemas, summaryChannels, attachmentIndexes,
        metadataIndexes, summaryOffsets);
  }

  /** The same options with another chunk size (bytes). */
  public McapWriterOptions withChunkSize(int bytes) {
    return new McapWriterOptions(profile, library, compression, bytes, chunked, messageIndexes,
        chunkIndexes, statistics, summarySchemas, summaryChannels, attachmentIndexes,
        metadataIndexes, summaryOffsets);
  }
}
