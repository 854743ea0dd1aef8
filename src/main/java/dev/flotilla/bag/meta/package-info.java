/**
 * rosbag2 metadata (metadata.yaml and its serialized form inside storage files) as records, read
 * and written in rosbag2's key order.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.meta;
