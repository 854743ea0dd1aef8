package dev.flotilla.bag.meta;

/**
 * One entry of {@code files} (metadata version 5 and later).
 *
 * @param path file path relative to the bag directory
 * @param startingTime log time of its first message (ns since epoch)
 * @param duration last minus first log time (ns)
 * @param messageCount messages in the file
 */
public record BagFileInfo(String path, long startingTime, long duration, long messageCount) {}
