/**
 * rosbag2 bags: reads (directory with metadata.yaml or a single file, MCAP or SQLite3 storage,
 * split bags, messages merged in log-time order), writes and recovers bags over the storage formats
 * below.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.bag.io}, {@code
 * dev.flotilla.bag.mcap}, {@code dev.flotilla.bag.meta}, {@code dev.flotilla.bag.msgdef}, {@code
 * dev.flotilla.bag.sqlite}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag;
