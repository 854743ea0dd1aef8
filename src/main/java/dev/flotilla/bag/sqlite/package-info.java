/**
 * The rosbag2 SQLite3 storage format (schema versions 1 to 4): a read-only reader and a writer.
 *
 * <p>May depend on (within dev.flotilla): {@code dev.flotilla.bag.io}, {@code
 * dev.flotilla.bag.meta}; nothing else. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.sqlite;
