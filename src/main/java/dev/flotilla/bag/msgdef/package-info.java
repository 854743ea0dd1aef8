/**
 * ROS 2 message definitions: parses .msg text and rosbag2 ros2msg schemas into field
 * specifications, and bundles the definitions of the common types.
 *
 * <p>Depends on no other dev.flotilla package. Checked by {@code AlgorithmEdgesTest}.
 */
package dev.flotilla.bag.msgdef;
