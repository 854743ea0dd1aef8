package dev.flotilla.bag.meta;

import java.util.List;
import java.util.Map;

/**
 * rosbag2's {@code rosbag2_bagfile_information} (metadata.yaml), versions 4 to 9.
 *
 * @param version metadata format version
 * @param storageIdentifier {@code mcap} or {@code sqlite3}
 * @param relativeFilePaths storage files relative to the bag directory, in order
 * @param duration last minus first message log time (ns)
 * @param startingTime first message log time (ns since epoch; Long.MAX_VALUE when empty)
 * @param messageCount total messages
 * @param topics topics with their message counts
 * @param compressionFormat file/message compression ("" for none)
 * @param compressionMode "" / FILE / MESSAGE
 * @param files per-file information (empty before version 5)
 * @param customData user key/values (empty when absent)
 * @param rosDistro ROS distribution that wrote the bag ("" when absent)
 */
public record BagMetadata(
    int version,
    String storageIdentifier,
    List<String> relativeFilePaths,
    long duration,
    long startingTime,
    long messageCount,
    List<TopicMessageCount> topics,
    String compressionFormat,
    String compressionMode,
    List<BagFileInfo> files,
    Map<String, String> customData,
    String rosDistro) {

  /** The metadata version Flotilla writes (type_description_hash present, ros_distro). */
  public static final int WRITTEN_VERSION = 8;
}
